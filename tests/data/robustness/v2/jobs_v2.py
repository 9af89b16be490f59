"""SDK v2 command job and sweep, with azureml:// URIs and curated environments: silent."""
from azure.ai.ml import Input, MLClient, command
from azure.ai.ml.sweep import Choice, Uniform
from azure.identity import DefaultAzureCredential

ml_client = MLClient.from_config(credential=DefaultAzureCredential())
job = command(
    code="./src",
    command="python train.py --lr ${{inputs.lr}} --data ${{inputs.data}}",
    inputs={"lr": 0.01, "data": Input(type="uri_file", path="azureml:titanic:1")},
    environment="azureml://registries/azureml/environments/sklearn-1.5/labels/latest",
    compute="cpu-cluster",
    experiment_name="titanic",
)
sweep = job(lr=Uniform(0.001, 0.1), data=Choice(["azureml:titanic:1"])).sweep(
    sampling_algorithm="random", primary_metric="accuracy", goal="Maximize",
)
returned = ml_client.jobs.create_or_update(sweep)
ml_client.jobs.stream(returned.name)
run = ml_client.jobs.get(returned.name)
print(run.studio_url, run.status)
