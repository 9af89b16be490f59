"""Compatibility guards, mixed SDKs and the deprecation-warning switch."""
import os

try:
    from azure.ai.ml import MLClient
except ImportError:
    from azureml.core import Workspace  # [azureml-import-in-compat-guard]

from azure.ai.ml import command  # [mixed-azureml-sdks]
from azureml.core import Run  # [azureml-import]

os.environ["AZUREML_DEPRECATE_WARNING"] = "False"  # [azureml-deprecation-warning-silenced]
os.environ.setdefault("AZUREML_LOG_DEPRECATION_WARNING_ENABLED", "false")  # [azureml-deprecation-warning-silenced]
run = Run.get_context()  # [azureml-run-context]
job = command(command="python train.py", environment="azureml:env@latest")
