"""The `v2lint` command end to end, on realistic temporary repositories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli_helpers import CONTROL, NOTEBOOK_CELLS, PLAIN, TRAIN, finding_lines, make_repo, notebook, run_cli
from v2lint import __version__

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture
def repo(tmp_path):
    return make_repo(
        tmp_path / "repo",
        {
            "src/train.py": TRAIN,
            "src/control.py": CONTROL,
            "src/plain.py": PLAIN,
            "notebooks/train.ipynb": notebook(*NOTEBOOK_CELLS),
        },
    )


def cli(capsys, monkeypatch, cwd, *args):
    return run_cli(capsys, monkeypatch, cwd, *args)


# --------------------------------------------------------------------------- check
def test_check_reports_py_and_notebook_findings(repo, capsys, monkeypatch):
    code, out, err = cli(capsys, monkeypatch, repo, "check")
    assert code == 1
    lines = finding_lines(out)
    assert "src/train.py:3:7: AML801" in "\n".join(lines)
    assert any(line.startswith("src/train.py:4:1: AML802 [*] run.log") for line in lines)
    assert any(line.startswith("src/control.py:9:12: AML803") for line in lines)
    # notebook: code cells counted from 1 (nbQA's numbering), line in cell, column
    assert any(line.startswith("notebooks/train.ipynb:cell_1:2:1: AML001") for line in lines)
    assert any(line.startswith("notebooks/train.ipynb:cell_2:1:6: AML101") for line in lines)
    # names from cell 1 are known in cell 3: the cells are one module
    assert any(line.startswith("notebooks/train.ipynb:cell_3:1:7: AML201") for line in lines)
    assert not any("plain.py" in line for line in lines)
    assert out.splitlines()[-1].startswith("Found ")
    assert "4 files checked" in out.splitlines()[-1]
    # every message names the v2 replacement
    assert "mlflow.log_metric" in out and "azure.ai.ml.MLClient.from_config" in out


def test_default_path_and_explicit_paths(repo, capsys, monkeypatch):
    code, out, _ = cli(capsys, monkeypatch, repo / "src", "check", "train.py")
    assert code == 1
    # relative to the current directory, so that the terminal and the editor resolve it
    assert finding_lines(out) and all(line.startswith("train.py:") for line in finding_lines(out))


def test_bare_invocation_means_check(repo, capsys, monkeypatch):
    code, out, _ = cli(capsys, monkeypatch, repo, "src/train.py")
    assert code == 1 and "AML802" in out


def test_clean_repo_exits_zero(tmp_path, capsys, monkeypatch):
    root = make_repo(tmp_path / "clean", {"a.py": PLAIN})
    code, out, _ = cli(capsys, monkeypatch, root, "check")
    assert code == 0
    assert out.startswith("Found 0 SDK v1 findings; 1 file checked.")


def test_missing_path_is_a_usage_error(repo, capsys, monkeypatch):
    code, _, err = cli(capsys, monkeypatch, repo, "check", "does-not-exist")
    assert code == 2 and "no such file" in err


def test_version_and_rules(capsys, monkeypatch, tmp_path):
    code, out, _ = cli(capsys, monkeypatch, tmp_path, "--version")
    assert code == 0 and __version__ in out
    code, out, _ = cli(capsys, monkeypatch, tmp_path, "--list-rules")
    assert code == 0 and "AML101" in out and "azureml.core.workspace.Workspace.from_config" in out
    code, listed, _ = cli(capsys, monkeypatch, tmp_path, "rules")
    assert listed == out
    code, out, _ = cli(capsys, monkeypatch, tmp_path, "rules", "--format", "json")
    rules = json.loads(out)
    assert {"code", "symbol", "tier", "targets", "url"} <= set(rules[0])


# --------------------------------------------------------------------------- exit codes and filters
def test_fail_on_and_exit_zero(tmp_path, capsys, monkeypatch):
    root = make_repo(tmp_path / "r", {"train.py": TRAIN})
    assert cli(capsys, monkeypatch, root, "check")[0] == 1
    # only "has a v2 replacement" findings: fail-on no-equivalent passes
    assert cli(capsys, monkeypatch, root, "check", "--fail-on", "no-equivalent")[0] == 0
    assert cli(capsys, monkeypatch, root, "check", "--exit-zero")[0] == 0
    (root / "control.py").write_text(CONTROL)
    assert cli(capsys, monkeypatch, root, "check", "--fail-on", "no-equivalent")[0] == 1


def test_informational_never_fails(tmp_path, capsys, monkeypatch):
    source = (
        "try:\n    from azure.ai.ml import MLClient\nexcept ImportError:\n"
        "    from azureml.core import Workspace\n"
    )
    root = make_repo(tmp_path / "r", {"guard.py": source})
    code, out, _ = cli(capsys, monkeypatch, root, "check")
    assert "AML004" in out
    assert code == 0


def test_select_and_ignore_by_code_and_family(repo, capsys, monkeypatch):
    _, out, _ = cli(capsys, monkeypatch, repo, "check", "--select", "AML8")
    codes = {line.split()[1] for line in finding_lines(out)}
    assert codes == {"AML801", "AML802", "AML803"}
    _, out, _ = cli(capsys, monkeypatch, repo, "check", "--select", "AML80", "--ignore", "AML803")
    assert {line.split()[1] for line in finding_lines(out)} == {"AML801", "AML802"}
    _, out, _ = cli(capsys, monkeypatch, repo, "check", "--ignore", "AML0,AML1", "--ignore", "AML2")
    codes = {line.split()[1] for line in finding_lines(out)}
    assert codes and not any(c.startswith(("AML0", "AML1", "AML2")) for c in codes)
    code, _, err = cli(capsys, monkeypatch, repo, "check", "--select", "W0611")
    assert code == 2 and "W0611" in err


def test_pyproject_settings(tmp_path, capsys, monkeypatch):
    root = make_repo(
        tmp_path / "r",
        {
            "pyproject.toml": '[tool.v2lint]\nexclude = ["legacy/", "gen_*.py"]\nignore = ["AML001"]\n',
            "legacy/old.py": TRAIN,
            "gen_code.py": TRAIN,
            "app/train.py": TRAIN,
        },
    )
    code, out, _ = cli(capsys, monkeypatch, root, "check")
    lines = finding_lines(out)
    assert lines and all(line.startswith("app/train.py") for line in lines)
    assert not any(" AML001 " in line for line in lines)
    # explicit files are always linted
    _, out, _ = cli(capsys, monkeypatch, root, "check", "legacy/old.py")
    assert any(line.startswith("legacy/old.py") for line in finding_lines(out))


def test_broken_pyproject_is_a_config_error(tmp_path, capsys, monkeypatch):
    root = make_repo(tmp_path / "r", {"pyproject.toml": "[tool.v2lint\nexclude = 1\n", "a.py": TRAIN})
    code, _, err = cli(capsys, monkeypatch, root, "check")
    assert code == 2 and "pyproject.toml" in err
    (root / "pyproject.toml").write_text('[tool.v2lint]\nexclude = "x"\nfail-on = "sometimes"\n')
    code, _, err = cli(capsys, monkeypatch, root, "check")
    assert code == 2 and "fail-on" in err


# --------------------------------------------------------------------------- walking
def test_walk_skips_environments_and_gitignored(tmp_path, capsys, monkeypatch):
    root = make_repo(
        tmp_path / "r",
        {
            ".gitignore": "/generated/\n*.gen.py\nscratch/\n!keep.gen.py\n",
            "app.py": TRAIN,
            "keep.gen.py": TRAIN,
            "other.gen.py": TRAIN,
            "generated/a.py": TRAIN,
            "sub/generated/b.py": TRAIN,  # "/generated/" is anchored to the root
            "sub/scratch/c.py": TRAIN,  # "scratch/" matches at any depth
            "sub/.gitignore": "local.py\n",
            "sub/local.py": TRAIN,
            "myenv/pyvenv.cfg": "home = /usr\n",
            "myenv/lib/x.py": TRAIN,
            ".venv/lib/y.py": TRAIN,
            "venv/z.py": TRAIN,
            "node_modules/m.py": TRAIN,
            "build/b.py": TRAIN,
            "dist/d.py": TRAIN,
            ".tox/t.py": TRAIN,
            "lib/site-packages/s.py": TRAIN,
            "nb/.ipynb_checkpoints/n-checkpoint.ipynb": notebook(*NOTEBOOK_CELLS),
        },
    )
    code, out, _ = cli(capsys, monkeypatch, root, "check")
    paths = {line.split(":")[0] for line in finding_lines(out)}
    assert paths == {"app.py", "keep.gen.py", "sub/generated/b.py"}


def test_symlink_loop_does_not_hang(tmp_path, capsys, monkeypatch):
    root = make_repo(tmp_path / "r", {"pkg/train.py": TRAIN})
    os.symlink(root / "pkg", root / "pkg" / "loop")
    os.symlink(root, root / "pkg" / "up")
    code, out, _ = cli(capsys, monkeypatch, root, "check")
    assert code == 1
    assert {line.split(":")[0] for line in finding_lines(out)} == {"pkg/train.py"}


# --------------------------------------------------------------------------- suppressions
def test_inline_suppressions_in_py_and_notebooks(tmp_path, capsys, monkeypatch):
    from v2lint.catalogue import RULES_BY_CODE

    logging_rule = RULES_BY_CODE["AML802"]
    source = (
        "from azureml.core import Run  # noqa\n"
        "run = Run.get_context()  # noqa: AML801\n"
        "run.log('a', 1)  # noqa: AML8\n"
        f"run.log('b', 2)  # pylint: disable={logging_rule.symbol}\n"
        f"run.log('c', 3)  # pylint: disable={logging_rule.msgid}\n"
        "run.log('d', 4)  # noqa: E501\n"
    )
    cell = "from azureml.core import Run  # noqa: AML001\nrun = Run.get_context()\nrun.log('x', 1)  # noqa\n"
    root = make_repo(tmp_path / "r", {"t.py": source, "n.ipynb": notebook(cell)})
    _, out, _ = cli(capsys, monkeypatch, root, "check")
    lines = finding_lines(out)
    assert [line.split(": ")[0] + " " + line.split()[1] for line in lines] == [
        "n.ipynb:cell_1:2:7 AML801",
        "t.py:6:1 AML802",
    ]


# --------------------------------------------------------------------------- unanalysable inputs
BAD_INPUTS = {
    "syntax.py": "from azureml.core import Workspace\ndef broken(:\n",
    "undecodable.py": b"# azureml\nx = '\xff\xfe\xfa'\n",
    "nul.py": b"from azureml.core import Workspace\x00\n",
    "broken.ipynb": '{"cells": [ {"cell_type": "code", "source": "import azureml.core"',
    "nocells.ipynb": '{"metadata": {}, "nbformat": 4, "azureml": 1}',
    "badsource.ipynb": json.dumps({"cells": [{"cell_type": "code", "source": [1, 2], "metadata": {}}], "x": "azureml"}),
    "badsource2.ipynb": json.dumps({"cells": [{"cell_type": "code", "source": {"a": "azureml"}}]}),
    "notobject.ipynb": '["azureml"]',
    "badcell.ipynb": notebook("from azureml.core import Run\n", "def f(:\n    azureml_run = 1\n", "run = Run.get_context()\n"),
}


def test_bad_inputs_are_aml000_and_the_run_goes_on(tmp_path, capsys, monkeypatch):
    root = make_repo(tmp_path / "r", {**BAD_INPUTS, "good.py": TRAIN})
    code, out, err = cli(capsys, monkeypatch, root, "check", "--format", "json")
    assert code == 1
    assert "Traceback" not in err
    found = json.loads(out)
    aml000 = {f["path"]: f for f in found if f["code"] == "AML000"}
    expected = set(BAD_INPUTS)
    assert set(aml000) == expected
    assert "NUL" in aml000["nul.py"]["message"]
    assert "decode" in aml000["undecodable.py"]["message"]
    assert "syntax error" in aml000["syntax.py"]["message"] and aml000["syntax.py"]["line"] == 1
    assert "cells" in aml000["nocells.ipynb"]["message"]
    assert "list of strings" in aml000["badsource.ipynb"]["message"]
    # one bad cell does not hide the others: cell 3 still uses Run from cell 1
    assert aml000["badcell.ipynb"]["cell"] == 2
    assert any(f["path"] == "badcell.ipynb" and f["cell"] == 3 and f["code"] == "AML801" for f in found)
    assert any(f["path"] == "good.py" and f["code"] == "AML802" for f in found)


def test_files_that_cannot_be_read(tmp_path, monkeypatch):
    from v2lint import engine

    root = make_repo(tmp_path / "r", {"a.py": TRAIN})
    vanished = engine.lint_file(str(root / "gone.py"), str(root))
    assert [r.code for r in vanished.results] == ["AML000"] and "vanished" in vanished.results[0].message

    from v2lint import safe_io

    real_read = safe_io.read_bytes

    def denied(path, *args, **kwargs):
        if str(path).endswith("a.py"):
            raise PermissionError(13, "Permission denied")
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(safe_io, "read_bytes", denied)
    result = engine.lint_file(str(root / "a.py"), str(root))
    assert [r.code for r in result.results] == ["AML000"] and "permission denied" in result.results[0].message


def test_file_vanishing_mid_run(tmp_path, capsys, monkeypatch):
    from v2lint import cli as cli_module, discovery

    root = make_repo(tmp_path / "r", {"a.py": TRAIN, "b.py": TRAIN})
    real_walk = discovery.walk

    def walk_then_delete(*args, **kwargs):
        files = list(real_walk(*args, **kwargs))
        (root / "a.py").unlink()
        return files

    monkeypatch.setattr(discovery, "walk", walk_then_delete)
    code, out, err = cli(capsys, monkeypatch, root, "check")
    assert code == 1
    assert any(line.startswith("a.py:1:1: AML000") for line in finding_lines(out))
    assert any(line.startswith("b.py:") and "AML802" in line for line in finding_lines(out))
    assert cli_module  # imported for monkeypatch symmetry


def test_non_python_kernel_is_skipped_with_a_note(tmp_path, capsys, monkeypatch):
    root = make_repo(tmp_path / "r", {"r.ipynb": notebook("library(azureml)\n", kernel="R")})
    code, out, err = cli(capsys, monkeypatch, root, "check")
    assert code == 0
    assert "r.ipynb" in err and "not Python" in err


# --------------------------------------------------------------------------- determinism
def test_output_identical_across_jobs(repo, capsys, monkeypatch):
    for i in range(3):
        (repo / f"more/m{i}.py").parent.mkdir(exist_ok=True)
        (repo / f"more/m{i}.py").write_text(CONTROL if i % 2 else TRAIN)
    outputs = set()
    for jobs in ("1", "2"):
        for fmt in ("json", "sarif"):
            code, out, _ = cli(capsys, monkeypatch, repo, "check", "-j", jobs, "--format", fmt)
            assert code == 1
            outputs.add((fmt, out))
    assert len(outputs) == 2


# --------------------------------------------------------------------------- formats
def test_json_fields(repo, capsys, monkeypatch):
    _, out, _ = cli(capsys, monkeypatch, repo, "check", "--format", "json")
    found = json.loads(out)
    keys = {"path", "cell", "line", "col", "end_line", "end_col", "code", "symbol", "tier", "qname", "written",
            "message", "advice", "url", "fix"}
    assert all(set(f) == keys for f in found)
    nb = [f for f in found if f["path"].endswith(".ipynb")]
    assert nb and all(isinstance(f["cell"], int) for f in nb)
    assert all(f["cell"] is None for f in found if f["path"].endswith(".py"))
    assert found == sorted(found, key=lambda f: (f["path"], f["cell"] or 0, f["line"], f["col"], f["code"]))


def test_sarif_validates_and_points_into_the_notebook_json(repo, capsys, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    for single in (False, True):
        (repo / "notebooks/train.ipynb").write_text(notebook(*NOTEBOOK_CELLS, single_string=single))
        code, out, _ = cli(capsys, monkeypatch, repo, "check", "--format", "sarif")
        document = json.loads(out)
        jsonschema.validate(document, json.loads(SCHEMA.read_text()))
        run = document["runs"][0]
        assert document["version"] == "2.1.0"
        driver = run["tool"]["driver"]
        assert driver["name"] == "v2lint" and driver["version"] == __version__
        rules = {rule["id"]: rule for rule in driver["rules"]}
        assert rules["AML803"]["defaultConfiguration"]["level"] == "error"
        assert rules["AML101"]["defaultConfiguration"]["level"] == "warning"
        assert "azure.ai.ml.MLClient.from_config" in rules["AML101"]["help"]["markdown"]
        raw_lines = (repo / "notebooks/train.ipynb").read_text().splitlines()
        nb_results = [
            r for r in run["results"]
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notebooks/train.ipynb"
        ]
        assert nb_results
        for result in nb_results:
            location = result["locations"][0]["physicalLocation"]
            assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            region = location["region"]
            props = result["properties"]
            cell_line = NOTEBOOK_CELLS[props["cell"]].splitlines()[props["cellLine"] - 1]
            raw = raw_lines[region["startLine"] - 1]
            # the region starts where the finding starts inside the JSON string
            expected = cell_line[props["cellColumn"] - 1:][:10]
            assert raw[region["startColumn"] - 1:].startswith(expected), (raw, region, expected)
            assert f"cell {props['cell']}, line {props['cellLine']}" in result["message"]["text"]
        levels = {r["ruleId"]: r["level"] for r in run["results"]}
        assert levels["AML803"] == "error" and levels["AML802"] == "warning"
        fingerprints = [r["partialFingerprints"]["v2lint/v1"] for r in run["results"]]
        assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_fingerprints_survive_moving_code(tmp_path, capsys, monkeypatch):
    root = make_repo(tmp_path / "r", {"t.py": TRAIN})
    _, before, _ = cli(capsys, monkeypatch, root, "check", "--format", "sarif")
    (root / "t.py").write_text("import os\n\n\n" + TRAIN)
    _, after, _ = cli(capsys, monkeypatch, root, "check", "--format", "sarif")

    def prints(document):
        return sorted(r["partialFingerprints"]["v2lint/v1"] for r in json.loads(document)["runs"][0]["results"])

    assert prints(before) == prints(after)


def test_github_annotations(repo, capsys, monkeypatch):
    _, out, _ = cli(capsys, monkeypatch, repo, "check", "--format", "github")
    lines = out.splitlines()
    assert any(
        line.startswith("::error file=src/control.py,line=9,col=12") and "title=AML803" in line for line in lines
    )
    assert any(line.startswith("::warning file=src/train.py,line=4,col=1") for line in lines)
    nb = [line for line in lines if "file=notebooks/train.ipynb" in line]
    assert nb and all("::cell " in line for line in nb)


def test_markdown_report(repo, capsys, monkeypatch):
    code, out, _ = cli(capsys, monkeypatch, repo, "check", "--format", "report")
    assert code == 1
    for heading in ("## Totals", "## By rule", "## By Microsoft article", "## By file", "## What is left to do"):
        assert heading in out
    left = out.split("## What is left to do")[1]
    assert left.index("No v2 equivalent") < left.index("Has a v2 replacement")
    assert "migrate-to-v2-resource-workspace" in out
    # advice is Markdown text there: a placeholder must not read as an HTML tag
    assert "https://&lt;vault>.vault.azure.net/" in left and "<vault>" not in left


def test_output_file(repo, capsys, monkeypatch):
    code, out, err = cli(capsys, monkeypatch, repo, "check", "--format", "sarif", "-o", "out/results.sarif")
    assert code == 1 and out == ""
    assert json.loads((repo / "out/results.sarif").read_text())["version"] == "2.1.0"
    assert "Found" in err


# --------------------------------------------------------------------------- baseline
def test_baseline_then_check_passes(repo, capsys, monkeypatch):
    code, _, err = cli(capsys, monkeypatch, repo, "baseline", ".", "-o", ".v2lint-baseline.json")
    assert code == 0 and "recorded" in err
    data = json.loads((repo / ".v2lint-baseline.json").read_text())
    assert data["version"] == 1 and data["findings"]
    entry = data["findings"][0]
    assert set(entry) >= {"path", "code", "qname", "line_sha256", "count"}
    order = [(e["path"], e["code"], e["qname"], e["line_sha256"]) for e in data["findings"]]
    assert order == sorted(order)
    code, out, _ = cli(capsys, monkeypatch, repo, "check", "--baseline", ".v2lint-baseline.json")
    assert code == 0, out
    assert finding_lines(out) == []
    assert "known" in out


def test_baseline_catches_only_new_code(repo, capsys, monkeypatch):
    cli(capsys, monkeypatch, repo, "baseline", "-o", "base.json")
    # moving code and adding unrelated lines keeps the baseline valid
    (repo / "src/train.py").write_text("import os\n# a comment\n\n" + TRAIN)
    (repo / "src/control.py").write_text(CONTROL.replace("def workspace", "X = 1\n\n\ndef workspace"))
    cells = list(NOTEBOOK_CELLS)
    cells.insert(1, "print('hello')\n")
    (repo / "notebooks/train.ipynb").write_text(notebook(*cells))
    code, out, _ = cli(capsys, monkeypatch, repo, "check", "--baseline", "base.json")
    assert code == 0, out

    # a new v1 call in a .py file: exactly that one is named
    (repo / "src/train.py").write_text("import os\n# a comment\n\n" + TRAIN + 'run.log("loss", 0.1)\n')
    code, out, _ = cli(capsys, monkeypatch, repo, "check", "--baseline", "base.json")
    assert code == 1
    assert finding_lines(out) == [
        line for line in finding_lines(out) if line.startswith("src/train.py:8:1: AML802")
    ] and len(finding_lines(out)) == 1

    # a second identical use of a known line is new too
    (repo / "src/train.py").write_text("import os\n# a comment\n\n" + TRAIN + 'run.log("accuracy", 0.9)\n')
    code, out, _ = cli(capsys, monkeypatch, repo, "check", "--baseline", "base.json")
    assert code == 1 and len(finding_lines(out)) == 1 and finding_lines(out)[0].startswith("src/train.py:8:1:")
    (repo / "src/train.py").write_text(TRAIN)

    # a new v1 call in a notebook cell
    cells.append("exp.submit(None)\n")
    (repo / "notebooks/train.ipynb").write_text(notebook(*cells))
    code, out, _ = cli(capsys, monkeypatch, repo, "check", "--baseline", "base.json")
    assert code == 1
    assert len(finding_lines(out)) == 1
    assert finding_lines(out)[0].startswith("notebooks/train.ipynb:cell_5:1:1: AML202")


def test_stale_entries_and_update_baseline(repo, capsys, monkeypatch):
    cli(capsys, monkeypatch, repo, "baseline", "-o", "base.json")
    before = json.loads((repo / "base.json").read_text())["findings"]
    (repo / "src/train.py").write_text(TRAIN.replace('run.log("accuracy", 0.9)\n', ""))
    (repo / "src/control.py").write_text(PLAIN)
    code, out, err = cli(capsys, monkeypatch, repo, "check", "--baseline", "base.json")
    assert code == 0
    assert "fixed since" in out and "src/control.py" in err
    # only train.py is checked: control.py's fixed entries must stay
    code, out, _ = cli(
        capsys, monkeypatch, repo, "check", "src/train.py", "--baseline", "base.json", "--update-baseline"
    )
    after = json.loads((repo / "base.json").read_text())["findings"]
    assert code == 0
    assert [e for e in after if e["path"] != "src/train.py"] == [e for e in before if e["path"] != "src/train.py"]
    assert not any(e["path"] == "src/train.py" and e["code"] == "AML802" for e in after)
    assert any(e["path"] == "src/train.py" and e["code"] == "AML801" for e in after)
    cli(capsys, monkeypatch, repo, "check", "--baseline", "base.json", "--update-baseline")
    final = json.loads((repo / "base.json").read_text())["findings"]
    assert not any(e["path"] == "src/control.py" for e in final)
    assert not list(repo.glob(".v2lint-baseline-*.tmp"))


@pytest.mark.parametrize(
    "content, words",
    [
        ("{not json", "not valid JSON"),
        ('{"version": 99, "findings": []}', "version 99"),
        ('{"findings": []}', "version None"),
        ('{"version": 1, "findings": [{"path": "a"}]}', "lacks"),
        ('{"version": 1, "findings": {}}', "findings"),
        ('[1, 2]', "not a v2lint baseline"),
        (
            '{"version": 1, "findings": [{"path": "a", "code": "AML1", "qname": "", "line_sha256": "", "count": -1}]}',
            "count",
        ),
    ],
)
def test_broken_baseline_is_exit_2(repo, capsys, monkeypatch, content, words):
    (repo / "base.json").write_text(content)
    code, out, err = cli(capsys, monkeypatch, repo, "check", "--baseline", "base.json")
    assert code == 2
    assert words in err and "Traceback" not in err


def test_missing_baseline_and_update_without_baseline(repo, capsys, monkeypatch):
    code, _, err = cli(capsys, monkeypatch, repo, "check", "--baseline", "nope.json")
    assert code == 2 and "does not exist" in err
    code, _, err = cli(capsys, monkeypatch, repo, "check", "--update-baseline")
    assert code == 2 and "--baseline" in err


def test_baseline_from_pyproject(repo, capsys, monkeypatch):
    (repo / "pyproject.toml").write_text('[tool.v2lint]\nbaseline = ".v2lint-baseline.json"\n')
    cli(capsys, monkeypatch, repo, "baseline")
    assert (repo / ".v2lint-baseline.json").exists()
    assert cli(capsys, monkeypatch, repo, "check")[0] == 0
    assert cli(capsys, monkeypatch, repo, "check", "--no-baseline")[0] == 1


# --------------------------------------------------------------------------- --diff-against
def test_diff_against(tmp_path, capsys, monkeypatch):
    root = make_repo(
        tmp_path / "r", {"train.py": TRAIN, "nb.ipynb": notebook(*NOTEBOOK_CELLS), "other.py": CONTROL}, commit=True
    )
    code, out, _ = cli(capsys, monkeypatch, root, "check", "--diff-against", "HEAD")
    assert code == 0 and finding_lines(out) == []
    (root / "train.py").write_text(TRAIN + 'run.log("loss", 0.1)\n')  # uncommitted change
    (root / "new.py").write_text(TRAIN)  # untracked file
    code, out, _ = cli(capsys, monkeypatch, root, "check", "--diff-against", "HEAD")
    lines = finding_lines(out)
    assert code == 1
    assert [line for line in lines if line.startswith("train.py")] == [
        line for line in lines if line.startswith("train.py:5:1: AML802")
    ]
    assert len([line for line in lines if line.startswith("new.py")]) == 3
    assert not any(line.startswith(("other.py", "nb.ipynb")) for line in lines)
    # a notebook counts in the code cells whose source changed, not in the others
    cells = list(NOTEBOOK_CELLS) + ["run = exp.submit(None)\n"]
    (root / "nb.ipynb").write_text(notebook(*cells))
    _, out, _ = cli(capsys, monkeypatch, root, "check", "--diff-against", "HEAD")
    assert [line.split(": ")[0] for line in finding_lines(out) if line.startswith("nb.ipynb")] == [
        "nb.ipynb:cell_4:1:7"]
    code, _, err = cli(capsys, monkeypatch, root, "check", "--diff-against", "no-such-rev")
    assert code == 2 and "--diff-against no-such-rev: no such revision" in err


# --------------------------------------------------------------------------- the installed command
def test_console_script_runs(repo):
    completed = subprocess.run(
        [sys.executable, "-m", "v2lint.cli", "check", "--format", "json", "src/train.py"],
        cwd=repo, capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 1, completed.stderr
    assert json.loads(completed.stdout)[0]["path"] == "src/train.py"
    assert completed.stderr.count("\r") == 0  # no progress bar when stderr is not a terminal


def test_the_same_file_twice_in_one_process_gives_the_same_findings(tmp_path, capsys, monkeypatch):
    """Regression: the per-file cache cleanup once dropped astroid's builtins,
    and runs after the first file lost the findings that need them."""
    job = (
        "from azureml.core import Experiment, ScriptRunConfig, Workspace\n"
        "ws = Workspace.from_config()\n"
        "run = Experiment(ws, 'x').submit(ScriptRunConfig(source_directory='.', script='t.py'))\n"
        "run.wait_for_completion(show_output=True)\n"
    )
    root = make_repo(tmp_path / "r", {"a/job.py": job, "b/job.py": job})
    code, out, _ = run_cli(capsys, monkeypatch, root, "check", "--format", "json")
    import json

    findings = json.loads(out)
    per_file = {path: sorted((f["line"], f["code"]) for f in findings if f["path"] == path)
                for path in ("a/job.py", "b/job.py")}
    assert per_file["a/job.py"] == per_file["b/job.py"]
    assert (4, "AML204") in per_file["b/job.py"]
