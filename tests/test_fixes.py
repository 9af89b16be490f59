"""``v2lint check --fix``: the fix planner, the applying of edits and the command.

The examples in tests/fixes are job scripts and control-plane code as
Microsoft's samples write them; beside each, ``<name>.safe.fixed`` and
``<name>.unsafe.fixed`` hold what ``--fix`` and ``--fix --unsafe-fixes`` make of
it (regenerate with ``python -m pytest tests/test_fixes.py --update-golden``).
"""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from test_cli_helpers import run_cli
from v2lint import fixing
from v2lint.catalogue import Applicability
from v2lint.findings import Edit, Fix
from v2lint.modules import analyse_source

FIXES = Path(__file__).parent / "fixes"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
EXAMPLES = sorted(FIXES.glob("*.py"))


def _fixed(path: Path, unsafe: bool) -> str:
    result = fixing.fix_file(path.read_bytes(), str(path), path.name, unsafe)
    return path.read_text(encoding="utf-8") if result is None else result.text


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_fix_matches_golden(example, unsafe, request):
    golden = example.with_suffix(f".{'unsafe' if unsafe else 'safe'}.fixed")
    fixed = _fixed(example, unsafe)
    if request.config.getoption("--update-golden"):
        golden.write_text(fixed, encoding="utf-8")
    assert fixed == golden.read_text(encoding="utf-8"), f"{golden.name} differs; regenerate with --update-golden"


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_fixed_files_parse_define_every_name_and_are_stable(example, unsafe, tmp_path):
    before = example.read_text(encoding="utf-8")
    after = _fixed(example, unsafe)
    ast.parse(after)
    assert fixing.undefined_names(after) <= fixing.undefined_names(before)
    again = tmp_path / example.name
    again.write_text(after, encoding="utf-8")
    assert fixing.fix_file(again.read_bytes(), str(again), again.name, unsafe) is None, "a second --fix changed the file"


def test_unsafe_fixes_migrate_a_whole_job_script_to_mlflow():
    example = FIXES / "job_script_v1.py"
    fixed = _fixed(example, unsafe=True)
    assert "azureml" not in fixed
    assert analyse_source(fixed, str(example)) == []
    assert fixed.count("import mlflow") == 1


def test_the_articles_script_run_becomes_a_command_job_without_v1():
    fixed = _fixed(FIXES / "script_run_v1.py", unsafe=True)
    assert analyse_source(fixed, "submit.py") == []
    assert 'config = command(code="./src", command="python train.py", environment=None, compute="cpu-cluster")' in fixed
    assert 'run = ml_client.jobs.create_or_update(config, experiment_name="day1-experiment-train")' in fixed
    assert "from azure.ai.ml.entities import Environment\nfrom azure.ai.ml import MLClient, command\n" in fixed
    assert _fixed(FIXES / "script_run_v1.py", unsafe=False) == (FIXES / "script_run_v1.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("extra", [
    "ws.write_config()\n",  # a use of the workspace with no v2 form here
    "config.arguments = ['--lr', 0.1]\n",  # a config change the pattern does not carry over
    "print(run.get_metrics())\n",  # a use of the run with no v2 form here
])
def test_a_script_run_with_any_other_use_gets_no_fix(extra):
    source = (FIXES / "script_run_v1.py").read_text(encoding="utf-8") + extra
    submit = next(f for f in analyse_source(source, "submit.py") if f.code == "AML202")
    assert submit.fix is None


def test_a_script_run_consuming_a_dataset_it_does_not_make_gets_no_fix():
    source = (FIXES / "script_run_v1.py").read_text(encoding="utf-8").replace(
        'script="train.py",', 'script="train.py", arguments=["--data", dataset.as_mount()],')
    submit = next(f for f in analyse_source(source, "submit.py") if f.code == "AML202")
    assert submit.fix is None  # a dataset the file does not make: its type (file or folder) cannot be told


def test_the_articles_pipeline_becomes_a_dsl_pipeline_without_v1():
    fixed = _fixed(FIXES / "pipeline_article_v1.py", unsafe=True)
    assert "import azureml" not in fixed and "from azureml" not in fixed
    assert analyse_source(fixed, "pipeline.py") == []
    assert "@dsl.pipeline(default_compute=cluster_name)" in fixed
    assert "    train = train_step(training_data=prep.outputs.prepared_data)\n" in fixed
    assert 'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="pipeline-article")' in fixed
    assert _fixed(FIXES / "pipeline_article_v1.py", unsafe=False) == (
        FIXES / "pipeline_article_v1.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("old, new", [
    ('"--prep_data", prepared_data]', '"--prep_data", prepared_data, "--seed", seed]'),  # a variable argument
    ('.as_mount()', '.as_hdfs()'),  # a consumption mode with no v2 input mode here
    ('    allow_reuse=True,\n)\ntrain_step', '    allow_reuse=True,\n    runconfig=run_config,\n)\ntrain_step'),
    ('name="prepared_data")', 'name="prepared_data", destination=(store, "prep"))'),  # a datastore output
    ('min_nodes=0,', 'vm_priority="lowpriority", min_nodes=0,'),  # no AmlCompute field carried over
    ('prepared_data.as_input("test_data")', 'score_output.as_input("test_data")'),  # read before it is written
    ('steps=[prep_step, train_step, score_step]', 'steps=all_steps'),
])
def test_a_pipeline_the_fix_cannot_map_whole_gets_no_fix(old, new):
    source = (FIXES / "pipeline_article_v1.py").read_text(encoding="utf-8")
    assert old in source
    submit = next(f for f in analyse_source(source.replace(old, new, 1), "pipeline.py") if f.code == "AML202")
    assert submit.fix is None


@pytest.mark.parametrize("extra", [
    "ws.write_config()\n",  # a use of the workspace with no v2 form here
    "prep_step.run_after(train_step)\n",  # a step use the fix does not carry over
    "print(raw_data.to_path())\n",  # a dataset use with no Input form
    "print(pipeline.graph)\n",
    "spare = OutputFileDatasetConfig(name=\"spare\")\n",  # an output no step writes: it would stay v1
])
def test_a_pipeline_with_any_other_use_gets_no_fix(extra):
    source = (FIXES / "pipeline_article_v1.py").read_text(encoding="utf-8") + extra
    submit = next(f for f in analyse_source(source, "pipeline.py") if f.code == "AML202")
    assert submit.fix is None


def test_a_pipeline_on_a_named_compute_with_a_bound_experiment_is_fixed():
    source = (FIXES / "pipeline_article_v1.py").read_text(encoding="utf-8")
    start, end = source.index("cluster_name = "), source.index("# the raw data")
    source = source[:start] + source[end:]
    for unused in ("from azureml.core.compute import AmlCompute, ComputeTarget\n",
                   "from azureml.core.compute_target import ComputeTargetException\n"):
        source = source.replace(unused, "")
    source = source.replace("compute_target=cpu_cluster", 'compute_target="gpu-cluster"').replace(
        'pipeline_run = Experiment(ws, "pipeline-article").submit(pipeline)',
        'experiment = Experiment(workspace=ws, name="pipeline-article")\npipeline_run = experiment.submit(pipeline)')
    fixed = fixing.fix_file(source.encode(), "pipeline.py", "pipeline.py", unsafe=True).text
    assert "from azureml" not in fixed and analyse_source(fixed, "pipeline.py") == []
    assert '@dsl.pipeline(default_compute="gpu-cluster")' in fixed
    assert "experiment = " not in fixed


def test_safe_fixes_keep_the_run_while_an_unsafe_use_remains():
    fixed = _fixed(FIXES / "job_script_v1.py", unsafe=False)
    assert "run = Run.get_context()" in fixed and "from azureml.core.run import Run" in fixed
    assert 'run.log("rmse", np.sqrt(mse))' in fixed  # a numpy value: only --unsafe-fixes
    assert 'mlflow.log_metric("mse", float(mse))' in fixed


def test_the_value_decides_the_mlflow_call():
    source = (
        "from azureml.core import Run\n"
        "run = Run.get_context()\n"
        "run.log('n', 3)\n"
        "run.log('name', f'ridge-{3}')\n"
        "run.log('ok', False)\n"
        "run.log('loss', loss, step=2)\n"
        "import numpy as np\n"
        "run.log('penalty', np.float(loss))\n"
        "run.log('kernel', np.str(kernel))\n"
    )
    fixes = {f.line: f.fix for f in analyse_source(source, "train.py") if f.code == "AML802"}
    assert fixes[3].edits[0].text == "mlflow.log_metric('n', 3)" and fixes[3].applicability is Applicability.SAFE
    assert fixes[4].edits[0].text == "mlflow.set_tag('name', f'ridge-{3}')"
    assert fixes[5].edits[0].text == "mlflow.log_metric('ok', int(False))"
    # an unknown value: the metric call, unsafe
    assert fixes[6].edits[0].text == "mlflow.log_metric('loss', loss, step=2)"
    assert fixes[6].applicability is Applicability.UNSAFE
    # numpy's scalar constructors say the kind, as scripts write it
    assert fixes[8].edits[0].text == "mlflow.log_metric('penalty', np.float(loss))"
    assert fixes[8].applicability is Applicability.SAFE
    assert fixes[9].edits[0].text == "mlflow.set_tag('kernel', np.str(kernel))"


def test_no_fix_outside_the_job_or_for_arguments_it_cannot_bind():
    source = (
        "from azureml.core import Experiment, Run\n"
        "def submit(experiment: Experiment, config):\n"
        "    run = experiment.submit(config)\n"
        "    run.log('a', 1)\n"
        "def train(values):\n"
        "    run = Run.get_context()\n"
        "    run.log(*values)\n"
        "    run.log('b', 2, colour='red')\n"
    )
    fixes = {f.line: f.fix for f in analyse_source(source, "mixed.py") if f.code in ("AML802", "AML801")}
    assert fixes[4] is None  # a submitted run, in control-plane code
    assert fixes[7] is None and fixes[8] is None
    assert fixes[6] is None  # the run is still used: its binding stays


def test_a_binding_alone_in_its_block_leaves_a_pass():
    source = (
        "from azureml.core import Run\n"
        "def main():\n"
        "    if True:\n"
        "        run = Run.get_context()\n"
        "    run.complete()\n"
    )
    fixed = fixing.fix_file(source.encode(), "job.py", "job.py", unsafe=False).text
    assert fixed == "import mlflow\ndef main():\n    if True:\n        pass\n    mlflow.end_run()\n"


def test_apply_takes_identical_edits_once_and_defers_overlaps():
    text = "a = 1\nb = 2\n"
    imports = Edit(1, 0, 1, 0, "import x\n")
    first = Fix("one", Applicability.SAFE, (Edit(1, 4, 1, 5, "10"), imports))
    second = Fix("two", Applicability.SAFE, (Edit(2, 4, 2, 5, "20"), imports))
    overlapping = Fix("three", Applicability.SAFE, (Edit(1, 0, 1, 5, "c = 3"),))
    new, applied = fixing.apply(text, [first, second, overlapping])
    assert new == "import x\na = 10\nb = 20\n"
    assert applied == [first, second]


def test_newlines_and_byte_order_mark_survive(tmp_path):
    source = "\ufefffrom azureml.core import Run\r\nrun = Run.get_context()\r\nrun.log('n', 3)\r\nrun.complete()\r\n"
    data = source.encode("utf-8")
    fixed = fixing.encode(fixing.fix_file(data, "job.py", "job.py", unsafe=False))
    assert fixed == "\ufeffimport mlflow\r\nmlflow.log_metric('n', 3)\r\nmlflow.end_run()\r\n".encode("utf-8")


def test_a_file_in_another_encoding_is_left_alone():
    data = "# -*- coding: latin-1 -*-\nfrom azureml.core import Run\nrun = Run.get_context()\nrun.log('é', 3)\n".encode("latin-1")
    result = fixing.fix_file(data, "job.py", "job.py", unsafe=False)
    assert result is not None and not result.applied and "encoding" in result.note


# ---------------------------------------------------------------------------- the command
@pytest.fixture
def project(tmp_path):
    for example in EXAMPLES:
        shutil.copy(example, tmp_path / example.name)
    return tmp_path


def test_diff_shows_exactly_what_fix_writes(project, capsys, monkeypatch, tmp_path_factory):
    code, diff, _ = run_cli(capsys, monkeypatch, project, "check", ".", "--diff", "--unsafe-fixes", "--no-baseline")
    assert code == 1 and diff.startswith("--- a/")
    untouched = (FIXES / "job_script_v1.py").read_text(encoding="utf-8")
    assert (project / "job_script_v1.py").read_text(encoding="utf-8") == untouched  # --diff writes nothing
    import subprocess

    subprocess.run(["git", "apply", "-p1"], input=diff.encode(), cwd=project, check=True)
    patched = {p.name: p.read_text(encoding="utf-8") for p in project.glob("*.py")}
    for example in EXAMPLES:
        shutil.copy(example, project / example.name)
    run_cli(capsys, monkeypatch, project, "check", ".", "--fix", "--unsafe-fixes", "--no-baseline")
    assert patched == {p.name: p.read_text(encoding="utf-8") for p in project.glob("*.py")}


def test_fix_reports_what_remains_and_exit_codes_stay(project, capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, project, "check", "job_script_v1.py", "--no-baseline")
    assert code == 1
    assert "AML802 [*] run.log" in out
    assert "[*] 8 fixable with --fix (3 more with --unsafe-fixes)." in out.splitlines()[-1]
    code, out, err = run_cli(capsys, monkeypatch, project, "check", "job_script_v1.py", "--no-baseline", "--fix",
                             "--unsafe-fixes", "--show-fixes")
    assert code == 0, out
    assert out.splitlines()[-1].startswith("Found 0 SDK v1 findings (12 fixed)")
    assert "Fixed 11 findings:" in err and "5 \u00d7 AML802 (azureml-run-logging)" in err
    code, out, _ = run_cli(capsys, monkeypatch, project, "check", "control_plane_v1.py", "--no-baseline", "--fix")
    assert code == 1 and "[*]" not in out  # nothing to fix: reported as before


def test_json_and_sarif_carry_the_edits(project, capsys, monkeypatch):
    _, out, _ = run_cli(capsys, monkeypatch, project, "check", "job_script_v1.py", "--no-baseline", "--format", "json")
    findings = json.loads(out)
    mse = next(f for f in findings if f["fix"] and "float(mse)" in f["fix"]["edits"][0]["content"])
    assert mse["fix"]["applicability"] == "safe"
    assert mse["fix"]["edits"][0] == {"line": 23, "col": 1, "end_line": 23, "end_col": 27,
                                      "content": 'mlflow.log_metric("mse", float(mse))'}
    _, out, _ = run_cli(capsys, monkeypatch, project, "check", "job_script_v1.py", "--no-baseline", "--format", "sarif")
    document = json.loads(out)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    fixes = [r["fixes"][0] for r in document["runs"][0]["results"] if "fixes" in r]
    assert len(fixes) == 11
    assert fixes[0]["artifactChanges"][0]["artifactLocation"]["uri"] == "job_script_v1.py"


def test_a_pipeline_inside_a_function_keeps_its_indentation():
    source = (FIXES / "pipeline_article_v1.py").read_text(encoding="utf-8")
    head, body = source.split("ws = Workspace.from_config()\n")
    body = "ws = Workspace.from_config()\n" + body
    wrapped = head + "\n\ndef main():\n" + "".join(
        "    " + line if line.strip() else line for line in body.splitlines(True)) + "\n\nmain()\n"
    fixed = fixing.fix_file(wrapped.encode(), "pipeline.py", "pipeline.py", unsafe=True).text
    assert "from azureml" not in fixed and analyse_source(fixed, "pipeline.py") == []
    assert "    @dsl.pipeline(default_compute=cluster_name)\n    def build_pipeline(raw_data):\n" in fixed
    assert "\n    pipeline = build_pipeline(raw_data=raw_data)\n" in fixed


def test_table_and_chart_logs_become_mlflow_metrics_and_json_artifacts():
    source = (
        "import json\n"
        "from azureml.core import Run\n"
        "run = Run.get_context()\n"
        "run.log_row('loss by epoch', epoch=1, loss=0.5)\n"
        "run.log_row(table, epoch=1, description='per epoch')\n"
        "run.log_confusion_matrix('cm', json.dumps(matrix))\n"
        "run.log_residuals('residuals', residuals)\n"
        "run.flush()\n"
        "run.flush(timeout_seconds=60)\n"
        "if ready:\n"
        "    run.log_list('losses', losses)\n"
    )
    fixes = {f.line: f.fix for f in analyse_source(source, "train.py") if f.code == "AML802"}
    assert fixes[4].edits[0].text == 'mlflow.log_metrics({"loss by epoch.epoch": 1, "loss by epoch.loss": 0.5})'
    assert fixes[4].applicability is Applicability.UNSAFE  # the studio's table is gone
    # a name that is not a literal prefixes each key at run time; the description is dropped
    assert fixes[5].edits[0].text == 'mlflow.log_metrics({table + ".epoch": 1})' and "drops description" in fixes[5].title
    assert fixes[6].edits[0].text == "mlflow.log_text(json.dumps(matrix), 'cm.json')"  # JSON text: a text artifact
    assert fixes[7].edits[0].text == "mlflow.log_dict(residuals, 'residuals.json')"
    assert fixes[8].edits[0].text == "mlflow.flush_async_logging()" and fixes[8].applicability is Applicability.SAFE
    assert fixes[9].applicability is Applicability.UNSAFE  # the timeout has no MLflow counterpart
    # statements in place of the call, indented as it was
    assert fixes[11].edits[0].text == (
        "for step, value in enumerate(losses):\n        mlflow.log_metric('losses', value, step=step)")


@pytest.mark.parametrize("line", [
    "run.log_row('row', kind='ridge', alpha=0.5)",  # text is no metric
    "run.log_row('row', **columns)",  # columns v2lint cannot name
    "logged = run.log_list('losses', losses)",  # a value, not a statement of its own
    "run.log_list(next(names), losses)",  # read again on each pass of the loop
    "ready = True; run.log_list('losses', losses)",  # shares its line
    "run.log_list('losses', losses); step = 3",
])
def test_table_logs_the_fix_cannot_write_whole_get_no_fix(line):
    source = f"from azureml.core import Run\nrun = Run.get_context()\n{line}\n"
    (finding,) = [f for f in analyse_source(source, "train.py") if f.code == "AML802"]
    assert finding.fix is None


def test_log_list_gets_no_fix_when_its_loop_names_are_taken():
    source = "from azureml.core import Run\nrun = Run.get_context()\nrun.log_list('losses', losses)\nprint(value)\n"
    (finding,) = [f for f in analyse_source(source, "train.py") if f.code == "AML802"]
    assert finding.fix is None  # `for step, value in ...` would rebind the script's `value`


def test_the_workspace_a_job_runs_in_becomes_its_client_with_every_use():
    fixed = _fixed(FIXES / "job_script_register_v1.py", unsafe=True)
    assert "azureml" not in fixed and analyse_source(fixed, "register.py") == []
    assert 'workspace_name=os.environ["AZUREML_ARM_WORKSPACE_NAME"]' in fixed
    assert "ml_client.models.create_or_update(Model(path=model_dir, name=\"mnist-classifier\"" in fixed
    assert fixed.count("import os") == 1  # the script's own import serves


@pytest.mark.parametrize("use", [
    "Dataset.get_by_name(ws, 'prepared')",  # a dataset: no rewrite on the client
    "print(ws.name)",  # any other use of the handle
    "Model.register(ws, 'outputs/model.pkl', 'model').download('.')",  # a v1 method on the result
    "model = Model.register(ws, 'outputs/model.pkl', 'model'); print(model.version + 1)",  # v2's is a str
    "Model.register(ws, 'outputs/model.pkl', 'model', model_framework='ScikitLearn')",  # no v2 counterpart
    "Model.register(ws, 'outputs/model.pkl', 'model', properties={'auc': 0.9})",  # the rewrites drop it
    "Model.register(ws, 'outputs/model.pkl', 'model'); Model.list(ws)",
])
def test_a_job_workspace_with_a_use_the_fix_cannot_write_gets_no_fix(use):
    source = ("from azureml.core import Dataset, Model, Run\n"
              "run = Run.get_context()\n"
              "ws = run.experiment.workspace\n"
              f"{use}\n")
    (finding,) = [f for f in analyse_source(source, "job.py") if f.qname.endswith("Experiment.workspace")]
    assert finding.fix is None


def test_a_job_workspace_bound_otherwise_too_gets_no_fix():
    source = ("from azureml.core import Model, Run, Workspace\n"
              "from azureml.core.run import _OfflineRun\n"
              "run = Run.get_context()\n"
              "if isinstance(run, _OfflineRun):\n"
              "    ws = Workspace.from_config()\n"
              "else:\n"
              "    ws = run.experiment.workspace\n"
              "Model.register(ws, 'outputs/model.pkl', 'model')\n")
    (finding,) = [f for f in analyse_source(source, "job.py") if f.qname.endswith("Experiment.workspace")]
    assert finding.fix is None  # on an offline run, ml_client would be unbound


def test_a_job_workspace_is_not_fixed_where_v2_names_are_taken():
    source = ("from azureml.core import Model, Run\n"
              "from mymodels import Model as LocalModel\n"
              "ws = Run.get_context().experiment.workspace\n"
              "Model.register(ws, 'outputs/model.pkl', 'model')\n"
              "ml = LocalModel()\n")
    assert [f.fix for f in analyse_source(source, "job.py") if f.qname.endswith("Experiment.workspace")] != [None]
    taken = source.replace("LocalModel", "Model", 1).replace("ml = LocalModel()", "ml = Model()")
    (finding,) = [f for f in analyse_source(taken, "job.py") if f.qname.endswith("Experiment.workspace")]
    assert finding.fix is None  # v2's Model would take the place of another Model the script uses
    client = source.replace("ml = LocalModel()", "ml_client = None")
    (finding,) = [f for f in analyse_source(client, "job.py") if f.qname.endswith("Experiment.workspace")]
    assert finding.fix is None


def test_statements_in_place_of_a_call_keep_a_multiline_argument_as_written():
    source = ("from azureml.core import Run\n"
              "def train():\n"
              "    run = Run.get_context()\n"
              "    run.log_list('notes', [\n"
              "        0.5,\n"
              "    ])\n")
    fixed = fixing.fix_file(source.encode(), "job.py", "job.py", unsafe=True).text
    assert fixed == ("import mlflow\n"
                     "def train():\n"
                     "    for step, value in enumerate([\n"
                     "        0.5,\n"
                     "    ]):\n"
                     "        mlflow.log_metric('notes', value, step=step)\n")


@pytest.mark.parametrize("example, old, new", [
    # the cluster object serves more than the job's compute: it would be a v2 AmlCompute
    ("script_run_compute_dataset_v1.py", "run = experiment.submit(config)\n",
     "print(compute_target.get_status())\nrun = experiment.submit(config)\n"),
    ("script_run_compute_dataset_v1.py", "ComputeTarget.create(ws, cluster_name", 'ComputeTarget.create(ws, "other"'),
    ("script_run_compute_dataset_v1.py", 'vm_size="STANDARD_NC6",', 'vm_size="STANDARD_NC6", vm_priority="lowpriority",'),
    ("script_run_compute_dataset_v1.py", "labels.as_download()", "labels.as_hdfs()"),  # no v2 input mode
    ("script_run_compute_dataset_v1.py", '"--epochs", 10]', '"--epochs", 10, "--more", labels.as_mount()]'),  # twice
    ("script_run_compute_dataset_v1.py", "mnist/labels.csv\")", "mnist/labels.csv\")\nprint(labels.to_path())"),
    ("script_run_compute_dataset_v1.py", 'Dataset.File.from_files(path="https://azureopendatastorage.blob.core.windows.net/mnist/images/")',
     'Dataset.Tabular.from_delimited_files(path="https://azureopendatastorage.blob.core.windows.net/mnist/images.csv")'),
    ("script_run_compute_dataset_v1.py", 'images.as_named_input("images").as_mount()', 'images.as_named_input("images")'),
    ("script_run_variables_v1.py", "env = Environment", "print(arguments)\nenv = Environment"),  # the list used twice
    # the script depends on the flow: either name may be the one run
    ("script_run_variables_v1.py", 'script_name = "train.py"\n', 'script_name = "train.py"\nif prefix.name:\n    script_name = "score.py"\n'),
    ("script_run_variables_v1.py", '"--max-iter", 100,', '"--max-iter", iterations,'),  # a variable argument
    ("script_run_variables_v1.py", 'os.path.join("./outputs", "model")', 'os.path.join(prefix, "model")'),
    ("script_run_variables_v1.py", 'os.path.join("./outputs", "model")', 'str(prefix.joinpath("model"))'),
    ("script_run_variables_v1.py", "run = Experiment(ws, experiment_name)", "run = Experiment(ws, experiment_name, 'x')"),
    ("script_run_distributed_v1.py", "process_count=4, node_count=2", "process_count=3, node_count=2"),  # uneven
    ("script_run_distributed_v1.py", "PyTorchConfiguration(process_count=4", 'PyTorchConfiguration("Gloo", process_count=4'),
    ("script_run_distributed_v1.py", "node_count=2)", "node_count=nodes)"),  # not a literal count
    ("script_run_distributed_v1.py", "env.docker.enabled = True", "env.docker.base_dockerfile = 'Dockerfile'"),
    ("script_run_distributed_v1.py", "env.docker.enabled = True", "env.docker.shm_size = '16g'"),
    ("script_run_distributed_v1.py", 'env.environment_variables = {"NCCL_DEBUG": "INFO"}', 'env.environment_variables = variables'),
    ("script_run_distributed_v1.py", 'env.environment_variables = {', 'env.environment_variables["NCCL_DEBUG"] = "INFO"\nenv.environment_variables = {'),
    ("script_run_registered_environment_v1.py", "config = ScriptRunConfig",
     "tf_env.environment_variables = {'TF_CPP_MIN_LOG_LEVEL': '2'}\nconfig = ScriptRunConfig"),  # changed after get
    ("script_run_registered_environment_v1.py", 'name="tensorflow-gpu-env")', 'name="tensorflow-gpu-env", version="2", label="x")'),
    ("script_run_registered_dataset_v1.py", 'name="mnist-dataset")', 'name="mnist-dataset", version=wanted)'),
    ("script_run_registered_dataset_v1.py", "env = Environment", "print(mnist.name)\nenv = Environment"),
    # a tabular dataset by name: an MLTable in v2, not a folder
    ("script_run_registered_dataset_v1.py", 'mnist.as_named_input("mnist").as_mount()', 'mnist.as_named_input("mnist")'),
    ("script_run_pip_requirements_v1.py", '"lightgbm-iris", requirements)', '"lightgbm-iris", requirements, "23.1")'),
    # the name the requirements are read with is another Path
    ("script_run_pip_requirements_v1.py", "from pathlib import Path\n", "from pathlib import PurePath as Path\n"),
    # a name the fix imports that the file uses otherwise: a v1 Environment, a variable of its own
    ("script_run_variables_v1.py", "env = Environment", 'base = Environment("base")\nenv = Environment'),
    ("script_run_variables_v1.py", "env = Environment", 'command = "train"\nenv = Environment'),
])
def test_a_near_miss_of_a_script_run_gets_no_fix(example, old, new):
    source = (FIXES / example).read_text(encoding="utf-8")
    assert old in source
    submit = next(f for f in analyse_source(source.replace(old, new, 1), example) if f.code == "AML202")
    assert submit.fix is None


def test_script_runs_of_variables_and_of_a_created_cluster_become_command_jobs_without_v1():
    for example in ("script_run_variables_v1.py", "script_run_compute_dataset_v1.py"):
        fixed = _fixed(FIXES / example, unsafe=True)
        assert "import azureml" not in fixed and "from azureml" not in fixed
        assert analyse_source(fixed, example) == []
    fixed = _fixed(FIXES / "script_run_compute_dataset_v1.py", unsafe=True)
    assert "wait_for_completion" not in fixed and ".result()" in fixed
    assert 'inputs={"images": images, "labels": labels}' in fixed


def test_environment_get_takes_the_latest_unless_v1_named_a_version():
    source = (FIXES / "script_run_registered_environment_v1.py").read_text(encoding="utf-8")
    fixed = fixing.fix_file(source.replace('name="tensorflow-gpu-env")', 'name="tensorflow-gpu-env", version="2")')
                            .encode(), "submit.py", "submit.py", unsafe=True).text
    assert 'tf_env = ml_client.environments.get("tensorflow-gpu-env", version="2")' in fixed
    curated = fixing.fix_file(source.replace("tensorflow-gpu-env", "AzureML-TensorFlow-2.3-GPU").encode(),
                              "submit.py", "submit.py", unsafe=True)
    assert "a curated v1 environment may have another name" in curated.applied[0][1].title


def test_a_registered_dataset_of_a_named_version_is_that_version():
    source = (FIXES / "script_run_registered_dataset_v1.py").read_text(encoding="utf-8")
    fixed = fixing.fix_file(source.replace('name="mnist-dataset")', 'name="mnist-dataset", version=3)').encode(),
                            "submit.py", "submit.py", unsafe=True)
    assert 'mnist = Input(type="uri_folder", path="azureml:mnist-dataset:3", mode="ro_mount")' in fixed.text
    assert "a registered v1 file dataset is read as a folder" in fixed.applied[0][1].title


def test_a_pip_requirements_environment_reads_its_file_through_pathlib():
    source = (FIXES / "script_run_pip_requirements_v1.py").read_text(encoding="utf-8")
    start = source.index("prefix = ")
    fixed = fixing.fix_file(source.replace("from pathlib import Path\n", "").replace(
        source[start:source.index("env = ")], 'requirements = "requirements.txt"\n\n').replace(
        'str(prefix.joinpath("src"))', '"src"').encode(), "submit.py", "submit.py", unsafe=True)
    assert "from pathlib import Path\n" in fixed.text and fixed.text.count("import Path") == 1
    assert '{"pip": Path(requirements).read_text().splitlines()}' in fixed.text
    assert "the requirements become a conda file of v1's defaults" in fixed.applied[0][1].title
