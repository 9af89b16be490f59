"""Fix family "Workspace -> MLClient" (v2lint/fix_workspace.py).

The golden examples are tests/fixes/workspace_*_v1.py (tests/test_fixes.py compares
them); these tests say what the goldens mean: which handles are migrated whole, with
what applicability, which are left alone and why, and how the family shares the
handle with the script-run and pipeline fixes that consume it.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from v2lint import fixing
from v2lint.catalogue import Applicability
from v2lint.modules import analyse_source
from v2lint.notebook_fixing import fix_notebook

FIXES = Path(__file__).parent / "fixes"
_BINDINGS = ("azureml.core.workspace.Workspace", "azureml.core.workspace.Workspace.from_config",
             "azureml.core.workspace.Workspace.get")


def _fixed(source: str, unsafe: bool, wanted=lambda code: True) -> str:
    result = fixing.fix_file(source.encode("utf-8"), "ws.py", "ws.py", unsafe, wanted)
    return source if result is None else result.text


def _binding_fixes(source: str) -> list:
    return [f.fix for f in analyse_source(source, "ws.py") if f.qname in _BINDINGS]


@pytest.mark.parametrize("name", ["workspace_from_config", "workspace_service_principal", "workspace_get"])
def test_unsafe_fixes_migrate_each_handle_whole(name):
    fixed = _fixed((FIXES / f"{name}_v1.py").read_text(encoding="utf-8"), unsafe=True)
    assert "azureml" not in fixed
    assert analyse_source(fixed, "ws.py") == []
    assert " ws" not in fixed and "(ws" not in fixed


def test_config_json_becomes_from_config_with_default_azure_credential_as_the_article_writes():
    source = (FIXES / "workspace_from_config_v1.py").read_text(encoding="utf-8")
    (fix,) = [f for f in _binding_fixes(source) if f is not None]
    assert fix.applicability is Applicability.UNSAFE
    assert "DefaultAzureCredential, not v1's interactive login" in fix.title
    assert _fixed(source, unsafe=False) == source
    fixed = _fixed(source, unsafe=True)
    assert "ml_client = MLClient.from_config(credential=DefaultAzureCredential())\n" in fixed
    assert "mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)" in fixed
    assert 'print("default datastore:", datastore.name)' in fixed  # the v2 entity's name: kept as written


def test_a_service_principal_keeps_its_identity_so_the_fix_is_safe():
    source = (FIXES / "workspace_service_principal_v1.py").read_text(encoding="utf-8")
    (fix,) = [f for f in _binding_fixes(source) if f is not None]
    assert fix.applicability is Applicability.SAFE and "(" not in fix.title
    fixed = _fixed(source, unsafe=False)
    assert fixed == _fixed(source, unsafe=True)
    assert "svc_pr = ClientSecretCredential(\n    tenant_id=" in fixed
    assert "ml_client = MLClient(\n    svc_pr,\n    subscription_id=" in fixed  # the v1 call's layout kept
    assert 'cluster = ml_client.compute.get("cpu-cluster")' in fixed


def test_the_interactive_login_and_the_managed_identity_may_sign_in_otherwise():
    source = (FIXES / "workspace_get_v1.py").read_text(encoding="utf-8")
    fixes = [f for f in _binding_fixes(source) if f is not None]
    assert [f.applicability for f in fixes] == [Applicability.UNSAFE, Applicability.UNSAFE, Applicability.SAFE]
    assert "browser" in fixes[0].title and "workload identity" in fixes[1].title
    safe = _fixed(source, unsafe=False)
    assert "InteractiveLoginAuthentication" in safe and "MsiAuthentication()" in safe
    assert "AzureCliCredential()," in safe  # the Azure CLI's login either way
    unsafe = _fixed(source, unsafe=True)
    assert 'ml_client.models.get("credit-default", label="latest")' in unsafe  # v1's models: the latest versions


NEAR_MISSES = (FIXES / "workspace_near_misses_v1.py").read_text(encoding="utf-8")


def _function(name: str) -> str:
    header = NEAR_MISSES[: NEAR_MISSES.index("\n\n\ndef ")]
    body = NEAR_MISSES[NEAR_MISSES.index(f"def {name}("):]
    return header + "\n\n\n" + body.split("\n\n\ndef ")[0].rstrip() + "\n"


# each near miss, and the one change that lets the handle be migrated whole
@pytest.mark.parametrize("name, blocker, unblocked", [
    ("passed_to_a_v1_call", 'experiment = Experiment(ws, "no-submit-here")\n    print(ws.name, experiment.name)',
     "print(ws.name)"),
    ("passed_to_a_function", 'return Dataset.get_by_name(ws, "training-data")', "return None"),
    ("returned", "return ws", "return None"),
    ("reassigned", 'ws = Workspace.create(name="my-ws", subscription_id="sub", resource_group="rg", '
                   "create_resource_group=True)", "raise"),
    ("a_member_without_a_v2_form", 'ws.write_config(path=".azureml")\n    print(ws.get_details()["id"])',
     "print(ws.location)"),
    ("datastore_used_as_a_v1_object", 'datastore.upload(src_dir="./data", target_path="data", overwrite=True)',
     "print(datastore.name)"),
    ("compute_passed_on", "ComputeTarget.detach(cluster)", "print(cluster.name)"),
    ("get_without_a_subscription", 'Workspace.get(name="my-ws")',
     'Workspace.get(name="my-ws", subscription_id="sub", resource_group="rg")'),
    ("credential_shared", "print(ws.name, auth.get_authentication_header())", "print(ws.name)"),
    ("credential_for_a_sovereign_cloud", ', cloud="AzureChinaCloud"', ""),
    ("name_taken", 'ml_client = "a name the fix would shadow"\n    ws = Workspace.from_config()\n    print(ws.name, ml_client)',
     "ws = Workspace.from_config()\n    print(ws.name)"),
])
def test_a_handle_with_a_use_the_fix_cannot_carry_gets_no_fix(name, blocker, unblocked):
    source = _function(name)
    assert blocker in source
    assert _binding_fixes(source) and not any(_binding_fixes(source)), name
    fixed = _fixed(source.replace(blocker, unblocked), unsafe=True)
    assert "ml_client = MLClient" in fixed, name


def test_the_script_run_carries_the_handle_and_its_other_uses():
    source = (FIXES / "script_run_v1.py").read_text(encoding="utf-8") + "print(ws.name, ws.location)\n"
    findings = analyse_source(source, "submit.py")
    submit = next(f for f in findings if f.code == "AML202")
    assert submit.fix is not None
    assert not any(_binding_fixes(source))  # its edits travel with the submit's fix, never apart
    fixed = _fixed(source, unsafe=True)
    assert "print(ml_client.workspace_name, ml_client.workspaces.get(ml_client.workspace_name).location)\n" in fixed
    assert fixed.count("ml_client = MLClient.from_config(credential=DefaultAzureCredential())") == 1
    assert analyse_source(fixed, "submit.py") == []
    # selecting the workspace rule alone cannot leave the experiment on a handle that is gone
    assert _fixed(source, unsafe=True, wanted=lambda code: code == "AML101") == source


# the uses of ws each shape of the script run consumes itself (the compute block's lookup and
# creation, Environment.get, Dataset.get_by_name, the experiment), beside one it does not
@pytest.mark.parametrize("example, consumed", [
    ("script_run_compute_dataset_v1.py", ("ComputeTarget(workspace=ws", "ComputeTarget.create(ws")),
    ("script_run_registered_environment_v1.py", ("Environment.get(ws",)),
    ("script_run_registered_dataset_v1.py", ("Dataset.get_by_name(ws",)),
])
def test_each_script_run_shape_hands_its_uses_to_the_one_handle_rewrite(example, consumed):
    source = (FIXES / example).read_text(encoding="utf-8")
    assert all(use in source for use in consumed)
    fixed = _fixed(source + "print(ws.name)\n", unsafe=True)
    assert fixed.endswith("print(ml_client.workspace_name)\n")
    assert fixed.count("ml_client = MLClient") == 1 and re.search(r"\bws\b", fixed) is None
    assert analyse_source(fixed, example) == []
    # a use without a v2 form: neither the submit nor the handle is fixed
    blocked = source + "print(ws.get_details())\n"
    assert not any(_binding_fixes(blocked))
    assert next(f for f in analyse_source(blocked, example) if f.code == "AML202").fix is None


def test_a_use_of_the_handle_inside_an_argument_the_script_run_copies_gets_no_fix():
    # the environment's name is copied into the v2 call whole, and ws.name would be rewritten inside it:
    # two edits on one span never apply, so the submit offers no fix rather than one that cannot be applied
    source = (FIXES / "script_run_v1.py").read_text(encoding="utf-8").replace(
        'name="pytorch-env"', 'name=ws.name + "-env"')
    assert next(f for f in analyse_source(source, "submit.py") if f.code == "AML202").fix is None
    assert _fixed(source, unsafe=True) == source


def test_a_script_run_on_a_created_cluster_takes_a_service_principal_handle():
    source = (FIXES / "script_run_compute_dataset_v1.py").read_text(encoding="utf-8").replace(
        "ws = Workspace.from_config()",
        'ws = Workspace("sub", "rg", "ws", auth=ServicePrincipalAuthentication("tenant", "app", os.environ["SECRET"]))',
    ).replace("from azureml.core import", "import os\n\nfrom azureml.core.authentication import "
              "ServicePrincipalAuthentication\nfrom azureml.core import", 1)
    fixed = _fixed(source, unsafe=True)
    assert "ClientSecretCredential(tenant_id=\"tenant\", client_id=\"app\"" in fixed
    assert "compute_target = ml_client.compute.get(cluster_name)" in fixed
    assert analyse_source(fixed, "submit.py") == []


def test_the_pipeline_carries_the_handle_and_its_other_uses():
    source = (FIXES / "pipeline_article_v1.py").read_text(encoding="utf-8") + "print(ws.subscription_id)\n"
    fixed = _fixed(source, unsafe=True)
    assert "print(ml_client.subscription_id)\n" in fixed
    assert analyse_source(fixed, "pipeline.py") == []


def test_the_consumers_take_a_service_principal_handle_too():
    source = (FIXES / "script_run_v1.py").read_text(encoding="utf-8").replace(
        "ws = Workspace.from_config()",
        'ws = Workspace("sub", "rg", "ws", auth=ServicePrincipalAuthentication("tenant", "app", os.environ["SECRET"]))',
    ).replace("from azureml.core import", "import os\n\nfrom azureml.core.authentication import "
              "ServicePrincipalAuthentication\nfrom azureml.core import")
    fixed = _fixed(source, unsafe=True)
    assert ('ml_client = MLClient(\n    ClientSecretCredential(tenant_id="tenant", client_id="app", '
            'client_secret=os.environ["SECRET"]),\n') in fixed
    assert analyse_source(fixed, "submit.py") == []


def _notebook(*sources: str) -> bytes:
    cells = [{"cell_type": "code", "execution_count": n, "metadata": {"tags": [f"c{n}"]},
              "outputs": [{"name": "stdout", "output_type": "stream", "text": [f"out {n}\n"]}],
              "source": source.splitlines(keepends=True)} for n, source in enumerate(sources, 1)]
    document = {"cells": cells, "metadata": {"kernelspec": {"name": "python38-azureml"}},
                "nbformat": 4, "nbformat_minor": 5}
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")


_SETUP = "from azureml.core import Workspace\n\nws = Workspace.from_config()\n"
_DETAILS = textwrap.dedent("""\
    print(ws.name, ws.resource_group, ws.location, ws.subscription_id, sep="\\n")
""")


def test_a_notebooks_handle_is_migrated_across_its_cells():
    fixed = fix_notebook(_notebook(_SETUP, _DETAILS), "nb.ipynb", "nb.ipynb", unsafe=True)
    cells = json.loads(fixed.text)["cells"]
    assert cells[0]["source"] == ["from azure.ai.ml import MLClient\n", "from azure.identity import DefaultAzureCredential\n",
                                  "\n", "ml_client = MLClient.from_config(credential=DefaultAzureCredential())\n"]
    assert cells[1]["source"] == [
        "print(ml_client.workspace_name, ml_client.resource_group_name, "
        "ml_client.workspaces.get(ml_client.workspace_name).location, ml_client.subscription_id, sep=\"\\n\")\n"]
    assert [c["outputs"] for c in cells] == [[{"name": "stdout", "output_type": "stream", "text": [f"out {n}\n"]}]
                                           for n in (1, 2)]


def test_a_use_in_any_cell_without_a_v2_form_blocks_the_whole_notebook():
    data = _notebook(_SETUP, _DETAILS, "from azureml.core import Experiment\nexperiment = Experiment(ws, 'nb')\n")
    fixed = fix_notebook(data, "nb.ipynb", "nb.ipynb", unsafe=True)
    assert fixed is None or not fixed.applied


def test_the_rule_pages_say_which_arguments_choose_each_rewrite():
    from v2lint.catalogue import RULES
    from v2lint.ruledocs import fixes_section

    workspace = fixes_section(next(rule for rule in RULES if rule.code == "AML101"))
    assert ("| `azureml.core.workspace.Workspace.from_config` | `MLClient.from_config(credential={auth}, path={path})` "
            "| `auth`, `path` passed | safe |") in workspace
    assert ("| `azureml.core.workspace.Workspace.from_config` | `MLClient.from_config(credential=DefaultAzureCredential())` "
            "| otherwise | unsafe: it signs in with DefaultAzureCredential, not v1's interactive login |") in workspace
    assert "| `azureml.core.workspace.Workspace.name` | `ml_client.workspace_name` | always | safe |" in workspace


def test_a_workspace_class_that_is_not_called_leaves_the_other_fixes_alone():
    source = ("import functools\n"
              "from azureml.core import Run, Workspace\n"
              "run = Run.get_context()\n"
              'connect = functools.partial(Workspace.from_config, path="config.json")\n'
              "run.log('accuracy', 0.9)\n")
    log = next(f for f in analyse_source(source, "ws.py") if f.qname == "azureml.core.run.Run.log")
    assert log.fix is not None and log.fix.applicability is Applicability.SAFE


def test_comments_inside_the_rewritten_call_make_the_fix_unsafe():
    source = (FIXES / "workspace_service_principal_v1.py").read_text(encoding="utf-8").replace(
        '    resource_group="my-ml-rg",\n', '    resource_group="my-ml-rg",  # the team\'s group\n')
    (fix,) = [f for f in _binding_fixes(source) if f is not None]
    assert fix.applicability is Applicability.UNSAFE and "comments" in fix.title
