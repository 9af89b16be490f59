"""A check script that only reads an experiment's runs, AutoML settings named by a
literal task, a private AutoML helper module used to write a file, and a handler
of an exception only v1's time-series filters raise."""
from azureml.core import Dataset, Experiment, Workspace  # [azureml-import, azureml-import, azureml-import]
from azureml.exceptions import DatasetTimestampMissingError  # [azureml-import]
from azureml.train.automl import AutoMLConfig  # [azureml-import]
from azureml.train.automl.runtime._hts import hts_runtime_utilities as hru  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
experiment = Experiment(ws, "nightly-forecast")  # [azureml-experiment]
finished = [run.id for run in experiment.get_runs() if run.status == "Completed"]  # [azureml-experiment, azureml-run, azureml-run]

settings = AutoMLConfig(  # [azureml-automl]
    task="forecasting",
    featurization="auto",
    max_cores_per_iteration=-1,
    debug_log="automl_errors.log",
    verbosity=20,
)
hru.dump_object_to_json({"task": "forecasting"}, "settings.json")  # [azureml-sdk-member]

sales = Dataset.get_by_name(ws, "sales")  # [azureml-dataset]
try:
    recent = sales.time_after(start_time="2026-01-01")  # [azureml-dataset]
except DatasetTimestampMissingError:  # [azureml-sdk-member]
    recent = sales
