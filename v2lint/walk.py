"""One walk of a module's tree, shared by every pass that looks for nodes of some kinds.

astroid's ``nodes_of_class`` is a recursive generator: each of the dozen passes
that asked it for calls, names or attributes walked the whole tree again, and
that walking was a tenth of ``v2lint check``. The tree is walked here once, into
a flat list in the order ``nodes_of_class`` yields (depth first, a node before
its children), and each kind's nodes are filtered from that list once.
"""

from __future__ import annotations

import weakref

from astroid import nodes

# module -> (every node in tree order, {kinds: the nodes of those kinds}); weak: a
# project module forgotten after its file takes its walk with it
_WALKS: weakref.WeakKeyDictionary[nodes.Module, tuple[list[nodes.NodeNG], dict[object, tuple]]] = weakref.WeakKeyDictionary()
# module -> {name: its Name and AssignName nodes, in tree order}
_NAMES: weakref.WeakKeyDictionary[nodes.Module, dict[str, list[nodes.NodeNG]]] = weakref.WeakKeyDictionary()


def nodes_of(module: nodes.Module, kinds: type | tuple[type, ...]) -> tuple[nodes.NodeNG, ...]:
    """``list(module.nodes_of_class(kinds))``, from the module's one walk."""
    walk = _WALKS.get(module)
    if walk is None:
        walk = _WALKS[module] = (_preorder(module), {})
    everything, by_kinds = walk
    found = by_kinds.get(kinds)
    if found is None:
        found = by_kinds[kinds] = tuple(node for node in everything if isinstance(node, kinds))
    return found


def named(module: nodes.Module, name: str, kinds: type | tuple[type, ...] = nodes.Name) -> list[nodes.NodeNG]:
    """The ``kinds`` nodes (``Name``, ``AssignName``) called ``name``, in tree order: one index
    per module serves the analysis and the fix planners."""
    index = _NAMES.get(module)
    if index is None:
        index = _NAMES[module] = {}
        for node in nodes_of(module, (nodes.Name, nodes.AssignName)):
            index.setdefault(node.name, []).append(node)
    return [node for node in index.get(name, ()) if isinstance(node, kinds)]


def _preorder(root: nodes.NodeNG) -> list[nodes.NodeNG]:
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(list(node.get_children())))
    return order
