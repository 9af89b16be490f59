"""astroid's module cache between the files of one ``v2lint`` run.

astroid caches every module by dotted name; two projects' ``train.py`` would
otherwise shadow each other depending on which file a worker lints first, and
results would depend on -j. After each file the modules built from project
files are forgotten; stubs, installed packages and astroid's own file-less
modules stay.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Iterator

import astroid
from astroid import nodes
from astroid.nodes import _base_nodes

from v2lint import isolation
from v2lint.brain import STUBS_DIR
from v2lint.walk import nodes_of

# Project modules evicted since the last sweep; each kept module's attribute dicts.
_EVICTED: list[nodes.Module] = []
_MAPPINGS: dict[int, tuple[nodes.Module, list[dict]]] = {}


@contextlib.contextmanager
def forget_project_modules_after() -> Iterator[None]:
    """Forget, when the block ends, the project modules astroid cached in it."""
    cache = astroid.MANAGER.astroid_cache
    before = set(cache)
    keep_prefixes = tuple(os.path.abspath(p) for p in {STUBS_DIR, sys.prefix, sys.base_prefix, sys.exec_prefix} if p)
    try:
        yield
    finally:
        for name in list(cache.keys() - before):
            filename = getattr(cache.get(name), "file", None)
            # file-less modules (builtins, compiled stubs) are astroid's own: keep them
            if not filename or os.path.abspath(filename).startswith(keep_prefixes):
                continue
            _EVICTED.append(cache.pop(name))
        if _EVICTED:
            _sweep_assigned_attributes(cache.values())


def _attribute_mappings(module: nodes.Module) -> list[dict]:
    """The dicts astroid's builder may add ``obj.attr = value`` to, in ``module``."""
    mappings = [module.locals]
    for scope in nodes_of(module, (nodes.ClassDef, nodes.FunctionDef)):
        if isinstance(scope, nodes.ClassDef):
            mappings.append(scope.locals)
        mappings.append(scope.instance_attrs)
    return mappings


def _sweep_assigned_attributes(kept) -> None:
    """Take out of the kept modules what evicted project modules put in them.

    astroid's builder records ``obj.attr = value`` in the ``instance_attrs``
    (or ``locals``) of whatever ``obj`` infers to: for ``args.out = x`` or
    ``run.tag = t`` that is a class of a kept module (standard library,
    installed package, stub), which then keeps the whole project module
    alive: memory grew by ~80 KB per analysed file, without bound. Only the
    names the evicted modules assign are looked up, so a sweep costs little.
    """
    evicted = {id(module) for module in _EVICTED}
    # only names the evicted modules assign as attributes can have been added
    assigned = {node.attrname for module in _EVICTED for node in nodes_of(module, nodes.AssignAttr)}
    kept = list(kept)
    alive = {id(module) for module in kept}
    for key in [key for key in _MAPPINGS if key not in alive]:
        del _MAPPINGS[key]
    for module in kept if assigned else ():
        entry = _MAPPINGS.get(id(module))
        if entry is None or entry[0] is not module:
            entry = _MAPPINGS[id(module)] = (module, _attribute_mappings(module))
        for mapping in entry[1]:
            if not mapping or mapping.keys().isdisjoint(assigned):
                continue  # nearly every mapping: no set built for it
            for name in assigned & mapping.keys():
                values = mapping[name]
                remaining = [v for v in values if not (isinstance(v, nodes.AssignAttr) and id(v.root()) in evicted)]
                if len(remaining) == len(values):
                    continue
                if remaining:
                    values[:] = remaining
                else:
                    del mapping[name]
    # where modules were found (and failed imports, whose tracebacks hold the
    # nodes of the file that first tried): looked up again per file, so that a
    # helper module next to one file never stands in for another's
    isolation.forget_lookups(inference=False)
    _EVICTED.clear()
    # astroid's memoised lookups hold inference contexts whose paths reach
    # project nodes (up to 1024 entries): pure caches, emptied with the sweep
    for owner, attribute in ((nodes.ClassDef, "_metaclass_lookup_attribute"), (_base_nodes.LookupMixIn, "lookup")):
        clear = getattr(getattr(owner, attribute, None), "cache_clear", None)
        if clear is not None:
            clear()
