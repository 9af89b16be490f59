"""The brain on its own: what astroid infers for v1 code once it is registered.

The stub overlay test runs where the real SDK v1 is installed
(V2LINT_EXPECT_SDK=1, as in CI's SDK environment); the others run anywhere.
"""

from __future__ import annotations

import os
import textwrap

import astroid
import pytest
from astroid import nodes
from astroid.manager import AstroidManager

from v2lint import brain

SDK_EXPECTED = os.environ.get("V2LINT_EXPECT_SDK") == "1"

SUBMITS = textwrap.dedent(
    """\
    from azureml.core import Experiment, ScriptRunConfig, Workspace
    from azureml.pipeline.core import Pipeline
    from azureml.pipeline.steps import PythonScriptStep

    ws = Workspace.from_config()
    experiment = Experiment(ws, "train")
    config = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu")
    script_run = experiment.submit(config)
    pipeline = Pipeline(ws, steps=[PythonScriptStep(script_name="prep.py", source_directory="src")])
    pipeline_run = experiment.submit(config=pipeline)
    unknown_run = experiment.submit(make_config())
    child_run = script_run.submit_child(config)
    """
)


def _inferred(module: nodes.Module, name: str) -> list[str]:
    """What the module-level ``name`` infers to: 'Instance of <qualified class>'."""
    values = module[name].infer()
    return [f"Instance of {value.pytype()}" if isinstance(value, astroid.Instance) else repr(value) for value in values]


@pytest.fixture(scope="module")
def submits() -> nodes.Module:
    brain.register()
    return astroid.parse(SUBMITS, module_name="train_job")


def test_submit_of_a_script_run_config_is_a_script_run(submits):
    assert _inferred(submits, "script_run") == ["Instance of azureml.core.script_run.ScriptRun"]


def test_submit_of_a_pipeline_is_a_pipeline_run(submits):
    assert _inferred(submits, "pipeline_run") == ["Instance of azureml.pipeline.core.run.PipelineRun"]


def test_submit_child_follows_the_config_too(submits):
    assert _inferred(submits, "child_run") == ["Instance of azureml.core.script_run.ScriptRun"]


def test_submit_of_an_unknown_config_is_what_the_stub_returns(submits):
    assert _inferred(submits, "unknown_run") == ["Instance of azureml.core.run.Run"]


def test_v1_imports_resolve_to_the_stub_definitions_either_way(submits):
    experiment = next(submits.igetattr("Experiment"))
    assert experiment.qname() == "azureml.core.experiment.Experiment"
    assert "submit" in experiment.locals


class _Recording(AstroidManager):
    """astroid's manager (its state is shared, as every AstroidManager's is),
    noting what the brain asks of it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def register_failed_import_hook(self, hook) -> None:
        self.asked.append("failed-import hook")
        super().register_failed_import_hook(hook)

    def register_transform(self, node_class, transform, predicate=None) -> None:
        self.asked.append(f"transform of {node_class.__name__}")
        super().register_transform(node_class, transform, predicate)

    def ast_from_module_name(self, modname, *args, **kwargs):
        self.asked.append(f"module {modname}")
        return super().ast_from_module_name(modname, *args, **kwargs)


class _NotTheManager:
    def __getattr__(self, name):
        raise AssertionError(f"the brain reached for astroid.MANAGER.{name}, not the manager it was given")


@pytest.fixture
def own_manager(monkeypatch):
    manager = _Recording()
    brain.register(manager)
    monkeypatch.setattr(astroid, "MANAGER", _NotTheManager())
    yield manager
    # astroid's state is shared: leave only the global manager's brain behind
    monkeypatch.undo()
    registered = brain._brain_for(manager)
    manager._failed_import_hooks.remove(registered.failed_import_hook)
    for node_class, transform, predicate in registered.transforms:
        manager.unregister_transform(node_class, transform, predicate)


def test_the_brain_uses_the_manager_it_is_registered_with(own_manager):
    """As astroid's brains' ``register(manager)`` do: pylint, or a test, may pass its own."""
    assert own_manager.asked == ["failed-import hook", "transform of Module", "transform of Call"]
    brain.register(own_manager)  # again: the hook is not added twice
    assert own_manager.asked.count("failed-import hook") == 1
    module = astroid.parse(SUBMITS, module_name="train_job")
    assert _inferred(module, "script_run") == ["Instance of azureml.core.script_run.ScriptRun"]
    assert "module azureml.core.script_run" in own_manager.asked  # the run class, looked up through it


@pytest.mark.skipif(not SDK_EXPECTED, reason="runs in CI's environment with azureml-core installed")
def test_the_installed_sdk_module_carries_the_stub_definitions():
    """astroid builds the real azureml.core.experiment; the brain's transform
    gives it the stub's names, so inference sees the same classes as without it."""
    brain.register()
    module = astroid.MANAGER.ast_from_module_name("azureml.core.experiment")
    assert module.file and not module.file.startswith(brain.STUBS_DIR)
    stub = astroid.parse(open(brain.stub_path(module.name), encoding="utf-8").read(), module.name)
    for name, definitions in stub.locals.items():
        if isinstance(definitions[0], (nodes.ClassDef, nodes.FunctionDef)):
            assert module.locals[name][0].as_string() == definitions[0].as_string(), name
            assert module.locals[name][0].parent is module
    run = next(module["Experiment"].igetattr("submit")).infer_call_result(None)
    assert [value.pytype() for value in run] == ["azureml.core.run.Run"]
