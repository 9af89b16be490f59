"""Aliases, module attributes, containers and chains that only inference resolves."""
import azureml.core as aml  # [v1-import]
from azureml.core import Experiment as E  # [v1-import]
from azureml.core import Workspace as W  # [v1-import]
from azureml.core.model import Model  # [v1-import]
from azureml.pipeline.steps import AdlaStep, KustoStep  # [v1-import, v1-import]
from azureml.train.hyperdrive import HyperDriveConfig, choice  # [v1-import, v1-import]


def get_workspace():
    return W.from_config()  # [v1-workspace]


ws = aml.Workspace.get(name="ws", subscription_id="sub", resource_group="rg")  # [v1-workspace]
exp = E(get_workspace(), "chains")  # [v1-experiment]
for past_run in exp.get_runs():  # [v1-experiment]
    print(past_run.get_metrics())  # [v1-run]

cpu = ws.compute_targets["cpu"]
cpu.wait_for_completion(show_output=True)  # [v1-compute]
frame = ws.datasets["titanic"].to_pandas_dataframe()  # [v1-dataset]
store = ws.get_default_datastore()  # [v1-workspace]
store.upload_files(["data.csv"], target_path="data")  # [v1-datastore]
latest = Model.list(ws)[0]  # [v1-model]
latest.download(target_dir="outputs")  # [v1-model]

adla = AdlaStep(name="usql", script_name="job.usql")  # [v1-step-no-equivalent]
kusto = KustoStep(name="kql")  # [v1-step-no-equivalent]
sampling = {"lr": choice(0.1, 0.01)}  # [v1-hyperdrive]
hd_config = HyperDriveConfig(run_config=None, hyperparameter_sampling=None, primary_metric_name="acc", max_total_runs=4)  # [v1-hyperdrive]
hd_run = exp.submit(hd_config)  # [v1-experiment-submit]
best = hd_run.get_best_run_by_primary_metric()  # [v1-hyperdrive]
