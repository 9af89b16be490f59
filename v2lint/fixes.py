"""What ``v2lint check --fix`` can do for each finding: the fix planner.

The analysis decided what each node is and what advice it gets; this module
decides, for the patterns it understands whole, the edits that write the
advice's SDK v2 form (``Advice.fixes`` in the catalogue: no second table).

Fix families so far:

* job scripts: inside the scope that runs in a job (the analysis's in-job
  context), calls and attributes of a run bound by ``run = Run.get_context()``
  become MLflow calls; the binding itself is removed once every use of it has
  a fix, with the least safe applicability of those uses.

A fix is offered only when its edits leave code that runs: a receiver that is
not plainly the job's run, an argument list v2lint cannot bind (``*args``,
an unknown keyword) or a value whose kind a rewrite requires but cannot be
told get no fix, only their finding.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from astroid import nodes

from v2lint import catalogue
from v2lint.catalogue import Applicability, Rewrite
from v2lint.findings import Edit, Fix

_NUMBER_BUILTINS = frozenset({"float", "int", "len", "round"})
_TEXT_BUILTINS = frozenset({"str", "repr"})
# numpy's scalar constructors, as training scripts wrap what they log (np.float(accuracy))
_NUMPY_NUMBERS = frozenset({"float", "float16", "float32", "float64", "int", "int32", "int64", "double"})
_NUMPY_TEXT = frozenset({"str", "str_"})


class Planner:
    """Fixes for one module's findings; ``infer`` is the analysis's budgeted inference."""

    def __init__(self, module: nodes.Module, lines: list[str], infer: Callable[[nodes.NodeNG], Iterator[nodes.NodeNG]]):
        self.module = module
        self.lines = lines
        self.infer = infer
        self._import_edits: dict[str, Edit | None] = {}

    # ------------------------------------------------------------------ job scripts
    def job_script(self, found: list, scopes: list[nodes.NodeNG], within) -> None:
        """``found``: the analysis's records (``node``, ``qname``, ``advice``, ``fix``)."""
        bindings = {id(f.node): f for f in found if f.qname == catalogue.RUN_CONTEXT_TARGET}
        for f in found:
            if f.advice.fixes and any(within(f.node, scope) for scope in scopes):
                receiver = _receiver(f.node)
                if receiver is not None and self._bound_to_run_context(receiver, bindings):
                    f.fix = self._rewrite(f.node, f.advice)
        fixed = {id(_receiver(f.node)): f.fix for f in found if f.fix is not None}
        for f in bindings.values():
            f.fix = self._remove_binding(f.node, fixed)

    def _bound_to_run_context(self, name: nodes.Name, bindings: dict) -> bool:
        _, assignments = name.lookup(name.name)
        return bool(assignments) and all(_binding_call(a) is not None and id(_binding_call(a)) in bindings
                                         for a in assignments)

    def _remove_binding(self, call: nodes.Call, fixed: dict) -> Fix | None:
        """``run = Run.get_context()``: removed when every use of ``run`` has a fix."""
        assign = call.parent
        if not (isinstance(assign, nodes.Assign) and len(assign.targets) == 1
                and isinstance(assign.targets[0], nodes.AssignName)):
            return None
        target = assign.targets[0]
        uses = [name for name in self.module.nodes_of_class(nodes.Name)
                if name.name == target.name and target in name.lookup(name.name)[1]]
        fixes = [fixed.get(id(name)) for name in uses]
        if any(fix is None for fix in fixes):
            return None
        edit = self._delete_statement(assign)
        if edit is None:
            return None
        unsafe = any(fix.applicability is Applicability.UNSAFE for fix in fixes)
        return Fix(
            f"remove `{target.name} = {call.as_string()}`: MLflow needs no run object inside a job",
            Applicability.UNSAFE if unsafe else Applicability.SAFE,
            (edit,),
        )

    # ------------------------------------------------------------------ rewriting a call or attribute
    def _rewrite(self, node: nodes.NodeNG, advice: catalogue.Advice) -> Fix | None:
        bound = self._bind(node, advice)
        if bound is None:
            return None
        for rewrite in advice.fixes:
            if not all(name in bound for name in rewrite.placeholders):
                continue
            if rewrite.when and self._kind(bound[rewrite.when[0]]) != rewrite.when[1]:
                continue
            return self._fix(node, rewrite, bound)
        return None

    def _bind(self, node: nodes.NodeNG, advice: catalogue.Advice) -> dict[str, nodes.NodeNG] | None:
        """The v1 call's arguments by parameter name; None when they cannot all be named."""
        if not isinstance(node, nodes.Call):
            return {}
        if len(node.args) > len(advice.positional) or any(isinstance(a, nodes.Starred) for a in node.args):
            return None
        bound = dict(zip(advice.positional, node.args))
        for keyword in node.keywords or ():
            if keyword.arg is None or keyword.arg not in advice.positional or keyword.arg in bound:
                return None
            bound[keyword.arg] = keyword.value
        return bound

    def _fix(self, node: nodes.NodeNG, rewrite: Rewrite, bound: dict[str, nodes.NodeNG]) -> Fix | None:
        text = rewrite.template
        for name in rewrite.placeholders:
            text = text.replace("{" + name + "}", self._source(bound[name]))
        dropped = [name for name in bound if name not in rewrite.placeholders]
        applicability, why = rewrite.applicability, rewrite.why
        if dropped:
            applicability = Applicability.UNSAFE
            why = "; ".join(filter(None, [why, "drops " + ", ".join(dropped)]))
        edits = [self._replace(node, text)]
        for statement in rewrite.imports:
            edit = self._import(statement)
            if edit is not None:
                edits.append(edit)
        title = f"replace with `{rewrite.code}`" + (f" ({why})" if why else "")
        return Fix(title, applicability, tuple(edits))

    def _kind(self, expr: nodes.NodeNG) -> str | None:
        """"number", "bool" or "text" when every value ``expr`` can hold is one; else None."""
        if isinstance(expr, nodes.JoinedStr):
            return "text"
        if isinstance(expr, nodes.Call) and isinstance(expr.func, nodes.Name):
            if expr.func.name in _NUMBER_BUILTINS:
                return "number"
            if expr.func.name in _TEXT_BUILTINS:
                return "text"
        if isinstance(expr, nodes.Call) and isinstance(expr.func, nodes.Attribute) and _is_numpy(expr.func.expr):
            if expr.func.attrname in _NUMPY_NUMBERS:
                return "number"
            if expr.func.attrname in _NUMPY_TEXT:
                return "text"
        values = [expr] if isinstance(expr, nodes.Const) else list(self.infer(expr))
        kinds = {_const_kind(value) for value in values}
        return kinds.pop() if len(kinds) == 1 else None

    # ------------------------------------------------------------------ text
    def _point(self, line: int, byte_col: int) -> int:
        return len(self.lines[line - 1].encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))

    def _source(self, node: nodes.NodeNG) -> str:
        start, end = (node.lineno, self._point(node.lineno, node.col_offset)), (
            node.end_lineno, self._point(node.end_lineno, node.end_col_offset))
        if start[0] == end[0]:
            return self.lines[start[0] - 1][start[1]:end[1]]
        middle = self.lines[start[0]:end[0] - 1]
        return "\n".join([self.lines[start[0] - 1][start[1]:], *middle, self.lines[end[0] - 1][:end[1]]])

    def _replace(self, node: nodes.NodeNG, text: str) -> Edit:
        return Edit(node.lineno, self._point(node.lineno, node.col_offset),
                    node.end_lineno, self._point(node.end_lineno, node.end_col_offset), text)

    def _delete_statement(self, statement: nodes.NodeNG) -> Edit | None:
        """The statement's whole lines, when nothing else shares them; a body it
        is alone in keeps a ``pass``."""
        first, last = self.lines[statement.lineno - 1], self.lines[statement.end_lineno - 1]
        if first[: self._point(statement.lineno, statement.col_offset)].strip() or (
                last[self._point(statement.end_lineno, statement.end_col_offset):].split("#", 1)[0].strip()):
            return None
        siblings = statement.parent.child_sequence(statement) if statement.parent else [statement]
        if len(siblings) == 1 and not isinstance(statement.parent, nodes.Module):
            indent = first[: len(first) - len(first.lstrip())]
            return Edit(statement.lineno, 0, statement.end_lineno, len(last), indent + "pass")
        if statement.end_lineno < len(self.lines):
            return Edit(statement.lineno, 0, statement.end_lineno + 1, 0, "")
        return Edit(statement.lineno, 0, statement.end_lineno, len(last), "")

    def _import(self, statement: str) -> Edit | None:
        """The edit that adds ``statement`` (``import mlflow``) to the file's imports; None when it has it."""
        if statement not in self._import_edits:
            self._import_edits[statement] = _import_edit(self.module, self.lines, statement)
        return self._import_edits[statement]


def _import_edit(module: nodes.Module, lines: list[str], statement: str) -> Edit | None:
    bound = statement.split()[-1]  # "import mlflow" and "from x import y" bind their last word
    for node in module.body:
        if isinstance(node, (nodes.Import, nodes.ImportFrom)) and any(
                (asname or name) == bound for name, asname in node.names):
            return None
    last = None
    for node in module.body:
        if isinstance(node, (nodes.Import, nodes.ImportFrom)):
            last = node
        elif last is not None or not _is_docstring(node, module):
            break
        else:
            last = node  # after the module docstring when there are no imports
    if last is None:
        return Edit(1, 0, 1, 0, statement + "\n")
    if last.end_lineno < len(lines):
        return Edit(last.end_lineno + 1, 0, last.end_lineno + 1, 0, statement + "\n")
    end = len(lines[last.end_lineno - 1])
    return Edit(last.end_lineno, end, last.end_lineno, end, "\n" + statement)


def _is_docstring(node: nodes.NodeNG, module: nodes.Module) -> bool:
    return (node is module.body[0] and isinstance(node, nodes.Expr) and isinstance(node.value, nodes.Const)
            and isinstance(node.value.value, str))


def _receiver(node: nodes.NodeNG) -> nodes.Name | None:
    """``run`` of ``run.log(...)`` or ``run.id``."""
    attribute = node.func if isinstance(node, nodes.Call) else node
    if isinstance(attribute, nodes.Attribute) and isinstance(attribute.expr, nodes.Name):
        return attribute.expr
    return None


def _binding_call(assignment: nodes.NodeNG) -> nodes.Call | None:
    """The call of ``run = Run.get_context()`` that ``assignment`` (the AssignName) is bound by."""
    parent = assignment.parent
    if isinstance(assignment, nodes.AssignName) and isinstance(parent, nodes.Assign) and isinstance(parent.value, nodes.Call):
        return parent.value
    return None


def _is_numpy(expr: nodes.NodeNG) -> bool:
    """``np`` bound only by ``import numpy as np`` (or ``import numpy``)."""
    if not isinstance(expr, nodes.Name):
        return False
    _, assignments = expr.lookup(expr.name)
    return bool(assignments) and all(
        isinstance(a, nodes.Import) and any(name == "numpy" and (asname or name) == expr.name for name, asname in a.names)
        for a in assignments
    )


def _const_kind(value: nodes.NodeNG) -> str | None:
    if not isinstance(value, nodes.Const):
        return None
    if isinstance(value.value, bool):
        return "bool"
    if isinstance(value.value, (int, float)):
        return "number"
    if isinstance(value.value, str):
        return "text"
    return None


def fixable(fixes: Iterable[Fix | None], unsafe: bool) -> list[Fix]:
    """The fixes ``--fix`` applies (``--unsafe-fixes``: the unsafe ones too)."""
    return [fix for fix in fixes if fix is not None and (unsafe or fix.applicability is Applicability.SAFE)]
