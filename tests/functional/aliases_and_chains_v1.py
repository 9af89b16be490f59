"""Aliases, module attributes, containers and chains that only inference resolves."""
import azureml.core as aml  # [azureml-import]
from azureml.core import Experiment as E  # [azureml-import]
from azureml.core import Workspace as W  # [azureml-import]
from azureml.core.model import Model  # [azureml-import]
from azureml.pipeline.steps import AdlaStep, KustoStep  # [azureml-import, azureml-import]
from azureml.train.hyperdrive import HyperDriveConfig, choice  # [azureml-import, azureml-import]


def get_workspace():
    return W.from_config()  # [azureml-workspace]


ws = aml.Workspace.get(name="ws", subscription_id="sub", resource_group="rg")  # [azureml-workspace]
exp = E(get_workspace(), "chains")  # [azureml-experiment]
for past_run in exp.get_runs():  # [azureml-experiment]
    print(past_run.get_metrics())  # [azureml-run]

cpu = ws.compute_targets["cpu"]  # [azureml-workspace]
cpu.wait_for_completion(show_output=True)  # [azureml-compute]
frame = ws.datasets["titanic"].to_pandas_dataframe()  # [azureml-workspace, azureml-dataset]
store = ws.get_default_datastore()  # [azureml-workspace]
store.upload_files(["data.csv"], target_path="data")  # [azureml-datastore]
latest = Model.list(ws)[0]  # [azureml-model]
latest.download(target_dir="outputs")  # [azureml-model]

adla = AdlaStep(name="usql", script_name="job.usql")  # [azureml-step-no-equivalent]
kusto = KustoStep(  # [azureml-step-no-equivalent]
    name="kql", compute_target=cpu, database_name="telemetry", query_directory="queries", output=None
)
sampling = {"lr": choice(0.1, 0.01)}  # [azureml-hyperdrive]
hd_config = HyperDriveConfig(  # [azureml-hyperdrive]
    run_config=None, hyperparameter_sampling=None, primary_metric_name="acc", primary_metric_goal=None, max_total_runs=4
)
hd_run = exp.submit(hd_config)  # [azureml-experiment-submit]
best = hd_run.get_best_run_by_primary_metric()  # [azureml-hyperdrive]
