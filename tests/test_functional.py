"""Every functional example, through the analysis core and through both hosts.

Each example's ``# [symbol]`` comments say which rules fire on which lines; its
golden ``.txt`` holds the whole output (positions, message, confidence), so any
message change fails here and is reviewed as a diff of the golden files. The
subprocess tests run pylint and flake8 exactly as IDEs do (source on stdin,
real path given) and compare what they print with the same golden file, so all
three paths are proved to report the same findings with the same messages.

Regenerate the golden files after an intended change:
``python -m pytest tests/test_functional.py --update-golden``.
"""

from __future__ import annotations

import re

import pytest

from conftest import (FUNCTIONAL, as_csv, as_symbols, assert_same_lines, expected_findings, finding_lines,
                      functional_files, golden_file, golden_lines, golden_rows, pylint_lines, run_flake8_stdin,
                      run_pylint_stdin)
from v2lint.catalogue import RULES_BY_CODE
from v2lint.modules import analyse_source

_FLAKE8_LINE = re.compile(r"^.+?:(\d+):(\d+): (AML\d{3}) (.*)$")


def test_analysis_matches_expectations(functional_file):
    findings = analyse_source(functional_file.read_text(encoding="utf-8"), str(functional_file))
    assert as_symbols(findings) == expected_findings(functional_file)


def test_analysis_matches_golden(functional_file, request):
    findings = analyse_source(functional_file.read_text(encoding="utf-8"), str(functional_file))
    actual = as_csv(line.to_csv() for line in finding_lines(findings))
    if request.config.getoption("--update-golden"):
        golden_file(functional_file).write_text("".join(actual), encoding="utf-8", newline="")
        return
    assert_same_lines(golden_lines(functional_file), actual, functional_file, "the analysis")


def test_every_golden_file_has_its_example():
    examples = {golden_file(path) for path in functional_files()}
    orphans = sorted(set(FUNCTIONAL.rglob("*.txt")) - examples)
    assert not orphans, f"golden files whose example is gone: {orphans}"


@pytest.mark.slow
def test_pylint_matches_golden(functional_file):
    actual = as_csv(line.to_csv() for line in pylint_lines(run_pylint_stdin(functional_file)))
    assert_same_lines(golden_lines(functional_file), actual, functional_file, "pylint")


@pytest.mark.slow
def test_flake8_matches_golden(functional_file):
    """flake8 prints no end position and no confidence, and its columns count from 1."""
    golden = [(int(line), int(column), symbol, message)
              for symbol, line, column, _end_line, _end_column, _obj, message, _confidence
              in golden_rows(functional_file)]
    printed = []
    for output in run_flake8_stdin(functional_file):
        match = _FLAKE8_LINE.match(output)
        assert match, output
        line, column, code, message = match.groups()
        printed.append((int(line), int(column) - 1, RULES_BY_CODE[code].symbol, message))
    assert_same_lines(_flake8_fields(golden), _flake8_fields(printed), functional_file,
                      "flake8 (symbol:line:column:message)")


def _flake8_fields(findings: list[tuple[int, int, str, str]]) -> list[str]:
    return as_csv((symbol, line, column, message) for line, column, symbol, message in sorted(findings))


@pytest.mark.slow
def test_inline_suppressions_work_in_both_hosts(tmp_path):
    path = tmp_path / "suppressed.py"
    source = (
        "from azureml.core import Workspace  # noqa: AML001  # pylint: disable=azureml-import\n"
        "ws = Workspace.from_config()  # noqa: AML101  # pylint: disable=azureml-workspace\n"
        "ws.get_default_datastore()\n"
    )
    path.write_text(source)
    assert [m["line"] for m in run_pylint_stdin(path, source)] == [3]
    assert [int(line.split(":")[1]) for line in run_flake8_stdin(path, source)] == [3]


@pytest.mark.parametrize(
    ("example", "job_kind"),
    [("script_run_v1.py", "a command job"), ("pipeline_v1.py", "a pipeline job"), ("aliases_and_chains_v1.py", "a sweep job")],
)
def test_submit_advice_follows_what_is_submitted(example, job_kind):
    path = FUNCTIONAL / example
    submits = [f for f in analyse_source(path.read_text(encoding="utf-8"), str(path)) if f.code == "AML202"]
    assert submits and all(job_kind in f.message and "ml_client.jobs.create_or_update" in f.message for f in submits)


def test_messages_name_the_written_symbol_its_canonical_name_and_the_replacement():
    path = FUNCTIONAL / "aliases_and_chains_v1.py"
    findings = analyse_source(path.read_text(encoding="utf-8"), str(path))
    by_line = {f.line: f for f in findings if f.code == "AML101"}
    assert by_line[11].message.startswith("W.from_config (azureml.core.workspace.Workspace.from_config) is Azure ML SDK v1")
    assert "azure.ai.ml.MLClient.from_config" in by_line[11].message
    renamed = by_line[14].message  # Workspace.get(name=..., resource_group=...)
    assert "resource_group -> resource_group_name" in renamed and "name -> workspace_name" in renamed


def test_training_scripts_get_the_in_job_advice():
    path = FUNCTIONAL / "train_v1.py"
    findings = {f.qname: f for f in analyse_source(path.read_text(encoding="utf-8"), str(path))}
    assert "MLflow" in findings["azureml.core.run.Run"].message
    assert "`mlflow.sklearn.log_model`" in findings["azureml.core.run.Run.register_model"].message
    control = FUNCTIONAL / "script_run_v1.py"
    assert not any("inside the job" in f.message
                   for f in analyse_source(control.read_text(encoding="utf-8"), str(control)))


def test_in_job_advice_is_a_scope_not_the_file():
    path = FUNCTIONAL / "advice_contexts_v1.py"
    by_line: dict[int, str] = {}
    for finding in analyse_source(path.read_text(encoding="utf-8"), str(path)):
        by_line[finding.line] = by_line.get(finding.line, "") + finding.message
    assert "ml_client.data.get" in by_line[7]  # control plane beside a job function
    assert "AzureMLOnBehalfOfCredential" not in by_line[6]
    assert "an `azure.ai.ml.Input` of the job" in by_line[12]  # the function that calls Run.get_context()
    assert "AzureMLOnBehalfOfCredential" in by_line[18]  # an @command_component function


def test_a_job_script_with_its_v1_code_in_functions_runs_in_the_job_as_a_whole():
    path = FUNCTIONAL / "advice_job_script_v1.py"
    by_qname = {f.qname: f.message for f in analyse_source(path.read_text(encoding="utf-8"), str(path))}
    assert "an `azure.ai.ml.Input` of the job" in by_qname["azureml.core.dataset.Dataset.get_by_name"]
    assert "for tracking inside the job" in by_qname["azureml.core.run.Run"]


def test_the_compat_guard_wording_survives_the_in_job_advice():
    path = FUNCTIONAL / "advice_in_job_guard_v1.py"
    guard = analyse_source(path.read_text(encoding="utf-8"), str(path))[0]
    assert guard.code == "AML004"
    assert "fallback of an `azure.ai.ml` import: remove it" in guard.message
    assert "for tracking inside the job" in guard.message  # the in-job advice, inside the guard's sentence


def test_a_keyword_with_advice_of_its_own_keeps_the_call_s_advice():
    path = FUNCTIONAL / "deploy_v1.py"
    findings = analyse_source(path.read_text(encoding="utf-8"), str(path))
    call = next(f for f in findings if f.qname == "azureml.core.webservice.aci.AciWebservice.deploy_configuration")
    keyword = next(f for f in findings if f.qname.endswith("(dns_name_label)"))
    assert "ManagedOnlineDeployment" in call.message and "rename cpu_cores -> instance_type" in call.message
    assert keyword.written == "dns_name_label=" and keyword.code == "AML603"
