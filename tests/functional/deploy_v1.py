"""Register a model and deploy it to ACI: the SDK v1 side of the online-endpoint articles."""
import json

from azureml.core import Environment, Workspace  # [azureml-import, azureml-import]
from azureml.core.model import InferenceConfig, Model  # [azureml-import, azureml-import]
from azureml.core.webservice import AciWebservice  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
model = Model.register(ws, model_name="sklearn-mnist", model_path="outputs/model.pkl")  # [azureml-model]
env = Environment.from_conda_specification("scoring", "environment.yml")  # [azureml-environment]
env.python.conda_dependencies.add_pip_package("azureml-defaults")  # [azureml-run-configuration, azureml-environment]
inference_config = InferenceConfig(  # [azureml-webservice]
    entry_script="score.py", source_directory="src", environment=env
)
aci_config = AciWebservice.deploy_configuration(  # [azureml-webservice]
    cpu_cores=1, memory_gb=2, auth_enabled=True, dns_name_label="mnist-scoring"  # [azureml-webservice-no-equivalent]
)
service = Model.deploy(ws, "mnist-svc", [model], inference_config, aci_config, overwrite=True)  # [azureml-webservice]
service.wait_for_deployment(show_output=True)  # [azureml-webservice]
print(service.run(input_data=json.dumps({"data": [[0.0] * 784]})))  # [azureml-webservice]
service.delete()  # [azureml-webservice]
