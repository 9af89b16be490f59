"""Project helper: the only module of the package that imports SDK v1 directly."""
from azureml.core import Workspace  # [azureml-import]
from azureml.core.authentication import ServicePrincipalAuthentication  # [azureml-import]


def get_workspace(tenant_id, client_id, secret):
    auth = ServicePrincipalAuthentication(  # [azureml-authentication]
        tenant_id=tenant_id, service_principal_id=client_id, service_principal_password=secret
    )
    return Workspace.get(name="mlops", auth=auth, subscription_id="sub", resource_group="rg")  # [azureml-workspace]
