# Workspace handles the fix must leave alone: each has a use with no SDK v2 form here,
# and a half-migrated handle would not run (SDK v1).
from azureml.core import Dataset, Experiment, Workspace
from azureml.core.authentication import ServicePrincipalAuthentication
from azureml.core.compute import ComputeTarget


def passed_to_a_v1_call():
    ws = Workspace.from_config()
    experiment = Experiment(ws, "no-submit-here")
    print(ws.name, experiment.name)


def passed_to_a_function():
    ws = Workspace.from_config()
    print(ws.name)
    return Dataset.get_by_name(ws, "training-data")


def returned():
    ws = Workspace.from_config()
    print(ws.name)
    return ws


def reassigned():
    try:
        ws = Workspace.from_config()
    except Exception:
        ws = Workspace.create(name="my-ws", subscription_id="sub", resource_group="rg", create_resource_group=True)
    print(ws.name)


def a_member_without_a_v2_form():
    ws = Workspace.from_config(path="./config/config.json")
    ws.write_config(path=".azureml")
    print(ws.get_details()["id"])


def datastore_used_as_a_v1_object():
    ws = Workspace.from_config()
    datastore = ws.get_default_datastore()
    datastore.upload(src_dir="./data", target_path="data", overwrite=True)


def compute_passed_on():
    ws = Workspace.from_config()
    cluster = ws.compute_targets["cpu-cluster"]
    ComputeTarget.detach(cluster)


def get_without_a_subscription():
    ws = Workspace.get(name="my-ws")  # v1 searched every subscription for it
    print(ws.name)


def credential_shared():
    auth = ServicePrincipalAuthentication("tenant", "app", "secret")
    ws = Workspace.get("my-ws", auth, "sub", "rg")
    print(ws.name, auth.get_authentication_header())


def credential_for_a_sovereign_cloud():
    auth = ServicePrincipalAuthentication("tenant", "app", "secret", cloud="AzureChinaCloud")
    ws = Workspace("sub", "rg", "my-ws", auth=auth)
    print(ws.name)


def name_taken():
    ml_client = "a name the fix would shadow"
    ws = Workspace.from_config()
    print(ws.name, ml_client)
