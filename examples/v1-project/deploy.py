"""Deploy the registered model to ACI (Azure ML SDK v1)."""
from azureml.core import Environment, Workspace
from azureml.core.model import InferenceConfig, Model
from azureml.core.webservice import AciWebservice

ws = Workspace.from_config()
model = Model(ws, name="credit-card")
env = Environment.from_conda_specification("scoring", "environment.yml")
inference_config = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)
deployment_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=2, auth_enabled=True)
service = Model.deploy(ws, "credit-card-svc", [model], inference_config, deployment_config)
service.wait_for_deployment(show_output=True)
print(service.run(input_data='{"data": [[0.1, 0.2]]}'))
