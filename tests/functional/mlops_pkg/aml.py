"""Project helper: the only module of the package that imports SDK v1 directly."""
from azureml.core import Workspace  # [v1-import]
from azureml.core.authentication import ServicePrincipalAuthentication  # [v1-import]


def get_workspace(tenant_id, client_id, secret):
    auth = ServicePrincipalAuthentication(  # [v1-authentication]
        tenant_id=tenant_id, service_principal_id=client_id, service_principal_password=secret
    )
    return Workspace.get(name="mlops", auth=auth, subscription_id="sub", resource_group="rg")  # [v1-workspace]
