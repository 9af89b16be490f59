"""Types that flow across a project: a helper's parameters hold what its callers
pass, in the same module or in the files beside it (a notebook, a script one
directory up), and positions of what a multi-line statement names."""

from __future__ import annotations

import pytest

from conftest import run_flake8_stdin, run_pylint_stdin
from test_cli_helpers import notebook
from v2lint.modules import analyse_source

# the shape of MachineLearningNotebooks' forecasting helpers (run_forecast.py)
HELPER = '''\
import os
from azureml.core import ScriptRunConfig


def run_remote_inference(test_experiment, compute_target, train_run, test_dataset, folder="./forecast"):
    train_run.download_file("outputs/model.pkl", os.path.join(folder, "model.pkl"))
    env = train_run.get_environment()
    config = ScriptRunConfig(
        source_directory=folder,
        script="forecasting_script.py",
        arguments=["--test_dataset", test_dataset.as_named_input(test_dataset.name)],
        compute_target=compute_target,
        environment=env,
    )
    run = test_experiment.submit(config, tags={"training_run_id": train_run.id})
    run.log("run_algorithm", run.tags["run_algorithm"])
    return run


def summarise(remote_run):
    children = list(remote_run.get_children(recursive=True))
    for child in children:
        print(child.id, child.properties["score"])
'''

CALLER = '''\
from azureml.core import Dataset, Experiment, Workspace
from run_forecast import run_remote_inference, summarise

ws = Workspace.from_config()
experiment = Experiment(ws, "forecast")
best_run = experiment.submit(config).get_best_child() if False else ws.get_run("abc")
test_dataset = Dataset.Tabular.from_delimited_files(path=[(ws.get_default_datastore(), "test.csv")])
remote = run_remote_inference(experiment, "cpu-cluster", best_run, test_dataset)
summarise(remote)
'''

HELPER_V1_LINES = {6, 7, 11, 15, 16, 21, 23}


def lines_of(findings):
    return {f.line for f in findings if f.code != "AML000"}


def test_a_helpers_parameters_take_what_a_notebook_beside_it_passes(tmp_path):
    (tmp_path / "run_forecast.py").write_text(HELPER)
    (tmp_path / "forecast.ipynb").write_text(notebook("%pip install azureml-sdk", CALLER))
    findings = analyse_source(HELPER, str(tmp_path / "run_forecast.py"))
    assert HELPER_V1_LINES <= lines_of(findings)
    by_line = {}
    for finding in findings:
        by_line.setdefault(finding.line, set()).add(finding.qname)
    assert "azureml.core.run.Run.download_file" in by_line[6]
    assert "azureml.core.run.Run.get_children" in by_line[21]
    assert by_line[23] & {"azureml.core.run.Run.id", "azureml.core.run.Run.properties"}


@pytest.mark.slow
def test_both_hosts_see_what_the_callers_pass(tmp_path):
    helper = tmp_path / "run_forecast.py"
    helper.write_text(HELPER)
    (tmp_path / "forecast.ipynb").write_text(notebook(CALLER))
    assert HELPER_V1_LINES <= {m["line"] for m in run_pylint_stdin(helper)}
    assert HELPER_V1_LINES <= {int(line.split(":")[1]) for line in run_flake8_stdin(helper)}


def test_a_caller_one_directory_up_imports_the_helper_by_its_dotted_path(tmp_path):
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "run_forecast.py").write_text(HELPER)
    (tmp_path / "submit.py").write_text(CALLER.replace("from run_forecast import", "from scripts.run_forecast import"))
    findings = analyse_source(HELPER, str(tmp_path / "scripts" / "run_forecast.py"))
    assert HELPER_V1_LINES <= lines_of(findings)


@pytest.mark.parametrize("caller", [
    # another module's function of the same name
    CALLER.replace("from run_forecast import", "from other_helpers import"),
    # the same module, but what is passed is no v1 object
    "from run_forecast import summarise\nimport pandas as pd\nsummarise(pd.DataFrame())\n",
    # the imported name is rebound before the call
    CALLER.replace("remote = run_remote_inference(", "run_remote_inference = print\nremote = run_remote_inference("),
])
def test_callers_that_pass_no_v1_object_to_this_helper_add_nothing(tmp_path, caller):
    (tmp_path / "run_forecast.py").write_text(HELPER)
    (tmp_path / "caller.py").write_text(caller)
    findings = analyse_source(HELPER, str(tmp_path / "run_forecast.py"))
    # only what the helper itself proves: its import and ScriptRunConfig
    assert lines_of(findings) == {2, 8}


def test_a_caller_that_does_not_parse_is_passed_over(tmp_path):
    (tmp_path / "run_forecast.py").write_text(HELPER)
    (tmp_path / "broken.py").write_text("from run_forecast import summarise\nsummarise(\n")
    (tmp_path / "caller.py").write_text(CALLER)
    assert HELPER_V1_LINES <= lines_of(analyse_source(HELPER, str(tmp_path / "run_forecast.py")))


def test_the_modules_own_calls_come_first():
    source = (
        "from azureml.core import Run\n"
        "def report(run):\n"
        "    for child in run.get_children():\n"
        "        print(child.get_metrics())\n"
        "report(Run.get_context())\n"
    )
    assert {3, 4} <= lines_of(analyse_source(source, "job.py"))


def test_each_name_of_a_multi_line_import_is_reported_where_it_is_written():
    source = (
        "from azureml.train.hyperdrive import (\n"
        "    RandomParameterSampling,\n"
        "    BanditPolicy as Policy, choice,\n"
        ")\n"
    )
    found = sorted((f.line, f.col, f.written) for f in analyse_source(source, "sweep.py"))
    assert found == [
        (1, 0, "azureml.train.hyperdrive"),
        (2, 4, "RandomParameterSampling"),
        (3, 4, "BanditPolicy"),
        (3, 28, "choice"),
    ]


def test_a_member_of_a_chain_over_several_lines_is_reported_on_its_own_line():
    source = (
        "from azureml.core import Run\n"
        "run = Run.get_context()\n"
        "df = (\n"
        '    run.input_datasets["test"]\n'
        "    .to_pandas_dataframe()\n"
        ")\n"
    )
    found = {(f.line, f.col): f.qname for f in analyse_source(source, "score.py")}
    assert found[(5, 5)] == "azureml.data.tabular_dataset.TabularDataset.to_pandas_dataframe"


HELPERS_LIB = "from azureml.core import Workspace\n\n\ndef get_ws():\n    return Workspace.from_config()\n"


@pytest.mark.parametrize("number, added", list(enumerate([
    'sys.path.append(os.path.join(os.path.dirname(__file__), "..", "lib"))',
    'sys.path.insert(0, "../lib")',
    'sys.path.append(str(Path(__file__).resolve().parent.parent / "lib"))',
    'LIB = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, "lib"))\nsys.path.append(LIB)',
])))
def test_helpers_imported_after_a_sys_path_change_resolve(tmp_path, number, added):
    # a module name of its own per case: astroid caches modules by name for the process
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / f"amlhelpers{number}.py").write_text(HELPERS_LIB)
    (tmp_path / "src").mkdir()
    source = (
        "import os\nimport sys\nfrom pathlib import Path\nfrom azureml.core import Experiment\n"
        f"{added}\n"
        f"from amlhelpers{number} import get_ws\n"
        "ws = get_ws()\n"
        "store = ws.get_default_datastore()\n"
    )
    findings = analyse_source(source, str(tmp_path / "src" / "submit.py"))
    assert [f.qname for f in findings if f.written == "ws.get_default_datastore"] == [
        "azureml.core.workspace.Workspace.get_default_datastore"
    ]


def test_a_sys_path_entry_that_is_not_a_literal_path_is_not_followed(tmp_path):
    source = (
        "import sys\nfrom azureml.core import Run\n"
        "sys.path.append(sys.argv[1])\n"
        "from amlhelpers import get_ws\n"
        "get_ws().get_default_datastore()\n"
        "Run.get_context().log('a', 1)\n"
    )
    assert [f.written for f in analyse_source(source, str(tmp_path / "submit.py"))][-1] == "Run.get_context().log"


def test_next_of_a_v1_sequence_is_an_element_of_it():
    source = (
        "from azureml.core import Experiment, Workspace\n"
        "experiment = Experiment(Workspace.from_config(), 'train')\n"
        "latest = next(experiment.get_runs())\n"
        "latest.get_metrics()\n"
        "first = next(iter(list(experiment.get_runs())))\n"
        "first.get_details()\n"
    )
    assert {4, 6} <= lines_of(analyse_source(source, "report.py"))


AML_UTILS = "from azureml.core import Workspace\n\n\ndef get_workspace():\n    return Workspace.from_config()\n"


@pytest.mark.parametrize("layout, importer, statement", [
    ({"utils/aml.py": AML_UTILS}, "train.py", "from utils.aml import get_workspace"),
    ({"aml_utils.py": AML_UTILS}, "train.py", "from aml_utils import get_workspace"),
    ({"pkg/__init__.py": "", "pkg/aml.py": AML_UTILS}, "pkg/train.py", "from .aml import get_workspace"),
])
def test_a_file_that_never_names_azureml_is_analysed_when_a_helper_it_imports_does(tmp_path, layout, importer, statement):
    for name, text in layout.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    source = f"{statement}\n\nws = get_workspace()\nds = ws.datasets['iris']\n"
    (tmp_path / importer).write_text(source)
    findings = analyse_source(source, str(tmp_path / importer))
    assert [(f.line, f.qname) for f in findings] == [(4, "azureml.core.workspace.Workspace.datasets")]


def test_a_file_whose_imports_never_reach_azureml_is_not_analysed(tmp_path):
    from v2lint import worth_analysing

    (tmp_path / "helpers.py").write_text("import pandas as pd\n")
    source = "import os\nimport json\nfrom helpers import pd\nfrom missing import thing\nfrom . import sibling\n"
    assert not worth_analysing(source, str(tmp_path / "train.py"))
    assert worth_analysing(source + "# azureml\n", str(tmp_path / "train.py"))


def test_the_first_line_of_a_chain_continued_on_the_next_line_keeps_its_finding():
    source = (
        "from azureml.core import Environment, Workspace\n"
        "ws = Workspace.from_config()\n"
        "env = Environment. \\\n"
        "    from_dockerfile(name='ray', dockerfile='Dockerfile'). \\\n"
        "    register(workspace=ws)\n"
    )
    found = {f.line: f.qname for f in analyse_source(source, "env.py")}
    assert found[3] == "azureml.core.environment.Environment"
    assert found[4] == "azureml.core.environment.Environment.from_dockerfile"
    assert found[5] == "azureml.core.environment.Environment.register"


# the flow pass leaves uninferred what a project function builds only from the
# standard library; what a function returns from its parameters or from SDK v1
# still flows (findings must not change, only the work done)
PARSED_ARGUMENTS = '''\
import argparse
from azureml.core import Run, Workspace


def parse_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--experiment")
    return parser.parse_args()


def workspace_of(run):
    return run.experiment.workspace


def connect():
    return Workspace.from_config()


def main(args, run):
    print(args.experiment)
    run.log("experiment", args.experiment)


args = parse_arguments()
main(args, Run.get_context())
workspace_of(Run.get_context()).get_default_datastore()
connect().get_default_datastore()
ws = connect()
runs = ws.experiments["train"].get_runs()
run = next(runs)
run.get_status()
ws.experiments[args.experiment].get_runs()
'''


def test_user_functions_returning_the_standard_library_stay_quiet_and_v1_ones_flow():
    found = {(f.line, f.written) for f in analyse_source(PARSED_ARGUMENTS, "train.py")}
    assert (21, "run.log") in found
    assert (26, "workspace_of(Run.get_context()).get_default_datastore") in found
    assert (27, "connect().get_default_datastore") in found
    assert (31, "run.get_status") in found
    assert (32, "ws.experiments[args.experiment].get_runs") in found  # a key astroid cannot infer
    assert not {line for line, _ in found} & {5, 6, 7, 8, 20, 24}
