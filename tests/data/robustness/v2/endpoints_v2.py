"""SDK v2 managed online endpoint and a scoring script for the v2 inference server."""
import json

from azure.ai.ml import MLClient
from azure.ai.ml.entities import (
    CodeConfiguration,
    Environment,
    ManagedOnlineDeployment,
    ManagedOnlineEndpoint,
    Model,
)
from azure.identity import DefaultAzureCredential
from azureml.contrib.services.aml_request import AMLRequest, rawhttp
from azureml.contrib.services.aml_response import AMLResponse

ml_client = MLClient.from_config(DefaultAzureCredential())
endpoint = ManagedOnlineEndpoint(name="titanic", auth_mode="key")
ml_client.online_endpoints.begin_create_or_update(endpoint).result()
model = ml_client.models.create_or_update(Model(path="model.pkl", name="titanic"))
deployment = ManagedOnlineDeployment(
    name="blue",
    endpoint_name="titanic",
    model=model,
    environment=Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04", conda_file="conda.yml"),
    code_configuration=CodeConfiguration(code="./score", scoring_script="score.py"),
    instance_type="Standard_DS3_v2",
    instance_count=1,
)
ml_client.online_deployments.begin_create_or_update(deployment).result()


def init():
    global MODEL
    MODEL = None


@rawhttp
def run(request: AMLRequest):
    body = json.loads(request.get_data())
    return AMLResponse(json.dumps({"azureml": body}), 200)
