"""Sign in to a workspace with a service principal whose secret CI puts in the
environment, as the authentication notebook of the samples writes it (SDK v1)."""
import os

from azureml.core import Workspace
from azureml.core.authentication import ServicePrincipalAuthentication

svc_pr_password = os.environ.get("AZUREML_PASSWORD")

svc_pr = ServicePrincipalAuthentication(
    tenant_id=os.environ["AZURE_TENANT_ID"],
    service_principal_id=os.environ["AZURE_CLIENT_ID"],
    service_principal_password=svc_pr_password,
)

ws = Workspace(
    subscription_id=os.environ["AZURE_SUBSCRIPTION_ID"],
    resource_group="my-ml-rg",
    workspace_name="my-ml-workspace",
    auth=svc_pr,
)

print("Found workspace {} at location {}".format(ws.name, ws.location))
cluster = ws.compute_targets["cpu-cluster"]
print(f"training on {cluster.name} in {ws.resource_group}")
print("blob store:", ws.datastores["workspaceblobstore"].name)
