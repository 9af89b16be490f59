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
* script runs (``_ScriptRun`` below) and pipelines (v2lint.fix_pipelines): one fix
  on the submit for the whole pattern.
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
import re
import shlex
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
# a placeholder and the literal suffix a template adds to it: {name} + ".json"
_SUFFIXED = re.compile(r'\{(\w+)\} \+ "([\w.]*)"')


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
        if any(n.name == ML_CLIENT for n in self.module.nodes_of_class((nodes.Name, nodes.AssignName))):
            return None  # the name the fix introduces is taken
        target = assign.targets[0]
        uses = self._uses(target)
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
        edits.extend(self._imports_edit(imports))
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
        reads = self._uses(statement.targets[0])
        return all(isinstance(n.parent, nodes.Attribute) and n.parent.attrname in _SAME_ON_V2_MODEL for n in reads)

    def _uses(self, target: nodes.AssignName) -> list[nodes.Name]:
        """The names that read what ``target`` binds (among other bindings, maybe)."""
        return [n for n in self.module.nodes_of_class(nodes.Name) if n.name == target.name and target in n.lookup(n.name)[1]]

    def _names_free(self, imports: list[str], replaced: list[nodes.NodeNG], within) -> bool:
        """Each name ``from m import name`` adds is unbound in the module, or bound by an SDK v1
        import whose every use is in ``replaced`` (the v1 ``Model`` that v2's ``Model`` takes over)."""
        for statement in imports:
            if not statement.startswith("from ") or _imported(self.module, statement):
                continue
            name = statement.rsplit(" import ", 1)[1]
            for other in self.module.nodes_of_class((nodes.AssignName, nodes.FunctionDef, nodes.ClassDef)):
                if other.name == name:
                    return False
            for imported in self.module.nodes_of_class((nodes.Import, nodes.ImportFrom)):
                if any((alias or original.split(".")[0]) == name for original, alias in imported.names) and not (
                        isinstance(imported, nodes.ImportFrom) and catalogue.is_v1_module(imported.modname)):
                    return False
            if any(n.name == name and not any(within(n, outer) for outer in replaced)
                   for n in self.module.nodes_of_class(nodes.Name)):
                return False
        return True

    def _imports_edit(self, statements: list[str]) -> list[Edit]:
        """One insertion of the statements the file lacks: two insertions at one place would conflict."""
        missing = [statement for statement in dict.fromkeys(statements) if self._import(statement)]
        return [_import_edit(self.module, self.lines, "\n".join(missing), at_line_end=True)] if missing else []

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
        fixes = [fixed.get(id(name)) for name in self._uses(target)]
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
                    f.fix = _ScriptRun(self, f.node, qnames).fix()
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
                    f.fix = PipelineRun(self, f.node, qnames).fix()
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
            if not all(name in bound for name in rewrite.placeholders):
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
        text = _SUFFIXED.sub(lambda m: self._suffixed(bound.get(m.group(1)), m), rewrite.template)
        statements = "\n" in text
        if statements:  # indented before the arguments go in: their own lines keep their text
            line = self.lines[node.lineno - 1]
            text = text.replace("\n", "\n" + line[: len(line) - len(line.lstrip())])
        for name in rewrite.placeholders:
            value = bound[name]
            source = self._keyed(value, bound.get(rewrite.key_prefix)) if isinstance(value, tuple) else self._source(value)
            text = text.replace("{" + name + "}", source)
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
        if any("{" + name + "}" in body and not isinstance(bound[name], (nodes.Const, nodes.Name))
               for name in rewrite.placeholders):
            return None
        taken = {n.name for n in self.module.nodes_of_class((nodes.Name, nodes.AssignName))}
        if _bound_names(rewrite) & taken:
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


def import_block(planner: Planner, statements: list[str]) -> list[Edit]:
    """The one edit that adds the ``from m import n`` statements the file lacks."""
    missing = [statement for statement in dict.fromkeys(statements) if planner._import(statement)]
    if not missing:
        return []
    # one insertion, a line per module: two insertions at one place would conflict
    names: dict[str, list[str]] = {}
    for statement in missing:
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
    if names:
        edits.append(planner._import("\n".join(f"from {module} import {', '.join(found)}" for module, found in names.items())))
    return edits


def fixable(fixes: Iterable[Fix | None], unsafe: bool) -> list[Fix]:
    """The fixes ``--fix`` applies (``--unsafe-fixes``: the unsafe ones too)."""
    return [fix for fix in fixes if fix is not None and (unsafe or fix.applicability is Applicability.SAFE)]


_SUBMIT = "azureml.core.experiment.Experiment.submit"
_EXPERIMENT_WORKSPACE = "azureml.core.experiment.Experiment.workspace"
# what a v1 registered model and the v2 one create_or_update returns both hold, alike (the version
# is not: an int in v1, a str in v2)
_SAME_ON_V2_MODEL = frozenset({"name"})
_WORKSPACE_FROM_CONFIG = "azureml.core.workspace.Workspace.from_config"
_EXPERIMENT = "azureml.core.experiment.Experiment"
_SCRIPT_RUN_CONFIG = "azureml.core.script_run_config.ScriptRunConfig"
_CONDA_ENVIRONMENT = "azureml.core.environment.Environment.from_conda_specification"
_RUN_USES = ("azureml.core.run.Run.get_portal_url", "azureml.core.run.Run.wait_for_completion")
ML_CLIENT = "ml_client"


class _NoFix(Exception):
    """The script is not the whole pattern: no fix."""


class _ScriptRun:
    """One submit and the statements it depends on, checked whole and rewritten from the catalogue."""

    def __init__(self, planner: Planner, submit: nodes.Call, qnames: dict[int, str]):
        self.planner, self.submit, self.qnames = planner, submit, qnames
        self.scope = submit.scope()
        self.edits: list[Edit] = []
        self.imports: list[str] = []
        self.unsafe = ["review the environment and compute of the command job"]

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

    def uses(self, assign: nodes.Assign) -> list[nodes.Name]:
        target = assign.targets[0]
        return [n for n in self.planner.module.nodes_of_class(nodes.Name)
                if n.name == target.name and target in n.lookup(n.name)[1]]

    def advice(self, qname: str) -> catalogue.Advice:
        return catalogue.TARGETS[qname][1]

    def write(self, qname: str, bound: dict[str, str], node: nodes.NodeNG, index: int = 0) -> None:
        """Replace ``node`` with the catalogue's rewrite ``index`` of ``qname``, its placeholders from ``bound``."""
        rewrite = self.advice(qname).fixes[index]
        text = rewrite.template
        for name in rewrite.placeholders:
            if name not in bound:
                raise _NoFix
            text = text.replace("{" + name + "}", bound[name])
        if rewrite.applicability is Applicability.UNSAFE:
            self.unsafe.append(rewrite.why)
        self.imports.extend(rewrite.imports)
        self.edits.append(self.planner._replace(node, text))

    def arguments(self, call: nodes.Call, qname: str, allowed: tuple[str, ...]) -> dict[str, nodes.NodeNG]:
        bound = self.planner._bind(call, self.advice(qname))
        if bound is None or any(name not in allowed for name in bound):
            raise _NoFix
        return bound

    def delete(self, statement: nodes.NodeNG) -> None:
        edit = self.planner._delete_statement(statement)
        if edit is None:
            raise _NoFix
        self.edits.append(edit)

    def fix(self) -> Fix:
        source = self.planner._source
        if any(isinstance(n, (nodes.Name, nodes.AssignName)) and n.name == ML_CLIENT
               for n in self.planner.module.nodes_of_class((nodes.Name, nodes.AssignName))):
            raise _NoFix  # the name the fix introduces is taken
        submit_args = self.arguments(self.submit, _SUBMIT, ("config",))
        if not isinstance(self.submit.func, nodes.Attribute) or "config" not in submit_args:
            raise _NoFix
        experiment_assign, experiment_call = self.binding(self.submit.func.expr, _EXPERIMENT)
        config_assign, config_call = self.binding(submit_args["config"], _SCRIPT_RUN_CONFIG)
        experiment = self.arguments(experiment_call, _EXPERIMENT, ("workspace", "name"))
        if set(experiment) != {"workspace", "name"}:
            raise _NoFix
        # every use of the experiment is the one this pattern rewrites
        if [id(n) for n in self.uses(experiment_assign)] != [id(self.submit.func.expr)]:
            raise _NoFix
        config = self.arguments(config_call, _SCRIPT_RUN_CONFIG,
                                ("source_directory", "script", "arguments", "compute_target", "environment"))
        if "source_directory" not in config or self.planner._kind(config.get("script")) != "text":
            raise _NoFix
        environment = self.environment(config_assign, config)
        command = self.command(config)
        placeholders = {"source_directory": source(config["source_directory"]), "command": command,
                        "environment": environment}
        if "compute_target" in config:
            if self.planner._kind(config["compute_target"]) != "text":
                raise _NoFix  # a ComputeTarget object: the compute family's to rewrite
            placeholders["compute_target"] = source(config["compute_target"])
        # the workspace serves the experiment, and any other use of it has its own v2 form
        self.rewrite_workspace(experiment["workspace"], {id(experiment["workspace"])})
        self.delete(experiment_assign)
        self.write(_SCRIPT_RUN_CONFIG, placeholders, config_call, 0 if "compute_target" in config else 1)
        self.write(_SUBMIT, {"config": source(submit_args["config"]), "experiment_name": source(experiment["name"])},
                   self.submit)
        self.run_uses()
        edits = list(self.edits) + self.import_edits()
        return Fix(
            "rewrite the script run as an SDK v2 command job submitted with `ml_client.jobs.create_or_update` "
            f"({'; '.join(self.unsafe)})",
            Applicability.UNSAFE,
            tuple(edits),
        )

    def import_edits(self) -> list[Edit]:
        return import_block(self.planner, self.imports)

    def rewrite_workspace(self, use: nodes.NodeNG, consumed: set[int]) -> None:
        """The workspace handle ``use`` reads, rewritten with every use of it but ``consumed``
        (those this pattern rewrites): v2lint.fix_workspace, the one place that writes it."""
        from v2lint.fix_workspace import binding_of, rewrite_handle

        handle = rewrite_handle(self.planner, binding_of(use, self.qnames), self.qnames, frozenset(consumed))
        self.edits.extend(handle.edits)
        self.imports.extend(handle.imports)
        self.unsafe.extend(handle.unsafe)

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
        env_assign, env_call = self.binding(chosen[0], _CONDA_ENVIRONMENT)
        if len(self.uses(env_assign)) != 1:
            raise _NoFix
        env = self.arguments(env_call, _CONDA_ENVIRONMENT, ("name", "file_path"))
        source = self.planner._source
        self.write(_CONDA_ENVIRONMENT, {"name": source(env["name"]), "file_path": source(env["file_path"]),
                                        "image": f'"{catalogue.V1_DEFAULT_CPU_IMAGE}"'}, env_call)
        for statement in setters:  # config.run_config.environment = env -> config.environment = env
            self.edits.append(self.planner._replace(
                statement, f"{config_assign.targets[0].name}.environment = {source(chosen[0])}"))
        if setters:
            return "None"  # set by the statement that set it in v1, once the environment exists
        return source(chosen[0])

    def command(self, config: dict[str, nodes.NodeNG]) -> str:
        """``"python train.py --alpha 0.5"``: what v1 ran, from the script and literal arguments."""
        script = config["script"]
        if not isinstance(script, nodes.Const):
            raise _NoFix
        parts = ["python", shlex.quote(script.value)]
        arguments = config.get("arguments")
        if arguments is not None:
            if not isinstance(arguments, (nodes.List, nodes.Tuple)):
                raise _NoFix
            for element in arguments.elts:
                if not (isinstance(element, nodes.Const) and isinstance(element.value, (str, int, float))
                        and not isinstance(element.value, bool)):
                    raise _NoFix  # a dataset or a variable: an input of the job, not yet fixed
                parts.append(shlex.quote(str(element.value)))
        return json.dumps(" ".join(parts))

    def run_uses(self) -> None:
        """``run.get_portal_url()`` and ``run.wait_for_completion()``: the returned job's forms."""
        statement = self.submit.parent
        if isinstance(statement, nodes.Expr):
            return
        if not (isinstance(statement, nodes.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], nodes.AssignName)):
            raise _NoFix
        for use in self.uses(statement):
            call = use.parent.parent if isinstance(use.parent, nodes.Attribute) else None
            qname = self.qname(call) if isinstance(call, nodes.Call) and call.func is use.parent else None
            if qname not in _RUN_USES:
                raise _NoFix
            if qname == _RUN_USES[1] and not isinstance(call.parent, nodes.Expr):
                raise _NoFix  # its value (the run's details) has no one-line v2 form
            self.arguments(call, qname, ("show_output",))
            self.write(qname, {"self": use.name}, call)
