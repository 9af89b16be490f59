"""A retraining step script: it runs as a pipeline job (Run.get_context() under
__main__), reads the registered model it scores with, and submits one child
AutoML run per backtest window through the workspace of its own run."""
import argparse

from azureml.core import Run  # [azureml-import]
from azureml.core.model import Model  # [azureml-import]


def load_model_path(model_name):
    # a helper of a script whose module level calls get_context(): it runs in the job too
    return Model.get_model_path(model_name)  # [azureml-model]


def backtest(run, automl_configs):
    children = []
    for config in automl_configs:
        children.append(run.submit_child(config, tags={"window": config.name}))  # [azureml-run-context]
    return children


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-name")
    args = parser.parse_args()

    run = Run.get_context()  # [azureml-run-context]
    workspace = run.experiment.workspace  # [azureml-experiment]
    model_dir = Model.get_model_path(args.model_name)  # [azureml-model]
    child = run.submit_child(None, tags={"step": "retrain"})  # [azureml-run-context]
    child.log("rows", 10)  # [azureml-run-logging]
    backtest(run, [])
