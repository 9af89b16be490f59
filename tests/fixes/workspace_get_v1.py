# Reach workspaces by name from an automation script: an interactive login to a guest
# tenant, a managed identity on a build agent, the Azure CLI's login (SDK v1).
from azureml.core import Workspace
from azureml.core.authentication import AzureCliAuthentication, InteractiveLoginAuthentication, MsiAuthentication

SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"


def guest_workspace():
    interactive_auth = InteractiveLoginAuthentication(tenant_id="my-tenant-id")
    ws = Workspace.get(name="guest-workspace", subscription_id=SUBSCRIPTION, resource_group="guest-rg",
                       auth=interactive_auth)
    print(ws.name, ws.location)


def agent_workspace():
    ws = Workspace.get("build-workspace", MsiAuthentication(), SUBSCRIPTION, "build-rg")
    model = ws.models["credit-default"]
    print("latest model:", model.name)


def cli_workspace(subscription_id, resource_group, workspace_name):
    ws = Workspace(subscription_id, resource_group, workspace_name, auth=AzureCliAuthentication())
    print(ws.subscription_id, ws.resource_group, ws.name)
