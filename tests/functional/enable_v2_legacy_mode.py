"""The one SDK v1 call needed to enable the v2 API on a private-endpoint workspace: informational."""
from azureml.core import Workspace  # [v1-legacy-mode-update]

Workspace.from_config().update(v1_legacy_mode=False)  # [v1-legacy-mode-update, v1-legacy-mode-update]
