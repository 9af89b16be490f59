"""Proof that the fixed workspace handles run: ``--fix --unsafe-fixes`` output of the
tests/fixes/workspace_*_v1.py examples executed against the real SDK v2.

Unlike test_fixes_run.py, ``MLClient`` and the azure-identity credentials are the real
classes (both are built offline), so their constructors and properties check what the
fix wrote; only the operations that would call Azure are replaced by recorders, which
first bind each call to the real method's signature. Runs where the SDK v2 of
``tools/requirements-sdk-v2.txt`` is importable (``V2LINT_EXPECT_SDK_V2=1``: required).
"""

from __future__ import annotations

import inspect
import json
import os
import runpy
import sys
import types
from pathlib import Path

import pytest

if os.environ.get("V2LINT_EXPECT_SDK_V2") != "1":
    pytest.importorskip("azure.ai.ml", reason="needs the SDK v2 of tools/requirements-sdk-v2.txt")

import azure.identity  # noqa: E402
from azure.ai.ml import MLClient  # noqa: E402
from azure.ai.ml.entities import AmlCompute, AzureBlobDatastore, Model, Workspace  # noqa: E402
from azure.ai.ml.operations import ComputeOperations, DatastoreOperations, ModelOperations, WorkspaceOperations  # noqa: E402

from v2lint import fixing  # noqa: E402

FIXES = Path(__file__).resolve().parents[1] / "fixes"
TRACKING_URI = "azureml://westeurope.api.azureml.ms/mlflow/v1.0/subscriptions/sub"

# operation group on MLClient -> (its class, method, what the recorder returns)
_OPERATIONS = {
    "workspaces.get": (WorkspaceOperations, "get", lambda name=None, **_: Workspace(
        name=name, location="westeurope", mlflow_tracking_uri=TRACKING_URI)),
    "datastores.get_default": (DatastoreOperations, "get_default", lambda **_: AzureBlobDatastore(
        name="workspaceblobstore", account_name="account", container_name="azureml")),
    "datastores.get": (DatastoreOperations, "get", lambda name, **_: AzureBlobDatastore(
        name=name, account_name="account", container_name="azureml")),
    "compute.get": (ComputeOperations, "get", lambda name: AmlCompute(name=name)),
    "models.get": (ModelOperations, "get", lambda name, version=None, label=None: Model(
        name=name, version="3", path="azureml://models/x")),
}


@pytest.fixture
def recorded(monkeypatch, tmp_path):
    """(the MLClients made, the operations called), with the v1 SDK unimportable."""
    for name in ("azureml", "azureml.core", "azureml.pipeline", "azureml.data", "azureml.train"):
        monkeypatch.setitem(sys.modules, name, None)
    clients, calls = [], []
    real_init = MLClient.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        clients.append(self)

    monkeypatch.setattr(MLClient, "__init__", init)
    for operation, (cls, method, result) in _OPERATIONS.items():
        monkeypatch.setattr(cls, method, _recorder(operation, getattr(cls, method), result, calls))
    monkeypatch.chdir(tmp_path)
    return clients, calls


def _recorder(operation, real, result, calls):
    signature = inspect.signature(real)

    def record(self, *args, **kwargs):
        signature.bind(self, *args, **kwargs)  # a call the real operation accepts
        calls.append((operation, args, kwargs))
        return result(*args, **kwargs)

    return record


def _run_fixed(name: str, where: Path) -> dict:
    example = FIXES / f"{name}_v1.py"
    fixed = fixing.fix_file(example.read_bytes(), str(example), example.name, unsafe=True)
    assert fixed is not None and "azureml" not in fixed.text
    script = where / example.name
    script.write_text(fixed.text, encoding="utf-8")
    return runpy.run_path(str(script), run_name="__main__")


def _workspace(client: MLClient) -> tuple[str, str, str]:
    return client.subscription_id, client.resource_group_name, client.workspace_name


def test_config_json_gives_the_same_workspace_and_tracking_uri(recorded, tmp_path, monkeypatch, capsys):
    clients, calls = recorded
    (tmp_path / "config.json").write_text(json.dumps(
        {"subscription_id": "sub", "resource_group": "ml-rg", "workspace_name": "ml-ws"}), encoding="utf-8")
    tracking = types.SimpleNamespace(uris=[], experiments=[])
    mlflow = types.ModuleType("mlflow")
    mlflow.set_tracking_uri = tracking.uris.append
    mlflow.set_experiment = tracking.experiments.append
    monkeypatch.setitem(sys.modules, "mlflow", mlflow)

    _run_fixed("workspace_from_config", tmp_path)

    (client,) = clients
    assert _workspace(client) == ("sub", "ml-rg", "ml-ws")
    assert isinstance(client._credential, azure.identity.DefaultAzureCredential)
    assert tracking.uris == [TRACKING_URI]
    assert [(op, args, kwargs) for op, args, kwargs in calls] == [
        ("workspaces.get", ("ml-ws",), {}), ("workspaces.get", ("ml-ws",), {}), ("datastores.get_default", (), {})]
    assert capsys.readouterr().out.splitlines() == [
        "Workspace name: ml-ws", "Azure region: westeurope", "Subscription id: sub", "Resource group: ml-rg",
        "default datastore: workspaceblobstore"]


def test_the_service_principal_signs_in_as_itself(recorded, tmp_path, monkeypatch, capsys):
    clients, calls = recorded
    for name, value in {"AZURE_TENANT_ID": "tenant-1", "AZURE_CLIENT_ID": "app-1", "AZUREML_PASSWORD": "secret-1",
                        "AZURE_SUBSCRIPTION_ID": "sub-1"}.items():
        monkeypatch.setenv(name, value)

    _run_fixed("workspace_service_principal", tmp_path)

    (client,) = clients
    assert _workspace(client) == ("sub-1", "my-ml-rg", "my-ml-workspace")
    credential = client._credential
    assert isinstance(credential, azure.identity.ClientSecretCredential)
    assert (credential._tenant_id, credential._client_id, credential._client_credential) == (
        "tenant-1", "app-1", "secret-1")
    assert [op for op, _, _ in calls] == ["workspaces.get", "compute.get", "datastores.get"]
    assert calls[1][1] == ("cpu-cluster",) and calls[2][1] == ("workspaceblobstore",)
    assert capsys.readouterr().out.splitlines() == [
        "Found workspace my-ml-workspace at location westeurope", "training on cpu-cluster in my-ml-rg",
        "blob store: workspaceblobstore"]


def test_each_workspace_get_reaches_its_workspace_with_its_credential(recorded, tmp_path, capsys):
    clients, calls = recorded
    script = _run_fixed("workspace_get", tmp_path)
    script["guest_workspace"]()
    script["agent_workspace"]()
    script["cli_workspace"]("sub-9", "cli-rg", "cli-ws")

    guest, agent, cli = clients
    assert _workspace(guest) == (script["SUBSCRIPTION"], "guest-rg", "guest-workspace")
    assert isinstance(guest._credential, azure.identity.InteractiveBrowserCredential)
    assert guest._credential._tenant_id == "my-tenant-id"
    assert _workspace(agent) == (script["SUBSCRIPTION"], "build-rg", "build-workspace")
    assert isinstance(agent._credential, azure.identity.ManagedIdentityCredential)
    assert _workspace(cli) == ("sub-9", "cli-rg", "cli-ws")
    assert isinstance(cli._credential, azure.identity.AzureCliCredential)
    assert calls == [("workspaces.get", ("guest-workspace",), {}),
                     ("models.get", ("credit-default",), {"label": "latest"})]  # v1's models[name]: the latest
    assert capsys.readouterr().out.splitlines() == [
        "guest-workspace westeurope", "latest model: credit-default", "sub-9 cli-rg cli-ws"]
