"""Compatibility guards, mixed SDKs and the deprecation-warning switch."""
import os

try:
    from azure.ai.ml import MLClient
except ImportError:
    from azureml.core import Workspace  # [v1-import-in-compat-guard]

from azure.ai.ml import command  # [v1-v2-mixed]
from azureml.core import Run  # [v1-import]

os.environ["AZUREML_DEPRECATE_WARNING"] = "False"  # [v1-deprecation-warning-silenced]
os.environ.setdefault("AZUREML_LOG_DEPRECATION_WARNING_ENABLED", "false")  # [v1-deprecation-warning-silenced]
run = Run.get_context()  # [v1-run-context]
job = command(command="python train.py", environment="azureml:env@latest")
