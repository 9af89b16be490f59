"""SDK v2 code that still says azureml a lot: it must stay silent."""
from azure.ai.ml import Input, MLClient, Output, command
from azure.ai.ml.dsl import pipeline
from azure.identity import DefaultAzureCredential
from azureml.fsspec import AzureMachineLearningFileSystem
import azureml.mlflow  # noqa: F401  (registers the azureml:// tracking store)
import mlflow

ml_client = MLClient.from_config(credential=DefaultAzureCredential())
data_uri = "azureml://datastores/workspaceblobstore/paths/titanic/"
image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04"
fs = AzureMachineLearningFileSystem(data_uri)

train = command(
    code="./src",
    command="python train.py --data ${{inputs.data}} --model ${{outputs.model}}",
    inputs={"data": Input(type="uri_folder", path=data_uri)},
    outputs={"model": Output(type="uri_folder")},
    environment="azureml:AzureML-sklearn-1.0-ubuntu20.04-py38-cpu@latest",
    compute="cpu-cluster",
)


@pipeline(default_compute="cpu-cluster")
def train_pipeline(data):
    node = train(data=data)
    return {"model": node.outputs.model}


job = ml_client.jobs.create_or_update(train_pipeline(Input(path=data_uri)), experiment_name="v2")
ml_client.jobs.stream(job.name)
mlflow.log_metric("accuracy", 0.9)
