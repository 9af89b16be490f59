"""Registers a model through the package helper; mentions azureml only in this docstring."""
from .aml import get_workspace

ws = get_workspace("tenant", "client", "secret")
store = ws.get_default_datastore()  # [azureml-workspace]
ws.get_default_keyvault().get_secret("token")  # [azureml-workspace, azureml-secrets]
