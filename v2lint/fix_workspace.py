"""Fix family "Workspace -> MLClient": a v1 workspace handle becomes an SDK v2 ``MLClient``.

The binding ``ws = Workspace.from_config()`` (or ``Workspace(subscription_id,
resource_group, workspace_name)``, or ``Workspace.get(name, subscription_id=...,
resource_group=...)``), with its ``auth=`` credential when it has one, becomes
``ml_client = MLClient...``, and every use of ``ws`` is rewritten with it: its name,
subscription and resource group, its location and MLflow tracking URI, its default
datastore and its ``datastores`` / ``compute_targets`` / ``models`` entries. What each
of them becomes is the catalogue's ``Rewrite`` of its target.

The handle is rewritten whole or not at all: one use without a v2 form here (``ws``
passed to a function, ``ws.write_config()``, a datastore object used beyond its name),
a second binding of the name, or ``ml_client`` taken in the file, and there is no fix.

The one place that writes the handle is :func:`rewrite_handle`. The families whose
pattern consumes a use of the handle (``Experiment(ws, name)`` of a script run,
``Pipeline(workspace=ws, ...)``) call it with the uses they rewrite themselves, and
carry its edits in their own fix; this family then offers no fix of its own for that
binding, so the two can never be applied apart (``--select``, an editor quick fix)
and leave a ``ws`` that no longer exists.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass, field

from astroid import nodes

from v2lint import catalogue
from v2lint.catalogue import Applicability, Rewrite
from v2lint.findings import Edit, Fix
from v2lint.fixes import ML_CLIENT, Planner, _NoFix, import_block
from v2lint.walk import nodes_of

_WS = "azureml.core.workspace.Workspace"
HANDLE_CALLS = (_WS, _WS + ".from_config", _WS + ".get")
_AUTH = "azureml.core.authentication."
CREDENTIALS = tuple(_AUTH + name for name in (
    "ServicePrincipalAuthentication", "InteractiveLoginAuthentication", "MsiAuthentication", "AzureCliAuthentication"))
# the v1 members by shape: called without arguments, or indexed by a name (ws.datastores["name"])
_CALLED = frozenset({_WS + ".get_default_datastore", _WS + ".get_mlflow_tracking_uri"})
_INDEXED = frozenset({_WS + ".datastores", _WS + ".compute_targets", _WS + ".models"})
# members whose value is a v1 object (a Datastore, a ComputeTarget, a Model): its v2 entity
# shares only the name with it, so only ``.name`` may be read from it
_OBJECT_VALUED = frozenset({_WS + ".get_default_datastore"}) | _INDEXED
_LONG_LINE = 100  # a rewritten one-line call longer than this gets an argument a line


@dataclass
class Handle:
    """The edits that make one workspace binding and its uses SDK v2."""

    name: str  # the v1 handle's name
    edits: list[Edit] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    unsafe: list[str] = field(default_factory=list)  # why it may change behaviour; empty: safe


def qname_of(qnames: dict[int, str], node: nodes.NodeNG) -> str | None:
    """The qualified name the analysis gave ``node`` (or the callee of a call)."""
    return qnames.get(id(node)) or (qnames.get(id(node.func)) if isinstance(node, nodes.Call) else None)


def binding_of(use: nodes.NodeNG, qnames: dict[int, str]) -> nodes.Assign:
    """The ``ws = Workspace...(...)`` statement that alone binds the name ``use``."""
    if not isinstance(use, nodes.Name):
        raise _NoFix
    _, assignments = use.lookup(use.name)
    if len(assignments) != 1 or not isinstance(assignments[0], nodes.AssignName):
        raise _NoFix
    assign = assignments[0].parent
    if not (isinstance(assign, nodes.Assign) and qname_of(qnames, assign.value) in HANDLE_CALLS):
        raise _NoFix
    return assign


def rewrite_handle(planner: Planner, assign: nodes.Assign, qnames: dict[int, str],
                   consumed: frozenset[int] = frozenset()) -> Handle:
    """The binding ``assign`` as ``ml_client = MLClient...`` and every use of its name
    except those in ``consumed`` (node ids another family rewrites) in SDK v2."""
    target = _only_binding(assign)
    if _name_seen_in(planner, target.scope(), ML_CLIENT):
        raise _NoFix  # never shadow the name the fix introduces, nor let it shadow another
    handle = Handle(target.name)
    text = _rewritten_call(planner, assign.value, qnames, handle)
    _keep_comments(planner, assign, handle)
    handle.edits.append(planner._replace(assign, _layout(planner, assign, text, f"{ML_CLIENT} = ")))
    # the client's import before the credentials'
    handle.imports.sort(key=lambda statement: not statement.startswith("from azure.ai.ml "))
    uses = _uses(planner, target)
    if not consumed <= {id(use) for use in uses}:
        raise _NoFix
    for use in uses:
        if id(use) not in consumed:
            _rewrite_use(planner, use, qnames, handle)
    return handle


def workspace_fixes(planner: Planner, found: list) -> None:
    """The family's fixes, on the binding's finding; run after the families that consume a handle."""
    qnames: dict[int, str] = {}
    for f in found:
        qnames.setdefault(id(f.node), f.qname)
    done: set[int] = set()
    for f in found:
        call = f.node if isinstance(f.node, nodes.Call) else f.node.parent
        if f.qname not in HANDLE_CALLS or f.fix is not None or not (
                isinstance(call, nodes.Call) and (call is f.node or call.func is f.node)):
            continue  # not a call of Workspace (isinstance(x, Workspace), an annotation...)
        assign = call.parent
        if not (isinstance(assign, nodes.Assign) and assign.value is call) or id(assign) in done:
            continue
        done.add(id(assign))
        try:
            handle = rewrite_handle(planner, assign, qnames)
        except _NoFix:
            continue
        reasons = list(dict.fromkeys(handle.unsafe))
        f.fix = Fix(
            f"rewrite the workspace handle `{handle.name}` as an SDK v2 `MLClient` named `{ML_CLIENT}`"
            + (f" ({'; '.join(reasons)})" if reasons else ""),
            Applicability.UNSAFE if reasons else Applicability.SAFE,
            tuple(handle.edits + import_block(planner, handle.imports)),
        )


# ---------------------------------------------------------------------- the binding
def _name_seen_in(planner: Planner, scope: nodes.LocalsDictNodeNG, name: str) -> bool:
    """Whether ``name`` is bound or read in ``scope`` or a scope inside it."""
    for node in planner.named(name, (nodes.Name, nodes.AssignName)):
        inner = node.scope()
        while inner is not scope and not isinstance(inner, nodes.Module):
            inner = inner.parent.scope()
        if inner is scope:
            return True
    return False


def _only_binding(assign: nodes.Assign) -> nodes.AssignName:
    """``ws`` of ``ws = ...``, when nothing else binds that name in its scope."""
    if len(assign.targets) != 1 or not isinstance(assign.targets[0], nodes.AssignName):
        raise _NoFix
    target = assign.targets[0]
    if target.scope().locals.get(target.name) != [target]:
        raise _NoFix  # reassigned (try/except create, a loop, a second from_config)
    module = assign.root()
    if any(target.name in statement.names for statement in nodes_of(module, (nodes.Global, nodes.Nonlocal))):
        raise _NoFix  # bound from another scope too
    if any(n.name == target.name and n.scope() is target.scope() for n in nodes_of(module, nodes.DelName)):
        raise _NoFix
    return target


def _rewritten_call(planner: Planner, call: nodes.Call, qnames: dict[int, str], handle: Handle) -> str:
    """The v2 text of the binding's (or a credential's) call: the catalogue's rewrite of its
    target, a binding's v1 ``auth=`` as the credential."""
    advice = catalogue.TARGETS[qname_of(qnames, call)][1]
    bound = planner._bind(call, advice)
    if bound is None:
        raise _NoFix
    texts = {name: planner._source(value) for name, value in bound.items() if name != "auth"}
    if "auth" in bound:
        texts["auth"] = _credential(planner, bound["auth"], qnames, handle)
    return _write(_exact(advice.fixes, texts), texts, handle)


def _credential(planner: Planner, auth: nodes.NodeNG, qnames: dict[int, str], handle: Handle) -> str:
    """The credential's text: the rewritten v1 authentication call itself, or the name
    it is bound to (that binding rewritten in place) when the handle is its only use."""
    if isinstance(auth, nodes.Call) and qname_of(qnames, auth) in CREDENTIALS:
        return _rewritten_call(planner, auth, qnames, handle)
    if not isinstance(auth, nodes.Name):
        raise _NoFix  # a helper's return value: v2lint cannot see what it signs in with
    _, assignments = auth.lookup(auth.name)
    if len(assignments) != 1 or not isinstance(assignments[0], nodes.AssignName):
        raise _NoFix
    target = assignments[0]
    assign = target.parent
    if not (isinstance(assign, nodes.Assign) and qname_of(qnames, assign.value) in CREDENTIALS):
        raise _NoFix
    _only_binding(assign)
    if [id(use) for use in _uses(planner, target)] != [id(auth)]:
        raise _NoFix  # the v1 credential signs in something else too
    text = _rewritten_call(planner, assign.value, qnames, handle)
    _keep_comments(planner, assign.value, handle)
    handle.edits.append(planner._replace(assign.value, _layout(planner, assign.value, text)))
    return auth.name


def _exact(rewrites: tuple[Rewrite, ...], texts: dict[str, str]) -> Rewrite:
    """The first rewrite that uses every argument passed, and only those: an argument
    dropped (a sovereign cloud, an identity_config, force=) would change what it does."""
    for rewrite in rewrites:
        if set(rewrite.placeholders) == set(texts):
            return rewrite
    raise _NoFix


def _write(rewrite: Rewrite, texts: dict[str, str], handle: Handle) -> str:
    text = rewrite.fill(texts)
    handle.imports.extend(rewrite.imports)
    if rewrite.applicability is Applicability.UNSAFE:
        handle.unsafe.append(rewrite.why)
    return text


def _keep_comments(planner: Planner, replaced: nodes.NodeNG, handle: Handle) -> None:
    """A comment inside a call the fix rewrites whole is lost: that makes the fix unsafe."""
    try:
        comments = any(token.type == tokenize.COMMENT for token in
                       tokenize.generate_tokens(io.StringIO(planner._source(replaced)).readline))
    except (tokenize.TokenError, SyntaxError):
        comments = True
    if comments:
        handle.unsafe.append("it drops the comments inside the v1 call")


def _layout(planner: Planner, replaced: nodes.NodeNG, text: str, prefix: str = "") -> str:
    """``prefix + text`` (``text`` a call), replacing ``replaced``: an argument a line when
    the v1 code was written so, or when one line would be longer than _LONG_LINE."""
    line = planner.lines[replaced.lineno - 1]
    one_line = len(line) - len(planner._source(replaced)) + len(prefix + text)
    if replaced.lineno == replaced.end_lineno and one_line <= _LONG_LINE:
        return prefix + text
    if "\n" in text:
        return prefix + text  # an argument written over several lines: kept as it is
    call = ast.parse(text, mode="eval").body
    if not isinstance(call, ast.Call) or not (call.args or call.keywords):
        return prefix + text
    raw = text.encode("utf-8")  # ast's columns count UTF-8 bytes
    arguments = sorted(call.args + call.keywords, key=lambda a: a.col_offset)
    indent = line[: len(line) - len(line.lstrip())]
    return prefix + raw[: call.func.end_col_offset].decode("utf-8") + "(\n" + "".join(
        f"{indent}    {raw[a.col_offset:a.end_col_offset].decode('utf-8')},\n" for a in arguments) + indent + ")"


# ---------------------------------------------------------------------- the uses
def _uses(planner: Planner, target: nodes.AssignName) -> list[nodes.Name]:
    """Every read of the name ``target`` binds; a read that may see another binding too: no fix."""
    uses = []
    for name in planner.named(target.name):
        _, assignments = name.lookup(name.name)
        if target in assignments:
            if len(assignments) != 1:
                raise _NoFix
            uses.append(name)
    return uses


def _rewrite_use(planner: Planner, use: nodes.Name, qnames: dict[int, str], handle: Handle) -> None:
    """``ws.name``, ``ws.get_default_datastore()``, ``ws.compute_targets[name]``...: its
    catalogue rewrite; any other use of the handle (``ws`` passed on, a member without a
    v2 form here) and there is no fix."""
    member = use.parent
    if not (isinstance(member, nodes.Attribute) and member.expr is use):
        raise _NoFix
    qname = qname_of(qnames, member) or (qname_of(qnames, member.parent) if isinstance(member.parent, nodes.Call) else None)
    advice = catalogue.TARGETS.get(qname, (None, None))[1] if qname else None
    if advice is None or not advice.fixes:
        raise _NoFix
    texts: dict[str, str] = {}
    if qname in _CALLED:
        node = member.parent
        if not (isinstance(node, nodes.Call) and node.func is member and not node.args and not node.keywords):
            raise _NoFix
    elif qname in _INDEXED:
        node = member.parent
        if not (isinstance(node, nodes.Subscript) and node.value is member and not isinstance(node.slice, nodes.Slice)):
            raise _NoFix
        texts["name"] = planner._source(node.slice)
    else:
        node = member
        if isinstance(node.parent, nodes.Call) and node.parent.func is node:
            raise _NoFix
    if qname in _OBJECT_VALUED and not _only_its_name_read(planner, node):
        raise _NoFix  # a v1 Datastore / ComputeTarget / Model used as one: its v2 entity is not
    handle.edits.append(planner._replace(node, _write(_exact(advice.fixes, texts), texts, handle)))


def _only_its_name_read(planner: Planner, value: nodes.NodeNG) -> bool:
    """``value.name``, or ``x = value`` with only ``x.name`` read: what the v1 object and its
    v2 entity share."""
    parent = value.parent
    if isinstance(parent, nodes.Attribute) and parent.expr is value:
        return parent.attrname == "name" and not (isinstance(parent.parent, nodes.Call) and parent.parent.func is parent)
    if not (isinstance(parent, nodes.Assign) and parent.value is value):
        return False
    try:
        target = _only_binding(parent)
        uses = _uses(planner, target)
    except _NoFix:
        return False
    return all(isinstance(use.parent, nodes.Attribute) and _only_its_name_read(planner, use) for use in uses)
