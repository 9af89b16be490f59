"""The one SDK v1 call needed to enable the v2 API on a private-endpoint workspace: informational."""
from azureml.core import Workspace  # [azureml-legacy-mode-update]

Workspace.from_config().update(v1_legacy_mode=False)  # [azureml-legacy-mode-update, azureml-legacy-mode-update]
