"""What ``v2lint check --fix`` can do for each finding: the fix planner.

The analysis decided what each node is and what advice it gets; this module
decides, for the patterns it understands whole, the edits that write the
advice's SDK v2 form (``Advice.fixes`` in the catalogue: no second table).

Fix families so far:

* job scripts: inside the scope that runs in a job (the analysis's in-job
  context), calls and attributes of a run bound by ``run = Run.get_context()``
  become MLflow calls (a template of several lines, ``log_list``'s loop,
  replaces the call's statement); ``ws = run.experiment.workspace`` becomes the
  job's own ``MLClient`` in one fix with every use of ``ws``; the run's binding
  is removed once every use of it has a fix, with the least safe
  applicability of those uses.
* script run -> command job (``_ScriptRun``): one submit and everything it
  depends on (experiment, ``ScriptRunConfig``, the compute block, the datasets
  it consumes, the environment, the distribution) as one unsafe fix; the
  pipeline fix (v2lint.fix_pipelines) builds on its parts.
* workspace handles (v2lint.fix_workspace): ``ws = Workspace...`` and every use of
  ``ws`` as one ``MLClient``; the script-run and pipeline fixes write their handle through it.

A fix is offered only when its edits leave code that runs: a receiver that is
not plainly the job's run, an argument list v2lint cannot bind (``*args``,
an unknown keyword) or a value whose kind a rewrite requires but cannot be
told get no fix, only their finding.
"""

from __future__ import annotations

import ast
import json
import posixpath
import re
import shlex
from typing import Callable, Iterable, Iterator
from urllib.parse import urlparse

from astroid import nodes

from v2lint import catalogue, fixing
from v2lint.catalogue import Applicability, Rewrite
from v2lint.findings import Edit, Fix
from v2lint.walk import named, nodes_of

_NUMBER_BUILTINS = frozenset({"float", "int", "len", "round"})
_TEXT_BUILTINS = frozenset({"str", "repr"})
# numpy's scalar constructors, as training scripts wrap what they log (np.float(accuracy))
_NUMPY_NUMBERS = frozenset({"float", "float16", "float32", "float64", "int", "int32", "int64", "double"})
_NUMPY_TEXT = frozenset({"str", "str_"})
# a placeholder and the literal suffix a template adds to it: {name} + ".json"
_SUFFIXED = re.compile(r'\{(\w+)\} \+ "([\w.]*)"')


class Planner:
    """Fixes for one module's findings; ``infer`` is the analysis's budgeted inference."""

    def __init__(self, module: nodes.Module, lines: list[str], infer: Callable[[nodes.NodeNG], Iterator[nodes.NodeNG]]):
        self.module = module
        self.lines = lines
        self.infer = infer
        self._import_edits: dict[str, Edit | None] = {}

    def named(self, name: str, kinds: type | tuple[type, ...] = nodes.Name) -> list[nodes.NodeNG]:
        """The ``kinds`` nodes called ``name`` (v2lint.walk.named)."""
        return named(self.module, name, kinds)

    def taken(self, names: Iterable[str]) -> bool:
        """Whether the module binds or reads any of ``names``."""
        return any(self.named(name, (nodes.Name, nodes.AssignName)) for name in names)

    def uses(self, target: nodes.AssignName) -> list[nodes.Name]:
        """The names that read what ``target`` binds (among other bindings, maybe)."""
        return [n for n in self.named(target.name) if target in n.lookup(n.name)[1]]

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
        for f in found:
            if f.qname == _EXPERIMENT_WORKSPACE and f.fix is None and any(within(f.node, scope) for scope in scopes):
                run = _experiment_run(f.node)  # run of run.experiment.workspace
                if isinstance(run, nodes.Call) and id(run) in bindings or (
                        isinstance(run, nodes.Name) and self._bound_to_run_context(run, bindings)):
                    f.fix = self._job_workspace(f.node, f.advice, found, within)
                    if f.fix is not None and isinstance(run, nodes.Name):
                        fixed[id(run)] = f.fix
        for f in bindings.values():
            f.fix = self._remove_binding(f.node, fixed)

    def _job_workspace(self, node: nodes.Attribute, advice: catalogue.Advice, found: list, within) -> Fix | None:
        """``ws = run.experiment.workspace``: the client of the workspace the job runs in
        (``ml_client = MLClient(...)``), in one fix with every use of ``ws``, each written on
        ``ml_client`` by its own rewrite (``Model.register(ws, ...)`` ->
        ``ml_client.models.create_or_update(Model(...))``). Any other use: no fix."""
        assign = node.parent
        if not (isinstance(assign, nodes.Assign) and assign.value is node and len(assign.targets) == 1
                and isinstance(assign.targets[0], nodes.AssignName) and advice.fixes):
            return None
        if self.taken([ML_CLIENT]):
            return None  # the name the fix introduces is taken
        target = assign.targets[0]
        uses = self.uses(target)
        if any(n.lookup(n.name)[1] != [target] for n in uses):
            return None  # also bound otherwise (Workspace.from_config() for an offline run): ml_client would not be
        by_node = {id(f.node): f for f in found}
        edits, imports, replaced = [], list(advice.fixes[0].imports), []
        for use in uses:
            call = use.parent.parent if isinstance(use.parent, nodes.Keyword) else use.parent
            finding = by_node.get(id(call)) if isinstance(call, nodes.Call) else None
            if finding is None or not finding.advice.fixes or not self._result_kept(call):
                return None
            chosen = self._choose(call, finding.advice)
            if chosen is None:
                return None
            rewrite, bound = chosen
            workspace = [name for name, value in bound.items() if value is use]
            if len(workspace) != 1 or workspace[0] in rewrite.placeholders or ML_CLIENT + "." not in rewrite.template:
                return None
            if any(name not in rewrite.placeholders for name in bound if name != workspace[0]):
                return None  # an argument the rewrite would drop (Model.register's properties=)
            fix = self._fix(call, rewrite, {k: v for k, v in bound.items() if k != workspace[0]})
            if fix is None:
                return None
            edits.append(fix.edits[0])
            imports.extend(rewrite.imports)
            replaced.append(call)
        if not replaced or not self._names_free(imports, replaced, within):
            return None
        edits.insert(0, self._replace(assign, f"{ML_CLIENT} = {advice.fixes[0].template}"))
        # at the last import's line end: the job-script fixes of one line each insert theirs at the next line
        edits.extend(import_block(self, imports, at_line_end=True))
        return Fix(f"replace `{assign.as_string()}` with the client of the job's workspace, and its uses "
                   f"({advice.fixes[0].why})", Applicability.UNSAFE, tuple(edits))

    def _result_kept(self, call: nodes.Call) -> bool:
        """The call's result is unused, or bound to a name only read for what the v2 result
        holds alike (a registered model's name)."""
        statement = call.parent
        if isinstance(statement, nodes.Expr):
            return True
        if not (isinstance(statement, nodes.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], nodes.AssignName)):
            return False
        reads = self.uses(statement.targets[0])
        return all(isinstance(n.parent, nodes.Attribute) and n.parent.attrname in _SAME_ON_V2_MODEL for n in reads)

    def _names_free(self, imports: list[str], replaced: list[nodes.NodeNG], within) -> bool:
        """Each name ``from m import name`` adds is unbound in the module, or bound by an SDK v1
        import whose every use is in ``replaced`` (the v1 ``Model`` that v2's ``Model`` takes over)."""
        for statement in imports:
            if not statement.startswith("from ") or _imported(self.module, statement):
                continue
            name = statement.rsplit(" import ", 1)[1]
            if self.named(name, nodes.AssignName) or any(
                    other.name == name for other in nodes_of(self.module, (nodes.FunctionDef, nodes.ClassDef))):
                return False
            for imported in nodes_of(self.module, (nodes.Import, nodes.ImportFrom)):
                if any((alias or original.split(".")[0]) == name for original, alias in imported.names) and not (
                        isinstance(imported, nodes.ImportFrom) and catalogue.is_v1_module(imported.modname)):
                    return False
            if any(not any(within(n, outer) for outer in replaced) for n in self.named(name)):
                return False
        return True

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
        fixes = [fixed.get(id(name)) for name in self.uses(target)]
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

    # ------------------------------------------------------------------ script run -> command job
    def script_run(self, found: list) -> None:
        """``ws = Workspace.from_config()``, ``experiment = Experiment(ws, name)``,
        ``config = ScriptRunConfig(...)`` (+ ``env = Environment.from_conda_specification(...)``
        and ``config.run_config.environment = env``), ``run = experiment.submit(config)``
        (+ ``run.get_portal_url()``, ``run.wait_for_completion()``): one fix, on the submit,
        that writes the whole script as an SDK v2 command job. Any other use of
        those names, or an argument it cannot carry over, and there is no fix."""
        qnames = {}
        for f in found:
            qnames.setdefault(id(f.node), f.qname)
        for f in found:
            if f.qname == _SUBMIT and isinstance(f.node, nodes.Call) and f.fix is None:
                try:
                    f.fix = _apart(_ScriptRun(self, f.node, qnames).fix())
                except _NoFix:
                    pass

    def workspace(self, found: list) -> None:
        """``ws = Workspace.from_config()`` and every use of ``ws``: an ``MLClient``
        (v2lint.fix_workspace); after the families that rewrite a handle with their pattern."""
        from v2lint.fix_workspace import workspace_fixes

        workspace_fixes(self, found)

    def pipeline(self, found: list) -> None:
        """``Experiment(ws, name).submit(pipeline)`` of a pipeline of PythonScriptSteps: one
        fix, on the submit, writing an ``@dsl.pipeline`` job (v2lint.fix_pipelines)."""
        from v2lint.fix_pipelines import PipelineRun  # it builds on _ScriptRun below

        qnames = {}
        for f in found:
            qnames.setdefault(id(f.node), f.qname)
        for f in found:
            if f.qname == _SUBMIT and isinstance(f.node, nodes.Call) and f.fix is None:
                try:
                    f.fix = _apart(PipelineRun(self, f.node, qnames).fix())
                except _NoFix:
                    pass

    # ------------------------------------------------------------------ rewriting a call or attribute
    def _rewrite(self, node: nodes.NodeNG, advice: catalogue.Advice) -> Fix | None:
        chosen = self._choose(node, advice)
        return None if chosen is None else self._fix(node, *chosen)

    def _choose(self, node: nodes.NodeNG, advice: catalogue.Advice) -> tuple[Rewrite, dict] | None:
        """The advice's first rewrite that takes the call's arguments, and the arguments by name."""
        bound = self._bind(node, advice)
        if bound is None:
            return None
        for rewrite in advice.fixes:
            if not all(name in bound for name in rewrite.required):
                continue
            if rewrite.when and (self._kind(bound[rewrite.when[0]]) or "unknown") != rewrite.when[1]:
                continue
            return rewrite, bound
        return None

    def _bind(self, node: nodes.NodeNG, advice: catalogue.Advice) -> dict[str, nodes.NodeNG] | None:
        """The v1 call's arguments by parameter name; None when they cannot all be named."""
        if not isinstance(node, nodes.Call):
            return {}
        named = tuple(name for name in advice.positional if not name.startswith("**"))
        collected = [name[2:] for name in advice.positional if name.startswith("**")]  # log_row(name, **columns)
        if len(node.args) > len(named) or any(isinstance(a, nodes.Starred) for a in node.args):
            return None
        bound: dict = dict(zip(named, node.args))
        others = []
        for keyword in node.keywords or ():
            if keyword.arg is None or keyword.arg in bound:
                return None
            if keyword.arg in named:
                bound[keyword.arg] = keyword.value
            elif collected:
                others.append(keyword)
            else:
                return None
        if collected:
            bound[collected[0]] = tuple(others)
        return bound

    def _fix(self, node: nodes.NodeNG, rewrite: Rewrite, bound: dict[str, nodes.NodeNG]) -> Fix | None:
        template = _SUFFIXED.sub(lambda m: self._suffixed(bound.get(m.group(1)), m), rewrite.template)
        statements = "\n" in template
        if statements:  # indented before the arguments go in: their own lines keep their text
            line = self.lines[node.lineno - 1]
            template = template.replace("\n", "\n" + line[: len(line) - len(line.lstrip())])
        texts = {name: self._keyed(value, bound.get(rewrite.key_prefix)) if isinstance(value, tuple)
                 else self._source(value) for name, value in bound.items() if name in rewrite.placeholders}
        text = rewrite.fill(texts, template)
        dropped = [name for name in bound if name not in rewrite.placeholders and name != rewrite.key_prefix]
        applicability, why = rewrite.applicability, rewrite.why
        if dropped:
            applicability = Applicability.UNSAFE
            why = "; ".join(filter(None, [why, "drops " + ", ".join(dropped)]))
        if statements:
            edit = self._replace_statement(node, rewrite, bound, text)
            if edit is None:
                return None
        else:
            edit = self._replace(node, text)
        edits = [edit]
        for statement in rewrite.imports:
            edit = self._import(statement)
            if edit is not None:
                edits.append(edit)
        title = f"replace with `{rewrite.code}`" + (f" ({why})" if why else "")
        return Fix(title, applicability, tuple(edits))

    def _suffixed(self, value: nodes.NodeNG | None, match) -> str:
        """``{name} + ".json"`` of a plain string literal: one literal, in its own quotes ('t.json')."""
        source = self._source(value) if isinstance(value, nodes.Const) and isinstance(value.value, str) else ""
        quote = source[-1:]
        if (len(source) < 2 or source[0] != quote or quote not in "'\"" or source.startswith(quote * 3)
                or "\\" in source):
            return match.group(0)
        return source[:-1] + match.group(2) + quote

    def _keyed(self, keywords: tuple[nodes.Keyword, ...], prefix: nodes.NodeNG | None) -> str:
        """``x=1, y=v`` as a dict display ``{"x": 1, "y": v}``, each key after ``prefix`` and a "."."""
        def key(name: str) -> str:
            if prefix is None:
                return json.dumps(name)
            if isinstance(prefix, nodes.Const) and isinstance(prefix.value, str):
                return json.dumps(f"{prefix.value}.{name}")
            return f"{self._source(prefix)} + {json.dumps('.' + name)}"
        return "{" + ", ".join(f"{key(k.arg)}: {self._source(k.value)}" for k in keywords) + "}"

    def _replace_statement(self, node: nodes.NodeNG, rewrite: Rewrite, bound: dict, text: str) -> Edit | None:
        """Statements (``text``, indented as the statement) in place of the expression statement
        ``node`` is. None when ``node`` is not a statement of its own, a name the statements bind is
        used in the module, or a value they read again on each pass is more than a constant or a name."""
        statement = node.parent
        if not isinstance(statement, nodes.Expr) or self._delete_statement(statement) is None:
            return None
        body = rewrite.template.split("\n", 1)[1]
        if any("{" + name + "}" in body and name in bound and not isinstance(bound[name], (nodes.Const, nodes.Name))
               for name in rewrite.placeholders):
            return None
        if self.taken(_bound_names(rewrite)):
            return None
        return self._replace(statement, text)

    def _kind(self, expr: nodes.NodeNG | tuple) -> str | None:
        """"number", "bool" or "text" when every value ``expr`` can hold is one; else None. For
        keywords (``**columns``): their one kind, "text" when any is text (no metric can hold it)."""
        if isinstance(expr, tuple):
            kinds = {self._kind(keyword.value) for keyword in expr}
            return "text" if "text" in kinds else (kinds.pop() if len(kinds) == 1 else None)
        if isinstance(expr, nodes.JoinedStr):
            return "text"
        if isinstance(expr, nodes.Call) and isinstance(expr.func, nodes.Name):
            if expr.func.name in _NUMBER_BUILTINS:
                return "number"
            if expr.func.name in _TEXT_BUILTINS:
                return "text"
        if isinstance(expr, nodes.Call) and isinstance(expr.func, nodes.Attribute) and _is_module(expr.func.expr, "numpy"):
            if expr.func.attrname in _NUMPY_NUMBERS:
                return "number"
            if expr.func.attrname in _NUMPY_TEXT:
                return "text"
        if (isinstance(expr, nodes.Call) and isinstance(expr.func, nodes.Attribute) and expr.func.attrname == "dumps"
                and _is_module(expr.func.expr, "json")):
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


def _import_edit(module: nodes.Module, lines: list[str], statement: str, at_line_end: bool = False) -> Edit | None:
    """``at_line_end``: after the last import's end, not at the next line's start, where the fixes
    of one line each (``import mlflow``) insert theirs: two insertions at one place would conflict."""
    if _imported(module, statement):
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
    if last.end_lineno < len(lines) and not at_line_end:
        return Edit(last.end_lineno + 1, 0, last.end_lineno + 1, 0, statement + "\n")
    end = len(lines[last.end_lineno - 1])
    return Edit(last.end_lineno, end, last.end_lineno, end, "\n" + statement)


def _imported(module: nodes.Module, statement: str) -> bool:
    """Whether the module already has ``statement`` (``import mlflow``, ``from m import n``) at its top."""
    if "\n" in statement:  # a block of statements: imported when each is
        return all(_imported(module, line) for line in statement.split("\n"))
    if statement.startswith("from ") and ", " in statement:
        source, names = statement[5:].split(" import ")
        return all(_imported(module, f"from {source} import {name}") for name in names.split(", "))
    if statement.startswith("from "):
        source, name = statement[5:].split(" import ")
        return any(isinstance(node, nodes.ImportFrom) and node.modname == source and not node.level
                   and any(n == name and a in (None, name) for n, a in node.names) for node in module.body)
    name = statement.split()[-1]
    return any(isinstance(node, nodes.Import) and any(n == name and a in (None, name) for n, a in node.names)
               for node in module.body)


def _is_docstring(node: nodes.NodeNG, module: nodes.Module) -> bool:
    return (node is module.body[0] and isinstance(node, nodes.Expr) and isinstance(node.value, nodes.Const)
            and isinstance(node.value.value, str))


def _apart(fix: Fix) -> Fix | None:
    """``fix``, unless two of its edits overlap (a use of ``ws`` the handle rewrite writes inside an
    argument the script run copies whole, ``name=ws.name + "-env"``): such a fix would never apply."""
    spans = [((e.line, e.col), (e.end_line, e.end_col), e.text) for e in fix.edits]
    if any(fixing.overlap(a, b) for i, a in enumerate(spans) for b in spans[i + 1:]):
        return None
    return fix


def _bound_names(rewrite: Rewrite) -> set[str]:
    """The names a statement template assigns (``for step, value in ...``)."""
    code = rewrite.template
    for name in rewrite.placeholders:
        code = code.replace("{" + name + "}", "_")
    return {n.id for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}


def _experiment_run(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """``run`` (a name or a call) of ``run.experiment.workspace``."""
    if isinstance(node, nodes.Attribute) and isinstance(node.expr, nodes.Attribute) and node.expr.attrname == "experiment":
        return node.expr.expr
    return None


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


def _is_print(statement: nodes.NodeNG) -> bool:
    """``print(...)``, the builtin: a message the samples print while they wait."""
    call = statement.value if isinstance(statement, nodes.Expr) else None
    return (isinstance(call, nodes.Call) and isinstance(call.func, nodes.Name) and call.func.name == "print"
            and call.func.lookup("print")[0].name == "builtins")


def _is_module(expr: nodes.NodeNG, module: str) -> bool:
    """``np`` bound only by ``import numpy as np`` (or ``import numpy``), for ``module`` "numpy"."""
    if not isinstance(expr, nodes.Name):
        return False
    _, assignments = expr.lookup(expr.name)
    return bool(assignments) and all(
        isinstance(a, nodes.Import) and any(name == module and (asname or name) == expr.name for name, asname in a.names)
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


def import_block(planner: Planner, statements: list[str], at_line_end: bool = False) -> list[Edit]:
    """The one edit that adds the ``from m import n`` statements the file lacks (``at_line_end``:
    see _import_edit), or names added to a one-line ``from m import`` the file has."""
    missing = [statement for statement in dict.fromkeys(statements) if planner._import(statement)]
    if not missing:
        return []
    # one insertion, a line per module: two insertions at one place would conflict
    names: dict[str, list[str]] = {}
    plain = [statement for statement in missing if not statement.startswith("from ")]  # import os
    for statement in missing:
        if statement.startswith("from "):
            module, name = statement[5:].split(" import ")
            names.setdefault(module, []).append(name)
    edits = []
    for module, found in list(names.items()):  # ``from m import a`` of the file's own gets the names
        existing = next((node for node in planner.module.body if isinstance(node, nodes.ImportFrom)
                         and node.modname == module and not node.level and node.lineno == node.end_lineno
                         and "(" not in planner._source(node)), None)
        if existing is not None:
            edits.append(Edit(existing.end_lineno, planner._point(existing.end_lineno, existing.end_col_offset),
                              existing.end_lineno, planner._point(existing.end_lineno, existing.end_col_offset),
                              "".join(f", {name}" for name in found)))
            del names[module]
    if names or plain:
        block = "\n".join(plain + [f"from {module} import {', '.join(found)}" for module, found in names.items()])
        edits.append(_import_edit(planner.module, planner.lines, block, at_line_end) if at_line_end else planner._import(block))
    return edits


def fixable(fixes: Iterable[Fix | None], unsafe: bool) -> list[Fix]:
    """The fixes ``--fix`` applies (``--unsafe-fixes``: the unsafe ones too)."""
    return [fix for fix in fixes if fix is not None and (unsafe or fix.applicability is Applicability.SAFE)]


_SUBMIT = "azureml.core.experiment.Experiment.submit"
_EXPERIMENT_WORKSPACE = "azureml.core.experiment.Experiment.workspace"
# what a v1 registered model and the v2 one create_or_update returns both hold, alike (the version
# is not: an int in v1, a str in v2)
_SAME_ON_V2_MODEL = frozenset({"name"})
_EXPERIMENT = "azureml.core.experiment.Experiment"
_SCRIPT_RUN_CONFIG = "azureml.core.script_run_config.ScriptRunConfig"
_CONDA_ENVIRONMENT = "azureml.core.environment.Environment.from_conda_specification"
_PIP_ENVIRONMENT = "azureml.core.environment.Environment.from_pip_requirements"
_ENVIRONMENT_GET = "azureml.core.environment.Environment.get"
_RUN_USES = ("azureml.core.run.Run.get_portal_url", "azureml.core.run.Run.wait_for_completion")
_MPI, _PYTORCH, _TENSORFLOW = (f"azureml.core.runconfig.{name}Configuration" for name in ("Mpi", "PyTorch", "Tensorflow"))
# each distributed configuration's counts and their defaults in v1 (PyTorch's process_count: its node_count)
_DISTRIBUTIONS = {_MPI: {"process_count_per_node": 1, "node_count": 1},
                  _PYTORCH: {"process_count": 0, "node_count": 1},
                  _TENSORFLOW: {"worker_count": 1, "parameter_server_count": 1}}
FROM_FILES = "azureml.data.dataset_factory.FileDatasetFactory.from_files"
_GET_BY_NAME = "azureml.core.dataset.Dataset.get_by_name"
COMPUTE = "azureml.core.compute.compute.ComputeTarget"
CREATE = COMPUTE + ".create"
WAIT = COMPUTE + ".wait_for_completion"
PROVISIONING = "azureml.core.compute.amlcompute.AmlCompute.provisioning_configuration"
COMPUTE_EXCEPTION = "azureml.exceptions.ComputeTargetException"
ML_CLIENT = "ml_client"

# parameter orders of the v1 calls (their signatures in azureml-core)
_PROVISIONING_PARAMETERS = ("vm_size", "vm_priority", "min_nodes", "max_nodes", "idle_seconds_before_scaledown")
_AML_COMPUTE = {"vm_size": "size", "min_nodes": "min_instances", "max_nodes": "max_instances",
                "idle_seconds_before_scaledown": "idle_time_before_scale_down"}
MODES = {"as_mount": "ro_mount", "as_download": "download"}  # v1 consumption mode -> v2 input mode


class _NoFix(Exception):
    """The script is not the whole pattern: no fix."""


class _ScriptRun:
    """One submit and the statements it depends on, checked whole and rewritten from the catalogue.

    The parts a pipeline shares (the compute block, the datasets its steps consume,
    the experiment, the workspace's uses) are methods here that ``PipelineRun`` uses."""

    def __init__(self, planner: Planner, submit: nodes.Call, qnames: dict[int, str]):
        self.planner, self.submit, self.qnames = planner, submit, qnames
        self.scope = submit.scope()
        self.edits: list[Edit] = []
        self.imports: list[str] = []
        self.unsafe = ["review the environment and compute of the command job"]
        self.workspace_uses: set[int] = set()
        self.datasets: dict[str, str] = {}  # dataset variable -> its Input's type
        self._compute: tuple[str, str] | None = None  # (the cluster variable, its name's text)
        self._compute_uses: set[int] = set()
        self.environment_variables: str | None = None  # the dict v1 set on the environment, as source text

    def qname(self, node: nodes.NodeNG) -> str | None:
        return self.qnames.get(id(node)) or (self.qnames.get(id(node.func)) if isinstance(node, nodes.Call) else None)

    def binding(self, name: nodes.NodeNG, qname: str) -> tuple[nodes.Assign, nodes.Call]:
        """The one ``name = <call of qname>`` statement of the scope that binds ``name``."""
        if not isinstance(name, nodes.Name):
            raise _NoFix
        _, assignments = name.lookup(name.name)
        if len(assignments) != 1:
            raise _NoFix
        call = _binding_call(assignments[0])
        if call is None or self.qname(call) != qname or call.parent.parent is not self.scope or len(call.parent.targets) != 1:
            raise _NoFix
        return call.parent, call

    def value(self, node: nodes.NodeNG | None) -> nodes.NodeNG | None:
        """``node``, or for a name the value of the one plain ``name = value`` of the scope that binds it
        (``script_name = "train.py"``), which the fix may then read as the literal it is."""
        if not isinstance(node, nodes.Name):
            return node
        _, assignments = node.lookup(node.name)
        if len(assignments) != 1:
            raise _NoFix
        assign = assignments[0].parent
        if not (isinstance(assign, nodes.Assign) and assign.parent is self.scope and len(assign.targets) == 1
                and assign.targets[0] is assignments[0] and assign.lineno < node.lineno):
            raise _NoFix
        return assign.value

    def uses(self, assign: nodes.Assign) -> list[nodes.Name]:
        return self.planner.uses(assign.targets[0])

    def advice(self, qname: str) -> catalogue.Advice:
        return catalogue.TARGETS[qname][1]

    def write(self, qname: str, bound: dict[str, str], node: nodes.NodeNG) -> None:
        """Replace ``node`` with the first of the catalogue's rewrites of ``qname`` whose
        placeholders ``bound`` all gives."""
        for rewrite in self.advice(qname).fixes:
            if all(name in bound for name in rewrite.required):
                break
        else:
            raise _NoFix
        text = rewrite.fill(bound)
        if rewrite.applicability is Applicability.UNSAFE:
            self.unsafe.append(rewrite.why)
        self.imports.extend(rewrite.imports)
        self.edits.append(self.planner._replace(node, text))

    def arguments(self, call: nodes.Call, qname: str, allowed: tuple[str, ...]) -> dict[str, nodes.NodeNG]:
        bound = self.planner._bind(call, self.advice(qname))
        if bound is None or any(name not in allowed for name in bound):
            raise _NoFix
        return bound

    def call_arguments(self, call: nodes.Call, parameters: tuple[str, ...]) -> dict[str, nodes.NodeNG]:
        """``call``'s arguments by the names of ``parameters`` (its v1 signature's order)."""
        if len(call.args) > len(parameters) or any(isinstance(a, nodes.Starred) for a in call.args):
            raise _NoFix
        bound = dict(zip(parameters, call.args))
        for keyword in call.keywords or ():
            if keyword.arg not in parameters or keyword.arg in bound:
                raise _NoFix
            bound[keyword.arg] = keyword.value
        return bound

    def delete(self, statement: nodes.NodeNG) -> None:
        edit = self.planner._delete_statement(statement)
        if edit is None:
            raise _NoFix
        self.edits.append(edit)

    def workspace(self, name: nodes.NodeNG) -> None:
        """A use of ``ws``: every one must be one this fix rewrites."""
        if not isinstance(name, nodes.Name):
            raise _NoFix
        self.workspace_uses.add(id(name))

    def experiment(self) -> tuple[nodes.Assign | None, dict[str, nodes.NodeNG]]:
        """The submitting experiment, ``Experiment(ws, name)`` bound once or called in place, and its arguments."""
        if not isinstance(self.submit.func, nodes.Attribute):
            raise _NoFix
        receiver = self.submit.func.expr
        if isinstance(receiver, nodes.Call) and self.qname(receiver) == _EXPERIMENT:
            experiment_call, experiment_assign = receiver, None
        else:
            experiment_assign, experiment_call = self.binding(receiver, _EXPERIMENT)
            if [id(n) for n in self.uses(experiment_assign)] != [id(receiver)]:
                raise _NoFix
        experiment = self.call_arguments(experiment_call, ("workspace", "name"))
        if set(experiment) != {"workspace", "name"}:
            raise _NoFix
        self.workspace(experiment["workspace"])
        return experiment_assign, experiment

    def fix(self) -> Fix:
        source = self.planner._source
        if self.planner.taken([ML_CLIENT]):
            raise _NoFix  # the name the fix introduces is taken
        submit_args = self.arguments(self.submit, _SUBMIT, ("config",))
        if "config" not in submit_args:
            raise _NoFix
        experiment_assign, experiment = self.experiment()
        config_assign, config_call = self.binding(submit_args["config"], _SCRIPT_RUN_CONFIG)
        config = self.arguments(config_call, _SCRIPT_RUN_CONFIG, ("source_directory", "script", "arguments",
                                                                  "compute_target", "environment", "distributed_job_config"))
        if "source_directory" not in config or "script" not in config:
            raise _NoFix
        environment = self.environment(config_assign, config)
        command, inputs = self.command(config)
        placeholders = {"source_directory": source(config["source_directory"]), "command": command,
                        "environment": environment}
        if inputs:
            placeholders["inputs"] = "{" + ", ".join(inputs) + "}"
        if self.environment_variables is not None:
            placeholders["environment_variables"] = self.environment_variables
        if "compute_target" in config:
            placeholders["compute_target"] = self.compute(config["compute_target"])
        if "distributed_job_config" in config:
            placeholders["distributed_job_config"], placeholders["instance_count"] = self.distribution(
                config["distributed_job_config"])
        self.compute_used_whole()
        # the workspace serves the experiment, the compute, the environment and the datasets; any
        # other use of it has its own v2 form
        self.rewrite_workspace(experiment["workspace"], self.workspace_uses)
        if experiment_assign is not None:
            self.delete(experiment_assign)
        self.write(_SCRIPT_RUN_CONFIG, placeholders, config_call)
        self.write(_SUBMIT, {"config": source(submit_args["config"]), "experiment_name": source(experiment["name"])},
                   self.submit)
        self.run_uses()
        edits = list(self.edits) + self.import_edits()
        return Fix(
            "rewrite the script run as an SDK v2 command job submitted with `ml_client.jobs.create_or_update` "
            f"({'; '.join(dict.fromkeys(self.unsafe))})",
            Applicability.UNSAFE,
            tuple(edits),
        )

    def import_edits(self) -> list[Edit]:
        self.check_introduced([statement for statement in dict.fromkeys(self.imports)
                               if self.planner._import(statement)])
        return import_block(self.planner, self.imports)

    def rewrite_workspace(self, use: nodes.NodeNG, consumed: set[int]) -> None:
        """The workspace handle ``use`` reads, rewritten with every use of it but ``consumed``
        (those this pattern rewrites): v2lint.fix_workspace, the one place that writes it."""
        from v2lint.fix_workspace import binding_of, rewrite_handle

        handle = rewrite_handle(self.planner, binding_of(use, self.qnames), self.qnames, frozenset(consumed))
        self.edits.extend(handle.edits)
        self.imports.extend(handle.imports)
        self.unsafe.extend(handle.unsafe)

    def check_introduced(self, statements: list[str]) -> None:
        """Each name an added import binds (``command``, ``Environment``, ``Path``) is used only in code
        the fix replaces: another use (a v1 ``Environment`` elsewhere, a variable ``command``) would
        then mean the v2 name, so no fix."""
        names = {name for statement in statements for name in statement.split(" import ", 1)[1].split(", ")}
        replaced = [((e.line, e.col), (e.end_line, e.end_col)) for e in self.edits]
        for node in (node for name in sorted(names) for node in self.planner.named(name, (nodes.Name, nodes.AssignName))):
            start = (node.lineno, self.planner._point(node.lineno, node.col_offset))
            if isinstance(node, nodes.AssignName) or not any(a <= start < b for a, b in replaced):
                raise _NoFix

    def environment(self, config_assign: nodes.Assign, config: dict[str, nodes.NodeNG]) -> str:
        """The command job's environment: the conda environment the config runs in, rewritten; or
        one on v1's default image (what a v1 run without an environment ran on)."""
        setters = []
        for use in self.uses(config_assign):
            if use is self.submit.args[0] if self.submit.args else False:
                continue
            if any(use is k.value for k in self.submit.keywords or ()):
                continue
            setter = use.parent.parent if isinstance(use.parent, nodes.Attribute) else None
            if not (isinstance(use.parent, nodes.Attribute) and use.parent.attrname == "run_config"
                    and isinstance(setter, nodes.AssignAttr) and setter.attrname == "environment"
                    and isinstance(setter.parent, nodes.Assign) and setter.parent.parent is self.scope):
                raise _NoFix
            setters.append(setter.parent)
        chosen = [config["environment"]] if "environment" in config else []
        chosen += [statement.value for statement in setters]
        if len(chosen) > 1:
            raise _NoFix
        if not chosen:
            self.imports.append("from azure.ai.ml.entities import Environment")
            return f'Environment(image="{catalogue.V1_DEFAULT_CPU_IMAGE}")'
        source = self.planner._source
        if isinstance(chosen[0], nodes.Call) and self.qname(chosen[0]) == _ENVIRONMENT_GET and not setters:
            return self.registered_environment(chosen[0])  # environment=Environment.get(ws, name)
        if isinstance(chosen[0], nodes.Name) and self.qname(self.value(chosen[0])) == _ENVIRONMENT_GET:
            env_assign, env_call = self.binding(chosen[0], _ENVIRONMENT_GET)
            if len(self.uses(env_assign)) != 1:
                raise _NoFix  # a registered environment changed before use: a new one in v1
            self.edits.append(self.planner._replace(env_call, self.registered_environment(env_call)))
        elif isinstance(chosen[0], nodes.Name) and self.qname(self.value(chosen[0])) == _PIP_ENVIRONMENT:
            env_assign, env_call = self.binding(chosen[0], _PIP_ENVIRONMENT)
            env = self.arguments(env_call, _PIP_ENVIRONMENT, ("name", "file_path"))
            if self.planner.taken(["Path"]) and not _imported(self.planner.module, "from pathlib import Path"):
                raise _NoFix  # the name the conda file is read with is taken
            channels = ", ".join(json.dumps(channel) for channel in catalogue.V1_CONDA_CHANNELS)
            conda_file = (f'{{"channels": [{channels}], "dependencies": [{json.dumps(catalogue.V1_CONDA_PYTHON)}, '
                          f'{{"pip": Path({source(env["file_path"])}).read_text().splitlines()}}, "pip"]}}')
            self.write(_PIP_ENVIRONMENT, {"name": source(env["name"]), "conda_file": conda_file,
                                          "image": self.docker_image(env_assign, chosen[0])}, env_call)
        else:
            env_assign, env_call = self.binding(chosen[0], _CONDA_ENVIRONMENT)
            env = self.arguments(env_call, _CONDA_ENVIRONMENT, ("name", "file_path"))
            image = self.docker_image(env_assign, chosen[0])
            self.write(_CONDA_ENVIRONMENT, {"name": source(env["name"]), "file_path": source(env["file_path"]),
                                            "image": image}, env_call)
        for statement in setters:  # config.run_config.environment = env -> config.environment = env
            self.edits.append(self.planner._replace(
                statement, f"{config_assign.targets[0].name}.environment = {source(chosen[0])}"))
        if setters:
            return "None"  # set by the statement that set it in v1, once the environment exists
        return source(chosen[0])

    def registered_environment(self, call: nodes.Call) -> str:
        """``Environment.get(ws, name)``: the registered environment, its latest version unless v1 named one."""
        bound = self.arguments(call, _ENVIRONMENT_GET, ("workspace", "name", "version", "label"))
        if "workspace" not in bound or "name" not in bound or {"version", "label"} <= set(bound):
            raise _NoFix
        self.workspace(bound["workspace"])
        name = self.value(bound["name"])
        if isinstance(name, nodes.Const) and isinstance(name.value, str) and name.value.startswith("AzureML-"):
            self.unsafe.append("a curated v1 environment may have another name, or none, in v2")
        rewrite = next(r for r in self.advice(_ENVIRONMENT_GET).fixes if set(r.placeholders) == set(bound) - {"workspace"})
        self.imports.extend(rewrite.imports)
        return rewrite.fill({placeholder: self.planner._source(bound[placeholder]) for placeholder in rewrite.placeholders})

    def docker_image(self, env_assign: nodes.Assign, used: nodes.Name) -> str:
        """The image the conda environment runs on: ``env.docker.base_image = "<image>"`` (that
        statement and ``env.docker.enabled = True`` removed: v2 always runs in Docker), else v1's default.
        ``env.environment_variables = {...}`` goes to the command job's ``environment_variables``."""
        image = f'"{catalogue.V1_DEFAULT_CPU_IMAGE}"'
        for use in self.uses(env_assign):
            if use is used:
                continue
            variables = use.parent.parent if isinstance(use.parent, nodes.AssignAttr) else None
            if (isinstance(variables, nodes.Assign) and use.parent.attrname == "environment_variables"
                    and isinstance(variables.value, nodes.Dict) and variables.parent is self.scope
                    and len(variables.targets) == 1 and env_assign.lineno < variables.lineno < used.lineno
                    and self.environment_variables is None):
                # v2 sets a job's variables on the job, not on its environment
                self.environment_variables = self.planner._source(variables.value)
                self.delete(variables)
                continue
            docker = use.parent
            setter = docker.parent if isinstance(docker, nodes.Attribute) and docker.attrname == "docker" else None
            statement = setter.parent if isinstance(setter, nodes.AssignAttr) else None
            if not (isinstance(statement, nodes.Assign) and len(statement.targets) == 1
                    and statement.parent is self.scope and env_assign.lineno < statement.lineno < used.lineno):
                raise _NoFix
            value = statement.value
            if setter.attrname == "enabled" and isinstance(value, nodes.Const) and value.value is True:
                self.delete(statement)
            elif setter.attrname == "base_image" and isinstance(value, nodes.Const) and isinstance(value.value, str):
                if image != f'"{catalogue.V1_DEFAULT_CPU_IMAGE}"':
                    raise _NoFix  # set twice
                image = json.dumps(value.value)
                self.delete(statement)
            else:
                raise _NoFix  # a Dockerfile, registry credentials, a shared volume...: not carried over
        return image

    def distribution(self, config: nodes.NodeNG) -> tuple[str, str]:
        """(the distribution's text, the instance count) of an MPI, PyTorch or TensorFlow
        configuration of literal counts, bound once (or written in place) and used only here."""
        call = self.value(config)
        if config is not call:
            if not isinstance(call, nodes.Call) or [id(n) for n in self.uses(call.parent)] != [id(config)]:
                raise _NoFix
        qname = self.qname(call) if isinstance(call, nodes.Call) else None
        if qname not in _DISTRIBUTIONS:
            raise _NoFix
        given = self.arguments(call, qname, self.advice(qname).positional)
        backend = given.pop("communication_backend", None)
        if backend is not None and not (isinstance(backend, nodes.Const) and backend.value == "Nccl"):
            raise _NoFix  # v2 chooses the backend itself (NCCL on GPUs)
        counts = dict(_DISTRIBUTIONS[qname])  # v1's defaults for what the call leaves out
        for name, value in given.items():
            if not (isinstance(value, nodes.Const) and type(value.value) is int and value.value >= 0):
                raise _NoFix  # a count that is not a literal
            counts[name] = value.value
        if not all(counts[name] for name in ("worker_count", "node_count") if name in counts):
            raise _NoFix
        if qname == _PYTORCH:
            total = counts["process_count"] or counts["node_count"]  # v1: one process a node by default
            if total % counts["node_count"]:
                raise _NoFix
            counts["process_count_per_instance"] = total // counts["node_count"]
        instances = counts["worker_count"] if qname == _TENSORFLOW else counts["node_count"]
        self.write(qname, {name: str(value) for name, value in counts.items()}, call)
        if config is call:  # written in the ScriptRunConfig call, which the fix replaces whole
            return self.edits.pop().text, str(instances)
        return self.planner._source(config), str(instances)

    def command(self, config: dict[str, nodes.NodeNG]) -> tuple[str, list[str]]:
        """``"python train.py --alpha 0.5 ${{inputs.data}}"``, what v1 ran from the script and the
        arguments (literals and consumed datasets), and the ``"data": ds`` inputs it reads."""
        script = self.value(config["script"])
        if not (isinstance(script, nodes.Const) and isinstance(script.value, str)):
            raise _NoFix
        parts, inputs = ["python", shlex.quote(script.value)], []
        arguments = config.get("arguments")
        if isinstance(arguments, nodes.Name):  # args = [...] used only here: the command takes it in
            elements = self.value(arguments)
            assign = elements.parent
            if [id(n) for n in self.uses(assign)] != [id(arguments)]:
                raise _NoFix
            self.delete(assign)
            arguments = elements
        if arguments is not None:
            if not isinstance(arguments, (nodes.List, nodes.Tuple)):
                raise _NoFix
            for element in arguments.elts:
                text = self.literal_argument(self.value(element) if isinstance(element, nodes.Name) else element)
                if text is not None:
                    parts.append(shlex.quote(text))
                    continue
                input_name, dataset, mode = self.consumed(element)
                if any(text.startswith(f'"{input_name}": ') for text in inputs):
                    raise _NoFix  # two inputs of one name
                self.dataset(dataset, mode)
                parts.append(f"${{{{inputs.{input_name}}}}}")
                inputs.append(f'"{input_name}": {dataset.name}')
        return json.dumps(" ".join(parts)), inputs

    def literal_argument(self, value: nodes.NodeNG) -> str | None:
        """The text v1 passed for an argument known before the run: a literal (or a variable bound
        to one), or ``os.path.join`` of literals, joined as the job's Linux would."""
        if isinstance(value, nodes.Const) and isinstance(value.value, (str, int, float)) \
                and not isinstance(value.value, bool):
            return str(value.value)
        if not (isinstance(value, nodes.Call) and not value.keywords and value.args
                and all(isinstance(a, nodes.Const) and isinstance(a.value, str) for a in value.args)):
            return None
        functions = {getattr(f, "qname", lambda: None)() for f in self.planner.infer(value.func)}
        if not functions or not functions <= {"posixpath.join", "ntpath.join"}:
            return None
        self.unsafe.append("os.path.join(...) of the arguments written as its POSIX path")
        return posixpath.join(*(a.value for a in value.args))

    def run_uses(self) -> None:
        """``run.get_portal_url()`` and ``run.wait_for_completion()``: the returned job's forms."""
        statement = self.submit.parent
        if isinstance(statement, nodes.Expr):
            return
        if not (isinstance(statement, nodes.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], nodes.AssignName)):
            raise _NoFix
        for use in self.uses(statement):
            if isinstance(use.parent, nodes.Expr):
                continue  # a notebook cell that shows the run: the returned job shows itself
            call = use.parent.parent if isinstance(use.parent, nodes.Attribute) else None
            qname = self.qname(call) if isinstance(call, nodes.Call) and call.func is use.parent else None
            if qname not in _RUN_USES:
                raise _NoFix
            if qname == _RUN_USES[1] and not isinstance(call.parent, nodes.Expr):
                raise _NoFix  # its value (the run's details) has no one-line v2 form
            self.arguments(call, qname, ("show_output",))
            self.write(qname, {"self": use.name}, call)

    # ------------------------------------------------------------------ datasets a job consumes
    def consumed(self, element: nodes.NodeNG) -> tuple[str, nodes.Name, str]:
        """(input name, dataset variable, v2 mode) of ``ds.as_named_input("x").as_mount()`` or
        ``.as_download()``, or of ``ds.as_mount()`` (its input named after the variable)."""
        if not (isinstance(element, nodes.Call) and isinstance(element.func, nodes.Attribute)
                and not element.keywords and not element.args and element.func.attrname in MODES):
            raise _NoFix  # as_hdfs, a path, another consumption: not mapped
        mode, receiver = MODES[element.func.attrname], element.func.expr
        if isinstance(receiver, nodes.Name):
            return receiver.name, receiver, mode
        if (isinstance(receiver, nodes.Call) and isinstance(receiver.func, nodes.Attribute)
                and receiver.func.attrname == "as_named_input" and len(receiver.args) == 1 and not receiver.keywords
                and isinstance(receiver.func.expr, nodes.Name)):
            return self.literal_name(receiver.args[0]), receiver.func.expr, mode
        raise _NoFix

    def dataset(self, name: nodes.Name, mode: str | None = None) -> str:
        """``ds = Dataset.File.from_files(path=url)`` -> ``ds = Input(type=..., path=url)`` (``mode=`` when
        one job consumes it): an input. Its type: a file when the path's last part has an extension, else a folder."""
        if name.name in self.datasets:
            if mode is not None:
                raise _NoFix  # consumed twice, the mode set on the one Input
            return self.datasets[name.name]
        if mode is not None and self.qname(self.value(name)) == _GET_BY_NAME:
            return self.registered_dataset(name, mode)
        assign, call = self.binding(name, FROM_FILES)
        written = self.call_arguments(call, ("path",)).get("path")
        path = self.value(written)
        if not (isinstance(path, nodes.Const) and isinstance(path.value, str)):
            raise _NoFix  # a list of paths, a datastore tuple, a variable: its type cannot be told
        last = urlparse(path.value).path.rstrip("/").rsplit("/", 1)[-1]
        kind = "uri_file" if "." in last and not path.value.endswith("/") else "uri_folder"
        uses = self.uses(assign)
        if mode is not None and len(uses) != 1:
            raise _NoFix
        for use in uses:
            if not (isinstance(use.parent, nodes.Attribute) and use.parent.attrname in ("as_named_input", *MODES)):
                raise _NoFix
        self.datasets[name.name] = kind
        bound = {"type": f'"{kind}"', "path": self.planner._source(written)}
        if mode is not None:
            bound["mode"] = f'"{mode}"'
        self.write(FROM_FILES, bound, call)
        return kind

    def registered_dataset(self, name: nodes.Name, mode: str) -> str:
        """``ds = Dataset.get_by_name(ws, name)`` consumed once -> the registered asset as the job's input."""
        assign, call = self.binding(name, _GET_BY_NAME)
        bound = self.arguments(call, _GET_BY_NAME, ("workspace", "name", "version"))
        asset, version = self.value(bound.get("name")), self.value(bound.get("version"))
        if "workspace" not in bound or not (isinstance(asset, nodes.Const) and isinstance(asset.value, str)):
            raise _NoFix
        if len(self.uses(assign)) != 1:
            raise _NoFix
        if version is None or (isinstance(version, nodes.Const) and version.value == "latest"):
            path = f"azureml:{asset.value}@latest"
        elif isinstance(version, nodes.Const) and type(version.value) is int:
            path = f"azureml:{asset.value}:{version.value}"
        else:
            raise _NoFix
        self.workspace(bound["workspace"])
        self.datasets[name.name] = "uri_folder"
        self.write(_GET_BY_NAME, {"path": json.dumps(path), "mode": f'"{mode}"'}, call)
        return "uri_folder"

    @staticmethod
    def literal_name(node: nodes.NodeNG) -> str:
        if isinstance(node, nodes.Const) and isinstance(node.value, str) and node.value.isidentifier():
            return node.value
        raise _NoFix

    # ------------------------------------------------------------------ compute
    def compute(self, target: nodes.NodeNG) -> str:
        """The compute's name as source text: a name string (or a variable bound to one), or the
        name of the cluster that the get-or-create block binds (the block rewritten for v2)."""
        if self.planner._kind(target) == "text":
            return self.planner._source(target)
        if not isinstance(target, nodes.Name):
            raise _NoFix
        if self._compute is not None:
            if self._compute[0] != target.name:
                raise _NoFix
            self._compute_uses.discard(id(target))
            return self._compute[1]
        _, assignments = target.lookup(target.name)
        calls = [_binding_call(a) for a in assignments]
        if len(calls) != 2 or None in calls:
            raise _NoFix
        get, create = calls
        block = get.parent.parent
        if not (isinstance(block, nodes.Try) and block.parent is self.scope and len(block.handlers) == 1
                and not block.orelse and not block.finalbody and get.parent in block.body
                and self.qname(get) == COMPUTE and self.qname(create) == CREATE):
            raise _NoFix
        handler = block.handlers[0]
        if (create.parent.parent is not handler or handler.name is not None
                or self.qname(handler.type) != COMPUTE_EXCEPTION):
            raise _NoFix
        found = self.call_arguments(get, ("workspace", "name"))
        made = self.call_arguments(create, ("workspace", "name", "provisioning_configuration"))
        if set(found) != {"workspace", "name"} or set(made) != set(found) | {"provisioning_configuration"}:
            raise _NoFix
        name = self.planner._source(found["name"])
        if self.planner._source(made["name"]) != name:
            raise _NoFix
        self.workspace(found["workspace"])
        self.workspace(made["workspace"])
        config_assign, config_call = self.binding_in(made["provisioning_configuration"], PROVISIONING, handler)
        config = self.call_arguments(config_call, _PROVISIONING_PARAMETERS)
        if "vm_priority" in config:
            raise _NoFix
        # every statement of the handler is one of the block's, the wait the last (a print aside)
        statements = [statement for statement in handler.body if not _is_print(statement)]
        if statements[:2] != [config_assign, create.parent] or len(statements) > 3:
            raise _NoFix
        waits = set()
        if len(statements) == 3:
            wait = statements[2]
            if not (isinstance(wait, nodes.Expr) and isinstance(wait.value, nodes.Call)
                    and self.qname(wait.value) == WAIT and isinstance(wait.value.func.expr, nodes.Name)
                    and wait.value.func.expr.name == target.name):
                raise _NoFix
            waits.add(id(wait.value.func.expr))
            self.delete(wait)  # begin_create_or_update(...).result() waits
        self.imports.append("from azure.ai.ml.entities import AmlCompute")
        self.write(COMPUTE, {"name": name}, get)
        self.write(COMPUTE_EXCEPTION, {}, handler.type)
        settings = "".join(f", {_AML_COMPUTE[key]}={self.planner._source(value)}" for key, value in config.items())
        self.edits.append(self.planner._replace(config_call, f"AmlCompute(name={name}{settings})"))
        self.write(CREATE, {"provisioning_configuration": self.planner._source(made["provisioning_configuration"])},
                   create)
        self._compute = (target.name, name)
        # the cluster object is a v2 AmlCompute now: every use must be a compute the fix passes by name
        self._compute_uses = {id(n) for n in self.planner.named(target.name)
                              if set(n.lookup(n.name)[1]) & set(assignments)} - waits
        self._compute_uses.discard(id(target))
        for use in self.planner.named(target.name):  # the samples' wait after the block, too
            call = use.parent.parent if isinstance(use.parent, nodes.Attribute) else None
            if (id(use) in self._compute_uses and isinstance(call, nodes.Call) and call.func is use.parent
                    and self.qname(call) == WAIT and isinstance(call.parent, nodes.Expr)
                    and call.parent.parent is self.scope and call.parent.lineno > block.end_lineno):
                self.delete(call.parent)
                self._compute_uses.discard(id(use))
        return name

    def compute_used_whole(self) -> None:
        """After every compute is read: no use of the cluster object is left (``cluster.get_status()``)."""
        if self._compute_uses:
            raise _NoFix

    def binding_in(self, name: nodes.NodeNG, qname: str, block: nodes.NodeNG) -> tuple[nodes.Assign, nodes.Call]:
        """Like ``binding``, for a statement of ``block`` (the except handler), used only there once."""
        scope, self.scope = self.scope, block
        try:
            assign, call = self.binding(name, qname)
        finally:
            self.scope = scope
        if [id(n) for n in self.uses(assign)] != [id(name)]:
            raise _NoFix
        return assign, call
