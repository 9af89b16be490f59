"""Teach astroid the Azure ML SDK v1, whether or not the SDK is installed.

* Not installed (pre-commit, CI, the IDE's bundled pylint): a failed-import
  hook serves generated stub sources from ``stubs/`` under the real module
  names, so ``from azureml.core import Workspace`` resolves.
* Installed: astroid builds the real module, and a module transform replaces
  its names with the stub's definitions (what astroid's own
  ``register_module_extender`` brains do), so inference sees the same classes
  and return types either way: findings never depend on the install.
* ``Experiment.submit(config)`` (and ``Run.submit_child(config)``) returns a
  run class that depends on ``config``; an inference tip picks it.

Everything is registered by :func:`register`, idempotently: VS Code's pylint
extension clears astroid's transforms between in-process runs
(``--clear-cache-post-run``) and loads the plugin again.
"""

from __future__ import annotations

import functools
import json
import os
from typing import Iterator, Mapping

import astroid
from astroid import nodes
from astroid.builder import AstroidBuilder
from astroid.exceptions import AstroidBuildingError, UseInferenceDefault
from astroid.inference_tip import inference_tip
from astroid.manager import AstroidManager

from v2lint import catalogue

STUBS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


@functools.lru_cache(maxsize=1)
def manifest() -> dict:
    with open(os.path.join(STUBS_DIR, "manifest.json"), encoding="utf-8") as handle:
        return json.load(handle)


def models(modname: str) -> bool:
    """Whether the stubs model ``modname``: what v2lint may infer into, so that
    results do not depend on whether the real SDK (with its private modules,
    ``azureml._restclient``) is installed."""
    return modname in manifest()["modules"]


def stub_path(modname: str) -> str | None:
    relpath = manifest()["modules"].get(modname)
    return os.path.join(STUBS_DIR, *relpath.split("/")) if relpath else None


@functools.lru_cache(maxsize=None)
def _stub_source(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


@functools.lru_cache(maxsize=1)
def member_names() -> frozenset[str]:
    """Every public name the stubs define (tools/generate_stubs.py lists them in
    the manifest): the cheap filter for which attribute reads and calls could
    be SDK v1 and are worth inferring."""
    return frozenset(manifest()["member_names"])


def _build_stub(modname: str) -> nodes.Module:
    path = stub_path(modname)
    if path is None:
        raise AstroidBuildingError(modname=modname)
    # the stub's own path makes __init__.py stubs packages (package=True),
    # which `from azureml.core import X` needs. Without astroid's transforms:
    # its enum brain asks every class whether it is an Enum, inferring its
    # bases, which builds the stubs of the whole class hierarchy up front.
    # The stubs' Enum classes are the only ones a brain has anything to do for.
    module = AstroidBuilder(astroid.MANAGER, apply_transforms=False).string_build(_stub_source(path), modname, path)
    for cls in module.nodes_of_class(nodes.ClassDef):
        if any(base.as_string() == "enum.Enum" for base in cls.bases):
            astroid.MANAGER.visit_transforms(cls)
    return module


def _failed_import_hook(modname: str) -> nodes.Module:
    # Only v1 modules: never the shared `azureml` namespace itself, which would
    # change how pylint reports v2-era packages such as azureml.fsspec.
    return _build_stub(modname)


def _is_installed_v1_module(module: nodes.Module) -> bool:
    return (
        module.name in manifest()["modules"]
        and not (module.file or "").startswith(STUBS_DIR)
    )


def _replace_with_stub(module: nodes.Module) -> None:
    """The installed SDK's module gets the stub's names (astroid's module-extender way)."""
    stub = _build_stub(module.name)
    for name, definitions in stub.locals.items():
        module.locals[name] = definitions
        for definition in definitions:
            if definition.parent is stub:
                definition.parent = module


def submitted_config_lookup(call: nodes.Call, table: Mapping[str, str], context=None) -> str | None:
    """``table``'s value for the class of ``config`` in ``experiment.submit(config)``,
    searched from the class up its ancestors; None when unknown."""
    config = call.args[0] if call.args else next((k.value for k in call.keywords or () if k.arg == "config"), None)
    if config is None:
        return None
    for value in config.infer(context):
        cls = getattr(value, "_proxied", None)
        if isinstance(value, nodes.ClassDef) or not isinstance(cls, nodes.ClassDef):
            continue
        for klass in mro(cls):
            if klass.qname() in table:
                return table[klass.qname()]
    return None


def mro(cls: nodes.ClassDef) -> Iterator[nodes.ClassDef]:
    """The class, then its ancestors, as far as they can be inferred."""
    yield cls
    try:
        yield from cls.ancestors()
    except Exception:  # noqa: BLE001 - broken hierarchies in user code
        return


_SUBMITTERS = frozenset({"azureml.core.experiment.Experiment.submit", "azureml.core.run.Run.submit_child"})
_SUBMITTER_NAMES = frozenset(qname.rsplit(".", 1)[1] for qname in _SUBMITTERS)


def _infer_submit(call: nodes.Call, context=None) -> Iterator[nodes.NodeNG]:
    """Experiment.submit(config), Run.submit_child(config) -> the run class config's type implies."""
    if not any(
        isinstance(value, astroid.BoundMethod) and value.qname() in _SUBMITTERS
        for value in call.func.infer(context)
    ):
        raise UseInferenceDefault
    run_type = submitted_config_lookup(call, catalogue.SUBMIT_RUN_TYPES, context)
    if run_type is None:
        raise UseInferenceDefault
    module_name, class_name = run_type.rsplit(".", 1)
    run_class = next(astroid.MANAGER.ast_from_module_name(module_name).igetattr(class_name))
    return iter([run_class.instantiate_class()])


def _looks_like_submit(call: nodes.Call) -> bool:
    return isinstance(call.func, nodes.Attribute) and call.func.attrname in _SUBMITTER_NAMES


_submit_tip = inference_tip(_infer_submit)
_TRANSFORMS = (
    (nodes.Module, _replace_with_stub, _is_installed_v1_module),
    (nodes.Call, _submit_tip, _looks_like_submit),
)
_hook_registered = False  # failed-import hooks live in astroid's process-wide brain


def register(manager: AstroidManager | None = None) -> None:
    """Register the hook, the transform and the tip; safe to call repeatedly."""
    global _hook_registered
    manager = manager or astroid.MANAGER
    if not _hook_registered:
        manager.register_failed_import_hook(_failed_import_hook)
        _hook_registered = True
    for node_class, transform, predicate in _TRANSFORMS:
        try:  # transforms survive until clear_cache(); never register twice
            manager.unregister_transform(node_class, transform, predicate)
        except ValueError:
            pass
        manager.register_transform(node_class, transform, predicate)
