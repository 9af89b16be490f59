# Connect to the workspace that config.json describes and point MLflow at it, as the
# MLflow tracking notebooks do (SDK v1).
import mlflow
from azureml.core import Workspace

ws = Workspace.from_config()
print(
    "Workspace name: " + ws.name,
    "Azure region: " + ws.location,
    "Subscription id: " + ws.subscription_id,
    "Resource group: " + ws.resource_group,
    sep="\n",
)

mlflow.set_tracking_uri(ws.get_mlflow_tracking_uri())
mlflow.set_experiment("experiment-with-mlflow")

# where the run's data is read from
datastore = ws.get_default_datastore()
print("default datastore:", datastore.name)
