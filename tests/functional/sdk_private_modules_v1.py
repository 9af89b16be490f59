"""Findings that once differed with the real SDK installed (its private modules
are real code, the stubs leave them out): the same lines, names and rules either way."""
import azureml
from azureml.core import Workspace  # [azureml-import]
from azureml._restclient.models import RunTypeV2  # [azureml-import]
from azureml._restclient.experiment_client import ExperimentClient  # [azureml-import]
import azureml.data  # [azureml-import]

print("Azure ML SDK Version: ", azureml.core.VERSION)  # [azureml-sdk-version]
print(azureml.data.__version__)  # [azureml-sdk-member]

ws = Workspace.from_config()  # [azureml-workspace]
run_type = RunTypeV2(orchestrator="AutoML", traits=["automl"])  # [azureml-sdk-member]
client = ExperimentClient(ws.service_context, "experiment")  # [azureml-sdk-member]
created = client.create_run(run_id="run-1", run_type_v2=run_type)  # [azureml-sdk-member]
