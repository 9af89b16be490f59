#!/usr/bin/env python3
"""Generate the astroid stub sources ("brain") for the Azure ML SDK v1 public API.

Run inside a virtualenv where the pinned SDK of ``tools/requirements-sdk-v1.txt``
is installed::

    python tools/generate_stubs.py --out v2lint/brain/stubs

The script imports every public module of the v1 SDK, introspects the live
objects (classes, bases, members, signatures), reads the real sources with
``ast`` to find instance attributes, and reads annotations and Sphinx/Google
docstrings to recover return types. It writes one stub module per real
module, mirroring the module path, plus ``manifest.json``.

The stubs are consumed by astroid (through a failed-import hook) while pylint
checks user code, so they are written for astroid's inference, not for humans:

* every public class keeps its real bases (v1 bases are imported from their
  stub home, other bases are imported from their real module);
* every public member is declared with its real signature, so that pylint's
  own checkers (``no-member``, ``no-value-for-parameter``, ...) agree with the
  real SDK;
* a method whose return type is a v1 class returns an instance of that class
  (``return Workspace()``), lists become ``[X()]`` and mappings an instance
  of a small private ``dict`` subclass whose items are ``X``;
* anything else (primitives, unknown types) comes from ``_unknown()``, a
  private helper whose body is ``pass``: astroid infers its result as
  Uninferable, so pylint neither treats such values as constants nor
  reports ``assignment-from-no-return`` on them.

Output is deterministic (sorted, no timestamps, no paths, no addresses), so
CI can regenerate the stubs and diff them against the committed tree.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import enum
import functools
import importlib
import importlib.metadata
import inspect
import json
import os
import pkgutil
import re
import shutil
import sys
import textwrap
import types
import warnings
from dataclasses import dataclass, field
from typing import Any, Iterable

# --------------------------------------------------------------------------
# Configuration
# --------------------------------------------------------------------------

#: Packages whose public modules are stubbed.
ROOTS = (
    "azureml.core",
    "azureml.data",
    "azureml.pipeline",
    "azureml.train",
    "azureml.exceptions",
    "azureml.history",
    "azureml.widgets",
    "azureml.datadrift",
    "azureml.automl.core",
)

#: Distributions recorded in the manifest (those of requirements-sdk-v1.txt
#: and the v1 distributions they pull in whose code ends up in the stubs).
DISTRIBUTIONS = (
    "azureml-automl-core",
    "azureml-core",
    "azureml-datadrift",
    "azureml-dataset-runtime",
    "azureml-pipeline-core",
    "azureml-pipeline-steps",
    "azureml-telemetry",
    "azureml-train-automl-client",
    "azureml-train-core",
    "azureml-train-restclients-hyperdrive",
    "azureml-widgets",
)

#: Namespaces under ``azureml`` that belong to SDK v2 (or are not SDK v1
#: API); never stubbed, never treated as v1 code.
V2_NAMESPACES = (
    "azureml.acft",
    "azureml.ai",
    "azureml.assets",
    "azureml.evaluate",
    "azureml.featurestore",
    "azureml.fsspec",
    "azureml.metrics",
    "azureml.mlflow",
    "azureml.rag",
    "azureml.registry",
    "azureml_inference_server_http",
    "mltable",
)

#: Private packages of the v1 distributions (``azureml._restclient``,
#: ``azureml._base_sdk_common``, ...). Classes from them that public classes
#: use as bases are inlined into the stubs; everything else under ``azureml``
#: (``azureml.dataprep``, ``azureml.telemetry``) is treated as third-party.
V1_PRIVATE_PREFIX = "azureml._"

#: Return types that the docstrings do not state (or state too loosely for
#: inference), keyed by the real ``module.qualname`` of the function. Values
#: are type expressions in the docstring syntax; ``None`` forces an unknown
#: result. ``Experiment.submit``'s run type depends on its argument and is
#: supplied by an inference tip in v2lint.brain; its stub return is the fallback.
RETURN_OVERRIDES: dict[str, str | None] = {
    # A job's ``Run.get_context()`` is the runtime subclass that has
    # ``input_datasets``, ``experiment``, ``parent``, ...
    "azureml.core.run.Run.get_context": "azureml.core.run._SubmittedRun",
    # Without the tip (a config of unknown type, an estimator subclass), still a run.
    "azureml.core.experiment.Experiment.submit": "azureml.core.run.Run",
    # Documented as the step runs, returned as a generator of them.
    "azureml.pipeline.core.run.PipelineRun.get_steps": "list[azureml.pipeline.core.run.StepRun]",
    "azureml.core.experiment.Experiment.start_logging": "azureml.core.run.Run",
    # The workspace default datastore is the blob store ("workspaceblobstore").
    "azureml.core.workspace.Workspace.get_default_datastore":
        "azureml.data.azure_storage_datastore.AzureBlobDatastore",
    # Inside a job, input_datasets maps names to the datasets (or, for mounted
    # ones, to paths); the InputDatasets dict subclass says nothing of values.
    "azureml.core.run._SubmittedRun.input_datasets": "dict[str, azureml.core.dataset.Dataset]",
    # Documented without a type; they return a registered dataset.
    "azureml.core.dataset.Dataset.get_by_name": "azureml.core.dataset.Dataset",
    "azureml.core.dataset.Dataset.get_by_id": "azureml.core.dataset.Dataset",
    "azureml.data.abstract_dataset.AbstractDataset.get_by_name": "azureml.core.dataset.Dataset",
    "azureml.data.abstract_dataset.AbstractDataset.get_by_id": "azureml.core.dataset.Dataset",
    # Documented as "the run" but a generator of the child runs.
    "azureml.core.run.Run.get_children": "list[azureml.core.run.Run]",
    # Pairs, documented in prose: `best_run, fitted_model = run.get_output()`,
    # `train, test = dataset.random_split(0.8)`.
    "azureml.train.automl.run.AutoMLRun.get_output": "tuple[azureml.core.run.Run, object]",
    # `predictions, metrics = model_proxy.test(test_data)`, documented in prose as a tuple.
    "azureml.train.automl.model_proxy.ModelProxy.test": "tuple[azureml.data.tabular_dataset.TabularDataset, object]",
    "azureml.data.tabular_dataset.TabularDataset.random_split":
        "tuple[azureml.data.tabular_dataset.TabularDataset, azureml.data.tabular_dataset.TabularDataset]",
    "azureml.data.file_dataset.FileDataset.random_split":
        "tuple[azureml.data.file_dataset.FileDataset, azureml.data.file_dataset.FileDataset]",
}

#: Documented return types whose real values are always one of some concrete
#: subclasses: a dataset is a TabularDataset or a FileDataset at run time. The
#: stub returns ``(A() if _unknown() else B())`` so astroid sees both, as
#: pylint's no-member check does with the real objects.
RUNTIME_VARIANTS: dict[str, tuple[str, ...]] = {
    "azureml.core.dataset.Dataset": (
        "azureml.data.tabular_dataset.TabularDataset", "azureml.data.file_dataset.FileDataset"),
    "azureml.data.abstract_dataset.AbstractDataset": (
        "azureml.data.tabular_dataset.TabularDataset", "azureml.data.file_dataset.FileDataset"),
}

#: Private classes that public code paths return (see RETURN_OVERRIDES).
EXTRA_CLASSES = ("azureml.core.run._SubmittedRun",)

#: Data dunders never copied into a stub.
SKIPPED_DUNDERS = frozenset(
    {
        "__abstractmethods__",
        "__annotations__",
        "__dict__",
        "__doc__",
        "__firstlineno__",
        "__module__",
        "__orig_bases__",
        "__parameters__",
        "__qualname__",
        "__slots__",
        "__static_attributes__",
        "__weakref__",
        "__init_subclass__",
        "__subclasshook__",
        "__class_getitem__",
        "__reduce__",
        "__reduce_ex__",
        "__getstate__",
        "__setstate__",
        "__getnewargs__",
        "__deepcopy__",
        "__copy__",
        "__sizeof__",
        "__dir__",
        "__format__",
        "__del__",
        "_abc_impl",
    }
)

UNKNOWN = "_unknown()"
HEADER = (
    "# Generated by tools/generate_stubs.py from {dist} {version}; do not edit.\n"
    "# Astroid stub of the Azure ML SDK v1 module {module} (no implementation).\n"
)

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def is_private_path(name: str) -> bool:
    return any(part.startswith("_") for part in name.split("."))


def is_v2_namespace(name: str) -> bool:
    return any(name == ns or name.startswith(ns + ".") for ns in V2_NAMESPACES)


def is_v1_module_name(name: str | None) -> bool:
    """True for modules whose classes are stubbed (or inlined) when needed."""
    if not name or is_v2_namespace(name):
        return False
    if name.startswith(V1_PRIVATE_PREFIX):
        return True
    return any(name == root or name.startswith(root + ".") for root in ROOTS)


def is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__") and len(name) > 4


# Private members that v1 samples call and the catalogue advises on (run._get_outputs_datapath()
# resumes from a previous run's outputs): stubbed like public ones, so their calls resolve.
ADVISED_PRIVATE_MEMBERS = frozenset({"_get_outputs_datapath"})


def is_public_member(name: str) -> bool:
    return not name.startswith("_") or is_dunder(name) or name in ADVISED_PRIVATE_MEMBERS


def real_qualname(obj: Any) -> str:
    return f"{obj.__module__}.{obj.__qualname__}"


def module_sort_key(name: str) -> tuple[int, int, str]:
    return (name.count("."), len(name), name)


def safe_getdoc(obj: Any) -> str:
    try:
        doc = obj.__doc__
    except Exception:  # pylint: disable=broad-except
        return ""
    return inspect.cleandoc(doc) if isinstance(doc, str) else ""


def unwrap(func: Any) -> Any:
    try:
        return inspect.unwrap(func)
    except ValueError:
        return func


@functools.lru_cache(maxsize=None)
def parse_source(obj: Any) -> ast.AST | None:
    """AST of the source of a function or class (dedented), or None."""
    try:
        src = inspect.getsource(obj)
    except (OSError, TypeError):
        return None
    try:
        return ast.parse(textwrap.dedent(src))
    except SyntaxError:
        return None


@functools.lru_cache(maxsize=None)
def parse_module_source(module: types.ModuleType) -> ast.Module | None:
    try:
        src = inspect.getsource(module)
    except (OSError, TypeError):
        return None
    try:
        return ast.parse(src)
    except SyntaxError:
        return None


def render_literal(value: Any) -> str | None:
    """Source for a default value that is a simple literal, else None."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int) and not isinstance(value, enum.Enum):
        return repr(int(value))
    if isinstance(value, float) and not isinstance(value, enum.Enum):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return repr(float(value))
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        if len(value) <= 80 and "\n" not in value:
            return repr(str(value))
        return None
    return None


# --------------------------------------------------------------------------
# Model of the output
# --------------------------------------------------------------------------


@dataclass
class ReturnSpec:
    kind: str  # "self" | "instance" | "list" | "mapping" | "pair"
    cls: type | None = None
    second: type | None = None  # the pair's second item (None: unknown)


@dataclass
class StubModule:
    name: str
    module: types.ModuleType
    is_package: bool
    all_names: list[str] | None
    classes: dict[str, type] = field(default_factory=dict)  # local name -> class
    functions: dict[str, Any] = field(default_factory=dict)  # local name -> function
    constants: dict[str, Any] = field(default_factory=dict)  # name -> value
    reexports: dict[str, Any] = field(default_factory=dict)  # local name -> object
    externals: dict[str, Any] = field(default_factory=dict)  # local name -> non-v1 object


# --------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------


class Generator:
    # pylint: disable=too-many-instance-attributes

    def __init__(self) -> None:
        self.modules: dict[str, StubModule] = {}
        self.import_errors: dict[str, str] = {}
        # class object -> (home module name, local name)
        self.class_home: dict[type, tuple[str, str]] = {}
        self.function_home: dict[Any, tuple[str, str]] = {}
        self.stubbed_classes: set[type] = set()
        # classes first reached while rendering (need another rendering pass)
        self.late_classes: set[type] = set()
        # classes exposed by a public module (filled by scan_modules)
        self.public_classes: set[type] = set()
        self.class_by_name: dict[str, list[type]] = {}
        self.stats = {"classes": 0, "methods": 0, "properties": 0, "instance_attributes": 0,
                      "functions": 0, "typed_returns": 0}

    # ---------------------------------------------------------------- discovery

    def discover(self) -> None:
        names: set[str] = set()
        for root in ROOTS:
            try:
                pkg = importlib.import_module(root)
            except Exception as exc:  # pylint: disable=broad-except
                self.import_errors[root] = f"{type(exc).__name__}: {exc}"
                continue
            names.add(root)
            if hasattr(pkg, "__path__"):
                self._walk(pkg, names)
        for name in sorted(names):
            if is_private_path(name) or is_v2_namespace(name):
                continue
            try:
                module = importlib.import_module(name)
            except Exception as exc:  # pylint: disable=broad-except
                self.import_errors[name] = f"{type(exc).__name__}: {exc}"
                continue
            all_names = getattr(module, "__all__", None)
            if all_names is not None:
                all_names = [str(n) for n in all_names]
            self.modules[name] = StubModule(
                name=name,
                module=module,
                is_package=hasattr(module, "__path__"),
                all_names=all_names,
            )
        # Intermediate v1 packages (e.g. azureml.pipeline) are roots or
        # discovered above; make sure parents of stubbed modules exist.
        for name in sorted(self.modules):
            parent = name.rpartition(".")[0]
            while parent and parent != "azureml" and parent not in self.modules:
                module = importlib.import_module(parent)
                self.modules[parent] = StubModule(parent, module, True,
                                                  getattr(module, "__all__", None))
                parent = parent.rpartition(".")[0]

    def _walk(self, pkg: types.ModuleType, names: set[str]) -> None:
        for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + "."):
            if is_private_path(info.name) or is_v2_namespace(info.name):
                continue
            names.add(info.name)
            if info.ispkg:
                try:
                    sub = importlib.import_module(info.name)
                except Exception as exc:  # pylint: disable=broad-except
                    self.import_errors[info.name] = f"{type(exc).__name__}: {exc}"
                    continue
                self._walk(sub, names)

    # ------------------------------------------------------------ module scan

    @staticmethod
    def is_v1_object(obj: Any) -> bool:
        return is_v1_module_name(getattr(obj, "__module__", None))

    def is_third_party_import(self, obj: Any, attr: str) -> bool:
        """A class or function of a non-v1, non-stdlib package imported under
        its own name (``from azureml.dataprep import Dataflow``): kept as a
        real import so that ``from <v1 module> import <name>`` resolves."""
        mod = getattr(obj, "__module__", None) or ""
        top = mod.split(".")[0]
        if not mod or top in sys.stdlib_module_names or top == "builtins":
            return False
        if getattr(obj, "__name__", None) != attr or "." in getattr(obj, "__qualname__", "."):
            return False
        return not is_v2_namespace(mod) and self.resolve_dotted(f"{mod}.{attr}") is obj

    def referenceable(self, cls: Any) -> bool:
        """Whether stubs may name cls outside of base lists: it is exposed by a
        public module or defined in one (possibly nested in a class)."""
        if not inspect.isclass(cls) or not self.is_v1_object(cls):
            return False
        return cls in self.public_classes or cls.__module__ in self.modules

    @staticmethod
    def _toplevel_assigned_names(module: types.ModuleType) -> set[str]:
        tree = parse_module_source(module)
        names: set[str] = set()
        if tree is None:
            return names

        def visit(stmts: Iterable[ast.stmt]) -> None:
            for stmt in stmts:
                if isinstance(stmt, ast.Assign):
                    for target in stmt.targets:
                        for node in ast.walk(target):
                            if isinstance(node, ast.Name):
                                names.add(node.id)
                elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                    if stmt.value is not None:
                        names.add(stmt.target.id)
                elif isinstance(stmt, ast.ImportFrom):
                    mod = stmt.module or ""
                    if stmt.level:
                        base = module.__name__.split(".")
                        if not hasattr(module, "__path__"):
                            base = base[:-1]
                        base = base[: len(base) - stmt.level + 1]
                        mod = ".".join(base + ([mod] if mod else []))
                    if is_v1_module_name(mod):
                        for alias in stmt.names:
                            names.add(alias.asname or alias.name)
                elif isinstance(stmt, (ast.If, ast.Try)):
                    visit(stmt.body)
                    visit(getattr(stmt, "orelse", []))
                    for handler in getattr(stmt, "handlers", []):
                        visit(handler.body)
                    visit(getattr(stmt, "finalbody", []))

        visit(tree.body)
        return names

    def scan_modules(self) -> None:
        exposures: dict[Any, list[tuple[str, str]]] = {}
        for name in sorted(self.modules):
            stub = self.modules[name]
            module = stub.module
            assigned = self._toplevel_assigned_names(module)
            wanted_all = set(stub.all_names or ())
            for attr in sorted(vars(module)):
                obj = vars(module)[attr]
                if isinstance(obj, types.ModuleType):
                    continue
                if attr.startswith("_") and attr not in wanted_all:
                    continue
                if inspect.isclass(obj) or inspect.isfunction(obj) or inspect.isbuiltin(obj):
                    if self.is_v1_object(obj) and inspect.isclass(obj) or (
                        self.is_v1_object(obj) and inspect.isfunction(obj)
                    ):
                        exposures.setdefault(obj, []).append((name, attr))
                    elif attr in wanted_all or self.is_third_party_import(obj, attr):
                        stub.externals[attr] = obj
                    continue
                if attr in assigned or attr in wanted_all:
                    stub.constants[attr] = obj
        # Homes: the defining module when it is public, else the shortest
        # public module exposing the object under its own name.
        for obj in sorted(exposures, key=real_qualname):
            places = exposures[obj]
            own = [p for p in places if p[1] == obj.__name__]
            home = None
            for mod, attr in own:
                if mod == obj.__module__ and "." not in obj.__qualname__:
                    home = (mod, attr)
            if home is None and own and "." not in obj.__qualname__:
                home = min(own, key=lambda p: module_sort_key(p[0]))
            if inspect.isclass(obj):
                self.public_classes.add(obj)
            if home is not None:
                if inspect.isclass(obj):
                    self.class_home[obj] = home
                else:
                    self.function_home[obj] = home
            for mod, attr in places:
                if (mod, attr) == home:
                    if inspect.isclass(obj):
                        self.modules[mod].classes[attr] = obj
                    else:
                        self.modules[mod].functions[attr] = obj
                else:
                    self.modules[mod].reexports[attr] = obj

    # --------------------------------------------------------- class closure

    def close_classes(self) -> None:
        """Stub every class reachable from the public API (bases, returns...)."""
        pending: list[type] = sorted(self.class_home, key=real_qualname)
        for qual in EXTRA_CLASSES:
            pending.append(self.resolve_dotted(qual))
        requester: dict[type, str] = {}
        while pending:
            cls = pending.pop()
            if cls in self.stubbed_classes:
                continue
            self.ensure_home(cls, requester.get(cls))
            self.stubbed_classes.add(cls)
            self.class_by_name.setdefault(cls.__name__, []).append(cls)
            for dep in reversed(self.class_dependencies(cls)):
                if dep not in self.stubbed_classes:
                    requester.setdefault(dep, self.class_home[cls][0])
                    pending.append(dep)
        # Functions may return classes that nothing else reaches.
        changed = True
        while changed:
            changed = False
            for func in sorted(self.function_home, key=real_qualname):
                spec = self.return_spec(func, None)
                if spec and spec.cls is not None and spec.cls not in self.stubbed_classes:
                    self.ensure_home(spec.cls)
                    self.stubbed_classes.add(spec.cls)
                    changed = True
                    for dep in self.class_dependencies(spec.cls):
                        if dep not in self.stubbed_classes:
                            self.ensure_home(dep)
                            self.stubbed_classes.add(dep)

    def ensure_home(self, cls: type, requester: str | None = None) -> None:
        """Assign the stub module (and local name) that defines cls.

        A class defined in a private module and exposed by no public module
        (only reachable as a base class) is inlined into the module of the
        first class that needs it (``requester``)."""
        if cls in self.class_home:
            return
        if "." in cls.__qualname__:
            outer = self.resolve_dotted(cls.__module__ + "." + cls.__qualname__.rpartition(".")[0])
            if inspect.isclass(outer):
                self.ensure_home(outer)
                if outer not in self.stubbed_classes:
                    self.stubbed_classes.add(outer)
                    self.class_by_name.setdefault(outer.__name__, []).append(outer)
                mod, local = self.class_home[outer]
                self.class_home[cls] = (mod, f"{local}.{cls.__name__}")
                return
        mod = cls.__module__
        if mod not in self.modules:
            mod = requester or "azureml.core"
        local = cls.__name__
        existing = self.modules[mod].classes.get(local)
        if (existing is not None and existing is not cls) or local in self.modules[mod].reexports:
            local = "_" + cls.__module__.replace(".", "_").lstrip("_") + "_" + cls.__name__
        self.class_home[cls] = (mod, local)
        self.modules[mod].classes[local] = cls

    def resolve_dotted(self, dotted: str) -> Any:
        parts = dotted.split(".")
        for i in range(len(parts), 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:i]))
            except Exception:  # pylint: disable=broad-except
                continue
            try:
                for attr in parts[i:]:
                    obj = getattr(obj, attr)
            except AttributeError:
                return None
            return obj
        return None

    def is_factory(self, cls: type | None) -> bool:
        """A class whose instances are always instances of a subclass: it is
        abstract, or its ``__new__`` returns subclass instances (e.g.
        ``ComputeTarget(ws, name)``, ``Webservice(ws, name)``).

        Its stub does not mark methods abstract (``ComputeTarget(ws, name)`` is
        the documented way to get an existing compute target) and declares the
        members of its concrete subclasses (see hoisted_members)."""
        if cls is None or not inspect.isclass(cls):
            return False
        return inspect.isabstract(cls) or any(
            "__new__" in vars(k) for k in cls.__mro__ if k is not object and self.is_v1_object(k))

    @functools.lru_cache(maxsize=None)
    def overridden_differently(self, cls: type, name: str) -> bool:
        """A factory class's method that a concrete subclass overrides with
        another signature."""
        if not self.is_factory(cls) or not callable(getattr(cls, name, None)):
            return False
        try:
            own = inspect.signature(getattr(cls, name))
        except (TypeError, ValueError):
            return False
        for sub in sorted(self.stubbed_classes, key=real_qualname):
            if sub is cls or not issubclass(sub, cls) or name not in vars(sub):
                continue
            try:
                if inspect.signature(getattr(sub, name)) != own:
                    return True
            except (TypeError, ValueError):
                continue
        return False

    @functools.lru_cache(maxsize=None)
    def hoisted_members(self, cls: type) -> list[tuple[str, str]]:
        """Public members of the stubbed subclasses of a factory class that the
        class itself lacks, as (name, "method" | "attribute")."""
        if not self.is_factory(cls):
            return []
        own = {name for klass in cls.__mro__ for name in vars(klass)}
        for klass in cls.__mro__:
            if self.is_v1_object(klass):
                own.update(a for a, _ in self.instance_attributes(klass))
        found: dict[str, str] = {}
        for sub in sorted(self.stubbed_classes, key=real_qualname):
            if sub is cls or not issubclass(sub, cls) or inspect.isabstract(sub):
                continue
            for klass in sub.__mro__:
                if klass is cls:
                    break
                for name, value in vars(klass).items():
                    if name.startswith("_") or name in own:
                        continue
                    if self.member_function(value) is not None or isinstance(value, property):
                        kind = "attribute" if isinstance(value, property) else "method"
                        found.setdefault(name, kind)
                for name, _ in self.instance_attributes(klass):
                    if name not in own:
                        found.setdefault(name, "attribute")
        return sorted(found.items())

    def resolve_home_object(self, home: str, local: str) -> Any:
        stub = self.modules[home]
        return stub.classes.get(local) or stub.functions.get(local)

    def v1_bases(self, cls: type) -> list[type]:
        return [b for b in cls.__bases__ if self.is_v1_object(b)]

    def class_dependencies(self, cls: type) -> list[type]:
        """Classes the stub of cls needs: its v1 bases (always) and the
        referenceable classes of its members' values and return types."""
        deps = []
        for name, value in sorted(self.class_members(cls).items()):
            if inspect.isclass(value):
                deps.append(value)
                continue
            func = self.member_function(value)
            if func is not None:
                spec = self.return_spec(func, cls, name)
                if spec and spec.cls is not None:
                    deps.append(spec.cls)
            elif not isinstance(value, enum.Enum):
                deps.append(type(value))
        for _, typ in self.instance_attributes(cls):
            if typ is not None:
                deps.append(typ)
        refs = [d for d in deps if self.referenceable(d) and "." not in d.__qualname__]
        return list(self.v1_bases(cls)) + refs

    # --------------------------------------------------------- class members

    @staticmethod
    def class_members(cls: type) -> dict[str, Any]:
        members = {}
        for name, value in vars(cls).items():
            if name in SKIPPED_DUNDERS:
                continue
            if not is_public_member(name):
                continue
            members[name] = value
        if issubclass(cls, enum.Enum):
            for name, member in cls.__members__.items():
                if name in vars(cls) or member.__class__ is cls:
                    members[name] = member
        return members

    @staticmethod
    def member_function(value: Any) -> Any:
        if isinstance(value, (staticmethod, classmethod)):
            return value.__func__
        if isinstance(value, property):
            return value.fget
        if isinstance(value, functools.cached_property):
            return value.func
        if inspect.isfunction(value):
            return value
        return None

    @functools.lru_cache(maxsize=None)
    def instance_attributes(self, cls: type) -> list[tuple[str, type | None]]:
        """Public ``self.x = ...`` assignments in the class's own methods."""
        tree = parse_source(cls)
        if tree is None or not tree.body or not isinstance(tree.body[0], ast.ClassDef):
            return []
        classdef = tree.body[0]
        module = sys.modules.get(cls.__module__)
        found: dict[str, set[type | None]] = {}
        where: dict[str, str] = {}
        for item in classdef.body:
            if not isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if not item.args.args:
                continue
            if any(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod")
                   for d in item.decorator_list):
                continue
            selfname = item.args.args[0].arg
            param_types = self.param_types(vars(cls).get(item.name))
            for node in ast.walk(item):
                targets: list[ast.expr] = []
                value = None
                if isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                    targets, value = [node.target], node.value
                for target in targets:
                    for sub in ast.walk(target):
                        if (isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name)
                                and sub.value.id == selfname and isinstance(sub.ctx, ast.Store)):
                            attr = sub.attr
                            if attr.startswith("_"):
                                continue
                            typ = None
                            if sub is target and value is not None:
                                typ = self.expr_type(value, module, param_types)
                            found.setdefault(attr, set()).add(typ)
                            where.setdefault(attr, item.name)
        result = []
        for attr in sorted(found):
            if self.defined_in_mro(cls, attr):
                continue
            types_ = found[attr] - {None}
            typ = types_.pop() if len(types_) == 1 else None
            result.append((attr, typ))
        return result

    def defined_in_mro(self, cls: type, attr: str) -> bool:
        """True if a class-level member (in the stub) would clash with attr."""
        for klass in cls.__mro__:
            if klass is object:
                continue
            if attr in vars(klass):
                value = vars(klass)[attr]
                if isinstance(value, (property, functools.cached_property, staticmethod,
                                      classmethod)) or inspect.isfunction(value) \
                        or inspect.isclass(value):
                    return True
        for klass in cls.__mro__[1:]:
            if self.is_v1_object(klass) and any(a == attr for a, _ in self.instance_attributes(klass)):
                return True
        return False

    def param_types(self, func: Any) -> dict[str, type]:
        func = self.member_function(func) if func is not None else None
        if func is None:
            return {}
        doc = safe_getdoc(func)
        result = {}
        for match in re.finditer(r"^\s*:type\s+(\w+):\s*(.+)$", doc, re.M):
            spec = self.parse_type_expr(match.group(2), func)
            if spec is not None and spec.kind == "instance":
                result[match.group(1)] = spec.cls
        return result

    def expr_type(self, value: ast.expr, module: types.ModuleType | None,
                  param_types: dict[str, type]) -> type | None:
        if isinstance(value, ast.Name) and value.id in param_types:
            return param_types[value.id]
        if isinstance(value, ast.Call) and module is not None:
            dotted = ast.unparse(value.func)
            if re.fullmatch(r"[A-Za-z_][\w.]*", dotted):
                obj: Any = module
                try:
                    head, *rest = dotted.split(".")
                    obj = vars(module).get(head)
                    for part in rest:
                        obj = getattr(obj, part)
                except AttributeError:
                    return None
                if inspect.isclass(obj) and self.is_v1_object(obj) and not issubclass(obj, BaseException):
                    return obj
        return None

    # ---------------------------------------------------------- return types

    def return_spec(self, func: Any, owner: type | None, name: str | None = None) -> ReturnSpec | None:
        spec = self._return_spec(func, owner, name)
        if spec is not None and spec.cls is not None and not self.referenceable(spec.cls):
            return None
        return spec

    def _return_spec(self, func: Any, owner: type | None, name: str | None = None) -> ReturnSpec | None:
        func = unwrap(func)
        if not hasattr(func, "__module__") or not hasattr(func, "__qualname__"):
            return None
        key = real_qualname(func)
        if owner is not None and name is not None:
            key = f"{owner.__module__}.{owner.__qualname__}.{name}"
        if key in RETURN_OVERRIDES:
            expr = RETURN_OVERRIDES[key]
            if expr is None:
                return None
            pair = re.fullmatch(r"tuple\[([\w.]+), ([\w.]+)\]", expr)
            if pair:
                first, second = (self.resolve_type_name(name, func) for name in pair.groups())
                return ReturnSpec("pair", first, second) if first else None
            return self.parse_type_expr(expr, func)
        annotation = getattr(func, "__annotations__", {}).get("return")
        if annotation is not None:
            spec = self.annotation_spec(annotation, func)
            if spec is not None:
                return spec
        doc = safe_getdoc(func)
        for text in self.doc_return_types(doc):
            spec = self.parse_type_expr(text, func)
            if spec is not None:
                return spec
        return self.source_return_spec(func)

    @staticmethod
    def doc_return_types(doc: str) -> list[str]:
        found = []
        match = re.search(r"^\s*:rtype:\s*(.+(?:\n\s{4,}\S.*)*)", doc, re.M)
        if match:
            found.append(" ".join(match.group(1).split()))
        # ":rtype: builtin.list" with ":return: A list of :class:`X`": a list of X, not an X
        bare_list = bool(found) and re.fullmatch(r"(?:builtins?\.)?(?:list|List)", found[0]) is not None
        match = re.search(r"^\s*:returns?:\s*(.+)", doc, re.M)
        if match:
            text = match.group(1)
            for ref in re.findall(r":class:`~?([\w.]+)`", text):
                found.append(f"list[{ref}]" if bare_list else ref)
        match = re.search(r"^\s*Returns:\s*\n\s+([\w.\[\], ]+?)\s*:", doc, re.M)
        if match:
            found.append(match.group(1))
        return found

    def annotation_spec(self, annotation: Any, func: Any) -> ReturnSpec | None:
        if isinstance(annotation, str):
            return self.parse_type_expr(annotation, func)
        if inspect.isclass(annotation) and self.is_v1_object(annotation):
            return ReturnSpec("instance", annotation)
        origin = getattr(annotation, "__origin__", None)
        args = getattr(annotation, "__args__", ()) or ()
        if origin in (list, set, tuple, frozenset) or getattr(origin, "__name__", "") in (
                "Iterable", "Iterator", "Generator", "Sequence", "List"):
            if args and inspect.isclass(args[0]) and self.is_v1_object(args[0]):
                return ReturnSpec("list", args[0])
        if origin in (dict,) and len(args) == 2 and inspect.isclass(args[1]) \
                and self.is_v1_object(args[1]):
            return ReturnSpec("mapping", args[1])
        if args and str(origin) == "typing.Union":
            for arg in args:
                if inspect.isclass(arg) and self.is_v1_object(arg):
                    return ReturnSpec("instance", arg)
        return None

    _LIST_RE = re.compile(
        r"^(?:builtins?\.)?(?:typing\.)?(?:list|List|Iterable|Iterator|Generator|Sequence|set|Set)"
        r"\s*\[\s*([~\w.]+)")
    _DICT_RE = re.compile(
        r"^(?:builtins?\.)?(?:typing\.)?(?:dict|Dict|Mapping)\s*\[\s*[~\w.]+\s*,\s*([~\w.]+)\s*\]")
    _LIST_OF_RE = re.compile(r"^(?:builtins?\.)?(?:list|List|iterable|generator)\s+of\s+([~\w.]+)", re.I)

    def parse_type_expr(self, text: str, func: Any) -> ReturnSpec | None:
        text = text.strip().strip(".").strip()
        text = re.sub(r":(?:class|py:class|obj):", "", text).replace("`", "")
        text = re.sub(r"^(?:typing\.)?Optional\[(.*)\]$", r"\1", text)
        union = re.fullmatch(r"(?:typing\.)?Union\[([~\w.,\s]+)\]", text)
        if union:
            return self.union_spec([m.strip() for m in union.group(1).split(",")], func)
        match = self._DICT_RE.match(text)
        if match:
            cls = self.resolve_type_name(match.group(1), func)
            return ReturnSpec("mapping", cls) if cls else None
        match = self._LIST_RE.match(text) or self._LIST_OF_RE.match(text)
        if match:
            cls = self.resolve_type_name(match.group(1), func)
            return ReturnSpec("list", cls) if cls else None
        for alternative in re.split(r"\s+or\s+|\s*\|\s*|\s*,\s*", text):
            alternative = alternative.strip()
            if not re.fullmatch(r"~?[A-Za-z_][\w.]*", alternative):
                continue
            cls = self.resolve_type_name(alternative, func)
            if cls is not None:
                return ReturnSpec("instance", cls)
        return None

    def union_spec(self, members: list[str], func: Any) -> ReturnSpec | None:
        """``Union[TabularDataset, FileDataset]``: the class whose runtime variants
        (RUNTIME_VARIANTS) are exactly the members, so the stub returns each;
        else the first member that resolves."""
        resolved = [self.resolve_type_name(m, func) for m in members]
        names = {f"{c.__module__}.{c.__qualname__}" for c in resolved if c is not None}
        for base, variants in RUNTIME_VARIANTS.items():
            if names == set(variants) and len(resolved) == len(names):
                cls = self.resolve_dotted(base)
                if inspect.isclass(cls):
                    return ReturnSpec("instance", cls)
        first = next((c for c in resolved if c is not None), None)
        return ReturnSpec("instance", first) if first else None

    def resolve_type_name(self, name: str, func: Any) -> type | None:
        name = name.lstrip("~")
        obj = None
        if "." in name and name.startswith("azureml."):
            obj = self.resolve_dotted(name)
        if obj is None:
            head, _, rest = name.partition(".")
            scope = getattr(func, "__globals__", {})
            if head in scope:
                obj = scope[head]
                for part in rest.split(".") if rest else ():
                    obj = getattr(obj, part, None)
        if obj is None and "." not in name:
            cands = self.class_by_name.get(name, [])
            if len(cands) == 1:
                obj = cands[0]
        if inspect.isclass(obj) and self.is_v1_object(obj):
            return obj
        return None

    def source_return_spec(self, func: Any) -> ReturnSpec | None:
        """``return self`` or ``return SomeV1Class(...)`` in every return."""
        tree = parse_source(func)
        if tree is None or not tree.body or not isinstance(
                tree.body[0], (ast.FunctionDef, ast.AsyncFunctionDef)):
            return None
        fdef = tree.body[0]
        returns = []
        stack = list(fdef.body)
        while stack:
            node = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(node, ast.Return):
                returns.append(node.value)
            stack.extend(ast.iter_child_nodes(node))
        if not returns or any(r is None for r in returns):
            return None
        selfname = fdef.args.args[0].arg if fdef.args.args else None
        if selfname == "self" and all(isinstance(r, ast.Name) and r.id == "self" for r in returns):
            return ReturnSpec("self")
        module = sys.modules.get(func.__module__)
        kinds = {self.expr_type(r, module, {}) for r in returns}
        if len(kinds) == 1:
            cls = kinds.pop()
            if cls is not None:
                return ReturnSpec("instance", cls)
        return None

    # ------------------------------------------------------------- rendering

    def render_all(self, out: str) -> dict[str, str]:
        manifest_modules = {}
        files = {}
        for name in sorted(self.modules):
            stub = self.modules[name]
            rel = name.replace(".", "/") + ("/__init__.py" if stub.is_package else ".py")
            files[rel] = ModuleRenderer(self, stub).render()
            manifest_modules[name] = rel
        if os.path.isdir(out):
            for entry in os.listdir(out):
                path = os.path.join(out, entry)
                if entry == "azureml":
                    shutil.rmtree(path)
                elif entry == "manifest.json":
                    os.remove(path)
        for rel, text in sorted(files.items()):
            path = os.path.join(out, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        return manifest_modules

    def distribution_of(self, module_name: str) -> tuple[str, str]:
        """(distribution, version) that installs the module's source file."""
        return self._file_owner(module_name)

    @functools.lru_cache(maxsize=None)
    def _owner_index(self) -> dict[str, tuple[str, str]]:
        index = {}
        for dist_name in DISTRIBUTIONS:
            try:
                dist = importlib.metadata.distribution(dist_name)
            except importlib.metadata.PackageNotFoundError:
                continue
            for file in dist.files or ():
                path = str(file).replace("\\", "/")
                if path.endswith(".py"):
                    mod = path[:-3].replace("/", ".")
                    if mod.endswith(".__init__"):
                        mod = mod[: -len(".__init__")]
                    index[mod] = (dist.metadata["Name"], dist.version)
        return index

    def _file_owner(self, module_name: str) -> tuple[str, str]:
        return self._owner_index().get(module_name, ("azureml-core", "unknown"))


class ModuleRenderer:
    """Renders one StubModule to source."""

    def __init__(self, gen: Generator, stub: StubModule) -> None:
        self.gen = gen
        self.stub = stub
        self.imports: set[tuple[str, str, str]] = set()  # (module, name, alias)
        self.plain_imports: set[str] = set()
        self.mapping_classes: dict[str, type] = {}
        self.class_stack: list[str] = []

    # ----------------------------------------------------------- references

    def ref_class(self, cls: type) -> str:
        """Expression naming the stub of cls from this module."""
        if cls.__module__ == "builtins":
            return cls.__name__
        if not self.gen.is_v1_object(cls):
            mod = cls.__module__
            if mod in sys.stdlib_module_names or mod.split(".")[0] in sys.stdlib_module_names:
                self.plain_imports.add(mod)
                return f"{mod}.{cls.__qualname__}"
            alias = "_" + mod.split(".")[0] + "_" + cls.__qualname__.replace(".", "_")
            head = cls.__qualname__.split(".")[0]
            alias_head = "_" + mod.split(".")[0] + "_" + head
            self.imports.add((mod, head, alias_head))
            rest = cls.__qualname__.split(".")[1:]
            del alias
            return ".".join([alias_head, *rest])
        if cls not in self.gen.class_home:
            self.gen.ensure_home(cls)
            self.gen.stubbed_classes.add(cls)
        home, local = self.gen.class_home[cls]
        if home == self.stub.name:
            # a sibling nested class is named by its simple name in the
            # enclosing class body, as in the real source
            outer = local.rpartition(".")[0]
            if outer and self.class_stack and ".".join(self.class_stack) == outer:
                return local.rpartition(".")[2]
            return local
        head, _, rest = local.partition(".")
        head_obj = self.gen.resolve_home_object(home, head)
        alias = head
        if head in self.local_names() and self.local_object(head) is not head_obj:
            alias = "_" + home.replace(".", "_") + "_" + head
        self.imports.add((home, head, alias))
        return f"{alias}.{rest}" if rest else alias

    def local_object(self, name: str) -> Any:
        for table in (self.stub.classes, self.stub.functions, self.stub.reexports,
                      self.stub.externals, self.stub.constants):
            if name in table:
                return table[name]
        return None

    @functools.lru_cache(maxsize=None)
    def local_names(self) -> frozenset[str]:
        return frozenset(set(self.stub.classes) | set(self.stub.functions)
                         | set(self.stub.constants) | set(self.stub.reexports)
                         | set(self.stub.externals))

    # ------------------------------------------------------------- render

    def render(self) -> str:
        body: list[str] = []
        stub = self.stub
        # constants
        for name in sorted(stub.constants):
            body.append(f"{name} = {self.value_expr(stub.constants[name])}")
        if stub.constants:
            body.append("")
        for name in self.class_order():
            body.extend(self.render_class(stub.classes[name], name, 0))
            body.append("")
        for name in sorted(stub.functions):
            body.extend(self.render_function(stub.functions[name], name, None, 0))
            body.append("")
        for name in sorted(stub.externals):
            obj = stub.externals[name]
            mod = getattr(obj, "__module__", None)
            if mod and self.gen.resolve_dotted(f"{mod}.{obj.__qualname__}") is obj \
                    and "." not in obj.__qualname__:
                self.imports.add((mod, obj.__qualname__, name))
            else:
                body.append(f"{name} = {UNKNOWN}")
        # re-exports between public modules
        for name in sorted(stub.reexports):
            obj = stub.reexports[name]
            if inspect.isclass(obj):
                self.gen.ensure_home(obj)
                home, local = self.gen.class_home[obj]
                if home == stub.name:
                    body.append(f"{name} = {local}")
                    continue
                if "." in local:
                    self.imports.add((home, local.split(".")[0], local.split(".")[0]))
                    body.append(f"{name} = {local}")
                    continue
                self.imports.add((home, local, name))
            else:
                home, local = self.gen.function_home.get(obj, (None, None))
                if home is None:
                    body.append(f"{name} = {UNKNOWN}")
                elif home == stub.name:
                    body.append(f"{name} = {local}")
                else:
                    self.imports.add((home, local, name))
        mapping_src: list[str] = []
        for cname in sorted(self.mapping_classes):
            mapping_src.extend(self.render_mapping_class(cname, self.mapping_classes[cname]))
            mapping_src.append("")
        dist, version = self.gen.distribution_of(stub.name)
        out = [HEADER.format(dist=dist, version=version, module=stub.name)]
        imports = []
        for mod in sorted(self.plain_imports):
            imports.append(f"import {mod}")
        by_module: dict[str, list[str]] = {}
        for mod, name, alias in sorted(self.imports):
            if mod == stub.name:
                continue
            by_module.setdefault(mod, []).append(name if name == alias else f"{name} as {alias}")
        for mod in sorted(by_module):
            for item in sorted(set(by_module[mod])):
                imports.append(f"from {mod} import {item}")
        if imports:
            out.append("\n".join(imports) + "\n")
        if stub.all_names is not None:
            items = "".join(f"    {n!r},\n" for n in stub.all_names)
            out.append(f"__all__ = [\n{items}]\n" if items else "__all__ = []\n")
        out.append("\ndef _unknown():\n    pass\n")
        text = "\n".join(out) + "\n"
        if mapping_src:
            text += "\n" + "\n".join(mapping_src) + "\n"
        # names required by __all__ but not defined anywhere
        defined = self.local_names() | {alias for _, _, alias in self.imports}
        missing = [n for n in (stub.all_names or ()) if n not in defined]
        for name in missing:
            body.append(f"{name} = {UNKNOWN}")
        text += "\n" + "\n".join(body).rstrip() + "\n"
        text = re.sub(r"\n{4,}", "\n\n\n", text)
        return text

    def class_order(self) -> list[str]:
        """Classes sorted by name, but after their same-module dependencies."""
        names = sorted(self.stub.classes)
        deps: dict[str, set[str]] = {}
        for name in names:
            cls = self.stub.classes[name]
            needed = set()
            for dep in list(cls.__bases__) + [v for v in self.gen.class_members(cls).values()
                                              if inspect.isclass(v)]:
                home = self.gen.class_home.get(dep)
                if home and home[0] == self.stub.name and "." not in home[1] and home[1] != name:
                    needed.add(home[1])
            deps[name] = needed
        order: list[str] = []
        done: set[str] = set()

        def visit(n: str, stack: tuple[str, ...] = ()) -> None:
            if n in done or n in stack:
                return
            for d in sorted(deps.get(n, ())):
                visit(d, stack + (n,))
            done.add(n)
            order.append(n)

        for name in names:
            visit(name)
        return order

    def value_expr(self, value: Any) -> str:
        cls = type(value)
        if self.gen.is_v1_object(cls) and cls in self.gen.stubbed_classes \
                and not isinstance(value, enum.Enum):
            return f"{self.ref_class(cls)}()"
        return UNKNOWN

    # ------------------------------------------------------------- classes

    def render_class(self, cls: type, name: str, indent: int) -> list[str]:
        pad = "    " * indent
        self.gen.stats["classes"] += 1
        bases = []
        for base in cls.__bases__:
            if base is object:
                continue
            bases.append(self.ref_class(base))
        meta = type(cls)
        if meta is not type and meta.__module__ == "abc" and meta.__name__ == "ABCMeta" \
                and not any(isinstance(b, type) and type(b) is meta for b in cls.__bases__):
            self.plain_imports.add("abc")
            bases.append("metaclass=abc.ABCMeta")
        header = f"{pad}class {name}({', '.join(bases)}):" if bases else f"{pad}class {name}:"
        lines = [header]
        self.class_stack.append(name)
        try:
            lines.extend(self.render_class_body(cls, indent))
        finally:
            self.class_stack.pop()
        return lines

    def render_class_body(self, cls: type, indent: int) -> list[str]:
        pad = "    " * indent
        members = self.gen.class_members(cls)
        body: list[str] = []
        # attributes and nested classes first, then methods
        is_enum = issubclass(cls, enum.Enum)
        data, funcs = [], []
        for mname in sorted(members):
            value = members[mname]
            if self.gen.member_function(value) is not None or isinstance(value, property):
                funcs.append(mname)
            else:
                data.append(mname)
        # nested classes after the sibling classes they derive from
        siblings = {members[n]: n for n in data if inspect.isclass(members[n])}
        ordered: list[str] = []

        def place(mname: str, stack: tuple[str, ...] = ()) -> None:
            if mname in ordered or mname in stack:
                return
            value = members[mname]
            if inspect.isclass(value):
                for base in value.__bases__:
                    if base in siblings:
                        place(siblings[base], stack + (mname,))
            ordered.append(mname)

        for mname in data:
            place(mname)
        for mname in ordered:
            value = members[mname]
            if inspect.isclass(value):
                if value.__qualname__ == f"{cls.__qualname__}.{value.__name__}" \
                        and value.__module__ == cls.__module__ and mname == value.__name__:
                    self.gen.class_home.setdefault(value, (self.gen.class_home[cls][0],
                                                           f"{self.gen.class_home[cls][1]}.{mname}"))
                    self.gen.stubbed_classes.add(value)
                    body.extend(self.render_class(value, mname, indent + 1))
                elif self.gen.is_v1_object(value):
                    self.gen.ensure_home(value)
                    body.append(f"{pad}    {mname} = {self.ref_class(value)}")
                else:
                    body.append(f"{pad}    {mname} = {UNKNOWN}")
            elif is_enum and isinstance(value, cls):
                body.append(f"{pad}    {mname} = {UNKNOWN}")
            elif mname == "__hash__" and value is None:
                body.append(f"{pad}    __hash__ = None")
            elif callable(value) and is_dunder(mname):
                continue  # slot wrappers and other builtin descriptors
            else:
                body.append(f"{pad}    {mname} = {self.value_expr(value)}")
        attrs = self.gen.instance_attributes(cls)
        attrs_placed = False
        hoisted = self.gen.hoisted_members(cls)
        if hoisted:
            body.append(f"{pad}    # Members of the concrete subclasses: instances of this class are")
            body.append(f"{pad}    # always instances of one of them.")
            for mname, kind in hoisted:
                if kind == "method":
                    body.append(f"{pad}    def {mname}(self, *args, **kwargs):")
                    body.append(f"{pad}        return {UNKNOWN}")
                else:
                    body.append(f"{pad}    {mname} = {UNKNOWN}")
        for mname in funcs:
            value = members[mname]
            if isinstance(value, property):
                body.extend(self.render_property(cls, mname, value, indent + 1))
                continue
            extra = []
            if mname == "__init__":
                extra = attrs
                attrs_placed = True
            body.extend(self.render_function(value, mname, cls, indent + 1, extra))
        if attrs and not attrs_placed:
            body.extend(self.render_attr_holder(cls, attrs, indent + 1))
        if not body:
            body = [f"{pad}    pass"]
        return body

    def render_attr_holder(self, cls: type, attrs: list, indent: int) -> list[str]:
        """Instance attributes of a class without own __init__: declare them in
        the real (private) method that assigns them, so the constructor
        signature stays the inherited one."""
        tree = parse_source(cls)
        methods: dict[str, list] = {}
        assert tree is not None
        classdef = tree.body[0]
        names = {a for a, _ in attrs}
        for item in classdef.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.args.args:
                selfname = item.args.args[0].arg
                for node in ast.walk(item):
                    if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) \
                            and isinstance(node.value, ast.Name) and node.value.id == selfname \
                            and node.attr in names:
                        methods.setdefault(item.name, [])
                        if node.attr not in [a for a, _ in methods[item.name]]:
                            methods[item.name].append(next(x for x in attrs if x[0] == node.attr))
                        names.discard(node.attr)
        lines: list[str] = []
        for mname in sorted(methods):
            value = vars(cls).get(mname)
            if mname in self.gen.class_members(cls) or value is None:
                continue
            lines.extend(self.render_function(value, mname, cls, indent, sorted(methods[mname])))
        return lines

    def render_property(self, cls: type, name: str, prop: property, indent: int) -> list[str]:
        pad = "    " * indent
        self.gen.stats["properties"] += 1
        lines = [f"{pad}@property"]
        getter = prop.fget
        if getter is None:
            lines.append(f"{pad}def {name}(self):")
            lines.append(f"{pad}    return {UNKNOWN}")
        else:
            lines.extend(self.render_function(getter, name, cls, indent, decorated=True,
                                              member_name=name))
        if prop.fset is not None:
            lines.append(f"{pad}@{name}.setter")
            sig = self.signature(prop.fset, default_params=["self", "value"])
            lines.append(f"{pad}def {name}({sig}):")
            lines.append(f"{pad}    pass")
        if prop.fdel is not None:
            lines.append(f"{pad}@{name}.deleter")
            lines.append(f"{pad}def {name}(self):")
            lines.append(f"{pad}    pass")
        return lines

    # ----------------------------------------------------------- functions

    def signature(self, func: Any, default_params: list[str] | None = None) -> str:
        try:
            sig = inspect.signature(func)
        except (TypeError, ValueError):
            return ", ".join(default_params or ["*args", "**kwargs"])
        parts = []
        seen_kwonly = False
        last_kind = None
        for param in sig.parameters.values():
            if last_kind == inspect.Parameter.POSITIONAL_ONLY and \
                    param.kind != inspect.Parameter.POSITIONAL_ONLY:
                parts.append("/")
            if param.kind == inspect.Parameter.VAR_POSITIONAL:
                parts.append(f"*{param.name}")
                seen_kwonly = True
            elif param.kind == inspect.Parameter.VAR_KEYWORD:
                parts.append(f"**{param.name}")
            else:
                if param.kind == inspect.Parameter.KEYWORD_ONLY and not seen_kwonly:
                    parts.append("*")
                    seen_kwonly = True
                text = param.name
                if param.default is not inspect.Parameter.empty:
                    literal = render_literal(param.default)
                    text += "=" + (literal if literal is not None else "None")
                parts.append(text)
            last_kind = param.kind
        if last_kind == inspect.Parameter.POSITIONAL_ONLY:
            parts.append("/")
        return ", ".join(parts)

    def render_function(self, value: Any, name: str, owner: type | None, indent: int,
                        attrs: list | None = None, decorated: bool = False,
                        member_name: str | None = None) -> list[str]:
        pad = "    " * indent
        lines: list[str] = []
        func = self.gen.member_function(value) if not decorated else value
        if func is None:
            func = value
        if not decorated:
            if isinstance(value, staticmethod):
                lines.append(f"{pad}@staticmethod")
            elif isinstance(value, classmethod):
                lines.append(f"{pad}@classmethod")
            if (getattr(func, "__isabstractmethod__", False) or getattr(
                    value, "__isabstractmethod__", False)) and not self.gen.is_factory(owner):
                self.plain_imports.add("abc")
                lines.append(f"{pad}@abc.abstractmethod")
            if owner is None:
                self.gen.stats["functions"] += 1
            else:
                self.gen.stats["methods"] += 1
        sig = self.signature(func)
        if owner is not None and name != "__init__" and self.gen.overridden_differently(owner, name):
            # a factory's instances are subclass instances, whose override of
            # this method takes other arguments (Webservice.run(input) vs
            # AciWebservice.run(input_data)): accept any call
            first = "cls" if isinstance(value, classmethod) else "self"
            sig = "*args, **kwargs" if isinstance(value, staticmethod) else f"{first}, *args, **kwargs"
        is_async = inspect.iscoroutinefunction(unwrap(func))
        lines.append(f"{pad}{'async ' if is_async else ''}def {name}({sig}):")
        body = []
        for attr, typ in attrs or ():
            self.gen.stats["instance_attributes"] += 1
            selfname = next(iter(inspect.signature(func).parameters), "self")
            rhs = f"{self.ref_class(typ)}()" if typ is not None and typ in self.gen.stubbed_classes \
                else UNKNOWN
            body.append(f"{pad}    {selfname}.{attr} = {rhs}")
        if name == "__init__" or (name.startswith("__") and name in ("__setitem__", "__delitem__")):
            if not body:
                body.append(f"{pad}    pass")
            lines.extend(body)
            return lines
        spec = self.gen.return_spec(func, owner, member_name or name)
        lines.extend(body)
        lines.append(f"{pad}    return {self.return_expr(spec)}")
        if spec is not None:
            self.gen.stats["typed_returns"] += 1
        return lines

    def return_expr(self, spec: ReturnSpec | None) -> str:
        if spec is None:
            return UNKNOWN
        if spec.kind == "self":
            return "self"
        cls = spec.cls
        if cls is None or cls not in self.gen.stubbed_classes:
            if cls is not None and self.gen.is_v1_object(cls):
                self.gen.ensure_home(cls)
                self.gen.stubbed_classes.add(cls)
                self.gen.late_classes.add(cls)
            else:
                return UNKNOWN
        instance = self.instance_expr(cls)
        if spec.kind == "instance":
            return instance
        if spec.kind == "pair":
            second = self.instance_expr(spec.second) if spec.second in self.gen.stubbed_classes else UNKNOWN
            return f"({instance}, {second})"
        if spec.kind == "list":
            return f"[{instance}]"
        if spec.kind == "mapping":
            cname = f"_{cls.__name__}Dict"
            self.mapping_classes[cname] = cls
            return f"{cname}()"
        return UNKNOWN

    def instance_expr(self, cls: type) -> str:
        """An instance of cls, or of each runtime variant of cls (RUNTIME_VARIANTS)."""
        variants = RUNTIME_VARIANTS.get(f"{cls.__module__}.{cls.__qualname__}")
        if not variants:
            return f"{self.ref_class(cls)}()"
        refs = []
        for qualname in variants:
            module_name, _, class_name = qualname.rpartition(".")
            variant = getattr(importlib.import_module(module_name), class_name)
            self.gen.ensure_home(variant)
            refs.append(f"{self.ref_class(variant)}()")
        expr = refs[-1]
        for ref in reversed(refs[:-1]):
            expr = f"({ref} if {UNKNOWN} else {expr})"
        return expr

    def render_mapping_class(self, cname: str, cls: type) -> list[str]:
        instance = self.instance_expr(cls)
        return [
            f"class {cname}(dict):",
            f'    """A ``dict`` whose values are {cls.__name__} instances."""',
            "",
            "    def __getitem__(self, key):",
            f"        return {instance}",
            "",
            "    def __iter__(self):",
            f"        return iter([{UNKNOWN}])",
            "",
            "    def get(self, key, default=None):",
            f"        return {instance}",
            "",
            "    def values(self):",
            f"        return [{instance}]",
            "",
            "    def items(self):",
            f"        return [({UNKNOWN}, {instance})]",
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="output directory (v2lint/brain/stubs)")
    args = parser.parse_args(argv)

    warnings.simplefilter("ignore")
    gen = Generator()
    gen.discover()
    gen.scan_modules()
    gen.close_classes()
    manifest_modules = gen.render_all(args.out)
    # Classes first reached while rendering (return types) need a second pass.
    rounds = 0
    while gen.late_classes and rounds < 5:
        for cls in sorted(gen.late_classes, key=real_qualname):
            for dep in gen.class_dependencies(cls):
                if dep not in gen.stubbed_classes:
                    gen.ensure_home(dep)
                    gen.stubbed_classes.add(dep)
        gen.late_classes = set()
        gen.stats = dict.fromkeys(gen.stats, 0)
        manifest_modules = gen.render_all(args.out)
        rounds += 1

    distributions = {}
    for dist_name in DISTRIBUTIONS:
        try:
            distributions[dist_name] = importlib.metadata.version(dist_name)
        except importlib.metadata.PackageNotFoundError:
            pass
    relocated = {}
    for cls, (home, local) in gen.class_home.items():
        if cls in gen.stubbed_classes:
            stub_q = f"{home}.{local}"
            if stub_q != real_qualname(cls):
                relocated[stub_q] = real_qualname(cls)
    manifest = {
        "generated_by": "tools/generate_stubs.py",
        "member_names": member_names(args.out, manifest_modules),
        "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
        "distributions": distributions,
        "modules": manifest_modules,
        "relocated_classes": relocated,
    }
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True)
        fh.write("\n")
    for name, error in sorted(gen.import_errors.items()):
        print(f"warning: cannot import {name}: {error}", file=sys.stderr)
    print(f"{len(manifest_modules)} modules; " + ", ".join(
        f"{k}={v}" for k, v in sorted(gen.stats.items())), file=sys.stderr)
    return 0


def member_names(out: str, modules: dict[str, str]) -> list[str]:
    """Every public name the stubs define (classes, functions, methods,
    properties, instance attributes, module constants): v2lint's cheap filter
    for which attribute reads and calls are worth inferring, precomputed so
    an editor's fresh process does not parse the stubs to learn it."""
    names: set[str] = set()
    for relpath in modules.values():
        with open(os.path.join(out, *relpath.split("/")), encoding="utf-8") as fh:
            tree = ast.parse(fh.read())
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return sorted(name for name in names if not name.startswith("_"))


if __name__ == "__main__":
    sys.exit(main())
