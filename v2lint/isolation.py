"""Whatever v2lint asks astroid to resolve is built from source text.

astroid parses source, but some of its paths run live code: the gi brain
imports ``gi`` (a project-local ``gi/`` package included) to introspect
``gi.repository``, ``gi.require_version(...)`` is called by a transform,
``importlib.util.find_spec("curses.textpad")`` imports ``curses`` (a
project-local one when the project shadows the name), C extension modules
are loaded when astroid trusts their name (a stdlib name in astroid < 4.4, or
pylint's ``extension-pkg-allow-list`` / ``unsafe-load-any-extension`` that a
repository's own configuration can set), and astroid 3's numpy brain imports
numpy to read its version.

:func:`source_only` is entered around everything v2lint builds and infers
(the pylint checker, the flake8 plugin, the ``v2lint`` command). Inside it:

* an import guard at the head of ``sys.meta_path`` lets a module be imported
  only from the interpreter itself (built-in and frozen modules, the standard
  library's own directories) or from v2lint and astroid; anything else (the
  linted tree, site-packages, zip files) is found as usual, so astroid still
  knows where its source is, but loading it raises ``ImportError``;
* the failed-import hooks and transforms of astroid brains that import live
  modules (:data:`LIVE_BRAINS`) do not run;
* class-hierarchy walks are counted (:data:`MAX_HIERARCHY_STEPS`), module
  building and its transforms included: past the budget, :class:`BudgetExceeded`.

Outside it nothing changes: pylint's own checkers get astroid as it is. When
the guard did refuse something, or a suspended brain would have run, what
astroid learnt meanwhile (inference results, module lookups, modules whose
build a suspended transform matched) is forgotten at the end, so pylint's own
checkers later look again for themselves and their results stay the same.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import importlib.machinery
import os
import sys
import sysconfig
import threading
from typing import Callable, Iterator

# astroid brains whose hooks or transforms import or call live modules when
# they run (tests/test_untrusted_imports.py scans astroid's brains and fails
# on one that is not here): gi imports ``gi`` and introspects it;
# string's extender (Python 3.14) imports string.templatelib and inspects it.
LIVE_BRAINS = frozenset({"astroid.brain.brain_gi", "astroid.brain.brain_string"})

_depth = 0
_state: _Region | None = None


# Steps of class-hierarchy walks (each class a ClassDef.ancestors walk passes
# on, nested walks included) one region may take: astroid's enum transform asks every class of
# a module being built whether it derives from Enum, which costs ~N^3 steps
# for a chain of N classes (N=800: 86 million, 15-45 s), in module building,
# where the analysis' inference budget does not reach. The functional tests,
# the examples and 250 standard-library modules take at most 4,225 (measured);
# 2 million is a chain of ~230 classes, about a second.
MAX_HIERARCHY_STEPS = 2_000_000


class BudgetExceeded(BaseException):
    """The region's step budget ran out. A BaseException, so that astroid's and
    the analysis' ``except Exception`` (which skip one node) let it through:
    the whole file stops, with one AML000 naming the reason."""


class Refused(ImportError):
    """Raised when something tries to load a module v2lint does not trust."""


def _norm(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _trusted_roots() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(trusted directories, directories below them that are not trusted)."""
    astroid = sys.modules.get("astroid")
    return _roots(getattr(astroid, "__file__", None))


@functools.lru_cache(maxsize=4)
def _roots(astroid_file: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    stdlib = set()
    for base in {sys.base_prefix, sys.base_exec_prefix}:
        for key in ("stdlib", "platstdlib"):
            with contextlib.suppress(KeyError, ValueError):
                stdlib.add(sysconfig.get_path(key, vars={"installed_base": base, "base": base,
                                                         "installed_platbase": base, "platbase": base}))
    site_dirs = set()
    for key in ("purelib", "platlib"):
        with contextlib.suppress(KeyError, ValueError):
            site_dirs.add(sysconfig.get_path(key))
            site_dirs.add(sysconfig.get_path(key, vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix}))
    own = {os.path.dirname(os.path.abspath(__file__))}
    if astroid_file:
        own.add(os.path.dirname(os.path.abspath(astroid_file)))
    trusted = tuple(sorted(_norm(p) + os.sep for p in stdlib | own if p))
    untrusted = tuple(sorted(_norm(p) + os.sep for p in site_dirs if p))
    return trusted, untrusted


def trusted_location(path: str) -> bool:
    """A file of the interpreter's standard library, of v2lint or of astroid."""
    trusted, untrusted = _trusted_roots()
    where = _norm(path)
    for root in trusted:
        if where.startswith(root) and not any(
            where.startswith(below) and len(below) > len(root) for below in untrusted
        ):
            return True
    return False


def _trusted_spec(spec: importlib.machinery.ModuleSpec) -> bool:
    if spec.origin in ("built-in", "frozen") or spec.loader in (
        importlib.machinery.BuiltinImporter, importlib.machinery.FrozenImporter,
    ):
        return True
    if spec.origin in (None, "namespace") and spec.submodule_search_locations is not None:
        return True  # a namespace package runs no code; its modules are checked one by one
    return bool(spec.origin) and spec.has_location and trusted_location(spec.origin)


class _RefusingLoader:
    """Stands in for the loader of a module v2lint must not load."""

    def __init__(self, region: _Region, name: str, origin: str | None) -> None:
        self.region, self.name, self.origin = region, name, origin

    def create_module(self, spec):
        self.region.refused.append(f"{self.name} ({self.origin})")
        raise Refused(
            f"v2lint loads no module outside the standard library while it resolves names: "
            f"{self.name} from {self.origin}",
            name=self.name, path=self.origin,
        )

    def exec_module(self, module) -> None:  # pragma: no cover - create_module always raises
        raise Refused(f"v2lint does not run {self.name}", name=self.name)


class _ImportGuard:
    """A meta path finder: finds as the others do, but untrusted modules cannot load."""

    def __init__(self, region: _Region) -> None:
        self.region = region
        self._busy = False

    def find_spec(self, fullname, path=None, target=None):
        if self._busy or threading.get_ident() != self.region.thread:
            return None  # another thread's import (an editor's server) is not v2lint's
        self._busy = True
        try:
            spec = None
            for finder in list(sys.meta_path):
                find = getattr(finder, "find_spec", None)
                if finder is self or find is None:
                    continue
                spec = find(fullname, path, target) if target is not None else find(fullname, path)
                if spec is not None:
                    break
        finally:
            self._busy = False
        if spec is None or _trusted_spec(spec):
            return spec
        # found as usual (find_spec callers, such as astroid's namespace check,
        # only read where it is), but the import itself fails
        spec = copy.copy(spec)
        spec.loader = _RefusingLoader(self.region, fullname, spec.origin)
        return spec


class _Region:
    def __init__(self) -> None:
        self.refused: list[str] = []
        self.suspended: list[str] = []  # what a suspended brain would have done
        self.touched_modules: list[object] = []  # modules a suspended transform matched in
        self.guard = _ImportGuard(self)
        self.hooks: list[tuple[Callable, Callable]] = []  # (wrapper, original)
        self.transforms: list[tuple[list, tuple, tuple]] = []  # (list, wrapped entry, original entry)
        self.brains_suspended = False
        self.steps = 0
        self.thread = threading.get_ident()
        self.ancestors: Callable | None = None  # ClassDef.ancestors while counted


def _astroid_ready() -> bool:
    astroid = sys.modules.get("astroid")
    return astroid is not None and hasattr(astroid, "MANAGER")


def _brain_of(function) -> str | None:
    """The live brain a hook or transform comes from, through closures
    (module extenders and inference tips wrap the brain's function)."""
    seen = 0
    todo = [function]
    while todo and seen < 8:
        current = todo.pop()
        seen += 1
        module = getattr(current, "__module__", None)
        if module in LIVE_BRAINS:
            return module
        current = getattr(current, "__wrapped__", None) or current
        for cell in getattr(current, "__closure__", None) or ():
            with contextlib.suppress(ValueError):
                if callable(cell.cell_contents):
                    todo.append(cell.cell_contents)
    return None


def _suspend_live_brains(region: _Region) -> None:
    """Swap the live brains' hooks and transforms for ones that do nothing."""
    manager = sys.modules["astroid"].MANAGER
    from astroid.exceptions import AstroidBuildingError

    hooks = manager._failed_import_hooks
    for index, hook in enumerate(hooks):
        brain = _brain_of(hook)
        if brain is None:
            continue

        def refuse(modname, _brain=brain):
            region.suspended.append(f"{_brain}: {modname}")
            raise AstroidBuildingError(modname=modname)

        hooks[index] = refuse
        region.hooks.append((refuse, hook))

    for entries in getattr(manager._transform, "transforms", {}).values():
        for index, entry in enumerate(entries):
            transform, predicate = entry
            brain = _brain_of(transform)
            if brain is None:
                continue

            def never(node, _predicate=predicate, _brain=brain):
                if _predicate is None or _predicate(node):
                    region.suspended.append(f"{_brain}: {type(node).__name__} at line {node.lineno}")
                    region.touched_modules.append(node.root())
                return False

            wrapped = (transform, never)
            entries[index] = wrapped
            region.transforms.append((entries, wrapped, entry))


def _count_hierarchy_steps(region: _Region) -> None:
    """ClassDef.ancestors counts what it passes on (recursive walks included) against the budget."""
    from astroid import nodes

    original = nodes.ClassDef.ancestors

    def stop(node):
        region.touched_modules.append(node.root())  # maybe half transformed: not kept
        raise BudgetExceeded(f"analysis stopped: class hierarchies took more than {MAX_HIERARCHY_STEPS} steps")

    def ancestors(self, recurs=True, context=None):
        # each class every (nested) walk passes on is a step: a chain of N
        # classes makes the nested generators pass ~N^3/6 of them
        if threading.get_ident() != region.thread:
            yield from original(self, recurs=recurs, context=context)
            return
        region.steps += 1
        for ancestor in original(self, recurs=recurs, context=context):
            region.steps += 1
            if region.steps > MAX_HIERARCHY_STEPS:
                stop(self)
            yield ancestor
        if region.steps > MAX_HIERARCHY_STEPS:
            stop(self)

    ancestors.__wrapped__ = original
    nodes.ClassDef.ancestors = ancestors
    region.ancestors = original


def _restore(region: _Region) -> None:
    hooks = sys.modules["astroid"].MANAGER._failed_import_hooks if region.hooks else []
    for wrapper, original in region.hooks:
        for index, hook in enumerate(hooks):
            if hook is wrapper:
                hooks[index] = original
    for entries, wrapped, original in region.transforms:
        for index, entry in enumerate(entries):
            if entry is wrapped:
                entries[index] = original
    if region.ancestors is not None:
        from astroid import nodes

        nodes.ClassDef.ancestors = region.ancestors


def forget_lookups(inference: bool = True) -> None:
    """Empty astroid's caches of module lookups, inference tips and (with
    ``inference``) inference results; never its modules."""
    astroid = sys.modules.get("astroid")
    if astroid is None or not hasattr(astroid, "MANAGER"):
        return
    manager = astroid.MANAGER
    found = getattr(manager, "_mod_file_cache", None)
    if isinstance(found, dict):
        found.clear()
    from astroid.interpreter._import import spec as _spec

    for finder in getattr(_spec, "_SPEC_FINDERS", ()):
        clear = getattr(getattr(finder, "find_module", None), "cache_clear", None)
        if clear is not None:
            clear()
    clear = getattr(getattr(_spec, "_find_spec", None), "cache_clear", None)
    if clear is not None:
        clear()
    from astroid import context
    from astroid.inference_tip import clear_inference_tip_cache

    invalidate = getattr(context, "_invalidate_cache", None)
    if inference and invalidate is not None:
        invalidate()
    clear_inference_tip_cache()


def _forget(region: _Region) -> None:
    """What astroid learnt under the restrictions is not what pylint would learn."""
    if not (region.refused or region.suspended or region.touched_modules):
        return
    if not _astroid_ready():
        return
    cache = sys.modules["astroid"].MANAGER.astroid_cache
    for module in region.touched_modules:
        name = getattr(module, "name", None)
        if name is not None and cache.get(name) is module:
            del cache[name]
    forget_lookups()


@contextlib.contextmanager
def source_only() -> Iterator[None]:
    """Resolve names from source text only; re-entrant. See the module's doc."""
    global _depth, _state
    outermost = _depth == 0
    if outermost:
        _state = _Region()
        sys.meta_path.insert(0, _state.guard)
    region = _state
    _depth += 1
    try:
        # astroid may be imported inside the region (the flake8 plugin imports
        # it lazily): its brains are suspended at the first entry that sees it
        if not region.brains_suspended and _astroid_ready():
            region.brains_suspended = True
            _suspend_live_brains(region)
            _count_hierarchy_steps(region)
        yield
    finally:
        _depth -= 1
        if outermost:
            with contextlib.suppress(ValueError):
                sys.meta_path.remove(region.guard)
            if region.brains_suspended:
                _restore(region)
            _forget(region)
            _state = None


def refusals() -> list[str]:
    """What the current region refused or suspended so far (for tests and debugging)."""
    return [] if _state is None else [*_state.refused, *_state.suspended]
