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
from astroid.exceptions import AstroidBuildingError, InferenceError, UseInferenceDefault
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


def _is_installed_v1_module(module: nodes.Module) -> bool:
    return (
        module.name in manifest()["modules"]
        and not (module.file or "").startswith(STUBS_DIR)
    )


def argument_node(call: nodes.Call, argument: str, position: int) -> nodes.NodeNG | None:
    """The node ``call`` passes as ``argument`` (positionally at ``position`` or
    by keyword); None when it passes none."""
    return call.args[position] if len(call.args) > position else next(
        (k.value for k in call.keywords or () if k.arg == argument), None)


def argument_class_lookup(call: nodes.Call, table: Mapping[str, str], argument: str = "config", position: int = 0,
                          context=None) -> str | None:
    """``table``'s value for the class of one argument of ``call`` (by default the
    ``config`` of ``experiment.submit(config)``), searched from the class up its
    ancestors; None when unknown."""
    value_node = argument_node(call, argument, position)
    if value_node is None:
        return None
    for value in value_node.infer(context):
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


_TYPED_RETURN_NAMES = frozenset(qname.rsplit(".", 1)[1] for qname in catalogue.TYPED_RETURNS)


def _looks_typed_return(call: nodes.Call) -> bool:
    return isinstance(call.func, nodes.Attribute) and call.func.attrname in _TYPED_RETURN_NAMES


class _StubBuilder(AstroidBuilder):
    """Builds a stub module. ``self.x = ...`` in a stub's method is an instance
    attribute of its class: astroid's own handling infers ``self``, asking
    whether the class is a metaclass, which infers its bases and builds the
    stubs of the whole class hierarchy up front."""

    def delayed_assattr(self, node: nodes.AssignAttr) -> None:
        method = node.frame()
        cls = method.parent
        if (isinstance(method, nodes.FunctionDef) and isinstance(cls, nodes.ClassDef) and not method.decorators
                and method.name != "__new__" and method.args.args and isinstance(node.expr, nodes.Name)
                and node.expr.name == method.args.args[0].name):
            values = cls.instance_attrs.setdefault(node.attrname, [])
            if node not in values:
                values.append(node)
            return
        super().delayed_assattr(node)


class _Brain:
    """The hook, the transform and the tip, bound to the manager they are
    registered with: stubs are built, and run classes looked up, through it."""

    def __init__(self, manager: AstroidManager) -> None:
        self.manager = manager
        self.hooked = False  # failed-import hooks outlive clear_cache(): added once
        self.transforms = (
            (nodes.Module, self.replace_with_stub, _is_installed_v1_module),
            (nodes.Call, inference_tip(self.infer_typed_return), _looks_typed_return),
        )

    def build_stub(self, modname: str) -> nodes.Module:
        path = stub_path(modname)
        if path is None:
            raise AstroidBuildingError(modname=modname)
        # the stub's own path makes __init__.py stubs packages (package=True),
        # which `from azureml.core import X` needs. Without astroid's transforms:
        # its enum brain asks every class whether it is an Enum, inferring its
        # bases, which builds the stubs of the whole class hierarchy up front.
        # The stubs' Enum classes are the only ones a brain has anything to do for.
        builder = _StubBuilder(self.manager, apply_transforms=False)
        module = builder.string_build(_stub_source(path), modname, path)
        for cls in module.nodes_of_class(nodes.ClassDef):
            if any(base.as_string() == "enum.Enum" for base in cls.bases):
                cls._explicit_inference = self._enum_on_first_use  # pylint: disable=protected-access
        return module

    def _enum_on_first_use(self, cls: nodes.ClassDef, context=None) -> Iterator[nodes.NodeNG]:
        """The enum brain's transform of a stub's Enum class, run when the class
        is first inferred: it builds the standard library's ``enum`` module
        (0.1 s), which a file that never names the class should not pay for."""
        cls._explicit_inference = None  # pylint: disable=protected-access
        self.manager.visit_transforms(cls)
        raise UseInferenceDefault

    def failed_import_hook(self, modname: str) -> nodes.Module:
        # Only v1 modules: never the shared `azureml` namespace itself, which would
        # change how pylint reports v2-era packages such as azureml.fsspec.
        return self.build_stub(modname)

    def replace_with_stub(self, module: nodes.Module) -> None:
        """The installed SDK's module gets the stub's names (astroid's module-extender way)."""
        stub = self.build_stub(module.name)
        for name, definitions in stub.locals.items():
            module.locals[name] = definitions
            for definition in definitions:
                if definition.parent is stub:
                    definition.parent = module

    def infer_typed_return(self, call: nodes.Call, context=None) -> Iterator[nodes.NodeNG]:
        """Experiment.submit(config) -> the run class config's type implies, and the
        other calls of catalogue.TYPED_RETURNS likewise."""
        # on copies of the context: astroid infers the call with it again when
        # the tip gives way, and would find these nodes already on its path
        typed = next(
            (catalogue.TYPED_RETURNS[value.qname()] for value in call.func.infer(context.clone() if context else None)
             if isinstance(value, (astroid.BoundMethod, nodes.FunctionDef)) and value.qname() in catalogue.TYPED_RETURNS),
            None,
        )
        if typed is None:
            raise UseInferenceDefault
        try:
            returned = argument_class_lookup(call, typed.returns, typed.argument, typed.position,
                                             context.clone() if context else None)
        except InferenceError:  # an argument built where astroid cannot see: the stub's own answer
            returned = None
        if returned is None:
            raise UseInferenceDefault
        module_name, class_name = returned.rsplit(".", 1)
        returned_class = next(self.manager.ast_from_module_name(module_name).igetattr(class_name))
        return iter([returned_class.instantiate_class()])

    def install(self) -> None:
        if not self.hooked:
            self.manager.register_failed_import_hook(self.failed_import_hook)
            self.hooked = True
        for node_class, transform, predicate in self.transforms:
            try:  # transforms survive until clear_cache(); never register twice
                self.manager.unregister_transform(node_class, transform, predicate)
            except ValueError:
                pass
            self.manager.register_transform(node_class, transform, predicate)


@functools.lru_cache(maxsize=None)
def _brain_for(manager: AstroidManager) -> _Brain:
    return _Brain(manager)


def register(manager: AstroidManager | None = None) -> None:
    """Register the hook, the transform and the tip with ``manager`` (astroid's
    global one by default), as astroid's own brains are; safe to call repeatedly."""
    _brain_for(manager or astroid.MANAGER).install()
