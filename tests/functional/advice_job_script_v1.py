"""A job script whose v1 code sits in functions (a parallel entry script):
the whole script runs in the job, not only the function that calls Run.get_context()."""
from azureml.core import Dataset, Run  # [azureml-import, azureml-import]


def init():
    global run
    run = Run.get_context()  # [azureml-run-context]


def run_batch(mini_batch):
    workspace = run.experiment.workspace  # [azureml-experiment]
    return Dataset.get_by_name(workspace, "scores")  # [azureml-dataset]
