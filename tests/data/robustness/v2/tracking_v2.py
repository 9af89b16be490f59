"""Training script of a v2 job: MLflow tracking with azureml-mlflow, no Run object."""
import os

import mlflow
import azureml.mlflow  # noqa: F401

from azureml.fsspec import AzureMachineLearningFileSystem


def main() -> None:
    mlflow.autolog()
    with mlflow.start_run() as run:
        mlflow.log_metric("accuracy", 0.9)
        mlflow.log_param("azureml_job", os.environ.get("AZUREML_RUN_ID", "local"))
        run.info.run_id.upper()
    fs = AzureMachineLearningFileSystem("azureml://subscriptions/s/resourcegroups/r/workspaces/w/datastores/d/paths/")
    for path in fs.ls("data/"):
        print(path)


class Run:
    """A project's own Run class: not azureml.core.Run."""

    @staticmethod
    def get_context():
        return Run()

    def log(self, name, value):
        print(name, value)


Run.get_context().log("azureml", 1)

if __name__ == "__main__":
    main()
