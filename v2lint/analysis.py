"""astroid Module -> findings: the only place that decides what is SDK v1.

Names are resolved through imports and astroid inference (with the brain's
stubs of the v1 SDK), never matched as bare text: ``Workspace`` is v1 only when
it resolves to ``azureml.core.workspace.Workspace``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tokenize
from dataclasses import dataclass
from typing import Iterator

import astroid
from astroid import nodes, util
from astroid.context import CallContext, InferenceContext

from v2lint import brain, catalogue, fixes, notebooks, project
from v2lint.project import bindings
from v2lint.catalogue import Advice, Rule, Tier
from v2lint.findings import HIGH, INFERENCE, TOO_DEEP, Finding, Fix, unanalysable
from v2lint.walk import named, nodes_of

log = logging.getLogger(__name__)

# Inference attempts one file may make before the analysis stops with AML000:
# a deterministic bound (not a timer) against pathological inference chains.
MAX_INFERENCES_PER_FILE = 20_000
# How many links of a chain v2lint's own lookups follow where astroid gave up.
_MAX_OWN_DEPTH = 4
# Standard-library functions whose result is (or holds) one of their arguments.
_ARGUMENT_RETURNING = frozenset({
    "typing.cast", "copy.copy", "copy.deepcopy", "functools.partial", "functools.reduce",
    "functools.wraps", "operator.itemgetter", "operator.attrgetter", "random.choice", "random.choices",
    "random.sample", "itertools.chain", "itertools.islice", "itertools.cycle", "itertools.repeat",
    "contextlib.nullcontext", "weakref.proxy", "weakref.ref", "heapq.nlargest", "heapq.nsmallest",
    "collections.deque", "collections.OrderedDict", "collections.ChainMap", "collections.defaultdict",
})
# Builtins whose result holds the elements of their argument.
_SEQUENCE_COPIES = ("list", "tuple", "sorted", "reversed", "set", "iter")

_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})
_V2_ROOT = "azure.ai.ml"
_ENVIRON_QNAMES = frozenset({"os._Environ"})


class AnalysisLimitExceeded(Exception):
    """The per-file inference budget ran out."""


def analyse(module: nodes.Module) -> list[Finding]:
    """All findings of one module, sorted by position. Never raises."""
    try:
        return sorted(_ModuleAnalysis(module).run())
    except AnalysisLimitExceeded:
        return [unanalysable(f"analysis stopped after {MAX_INFERENCES_PER_FILE} inference steps")]
    except RecursionError:
        return [unanalysable(TOO_DEEP)]


class _ModuleAnalysis:
    def __init__(self, module: nodes.Module) -> None:
        self.module = module
        self.findings: list[Finding] = []
        self.inferences = 0
        # local names bound by v1 imports (aliases included): calls through
        # them are candidates even when the alias is not a catalogued name
        self.v1_bound_names: set[str] = set()
        self.v1_imports_outside_guard = False
        self.first_v2_import: nodes.NodeNG | None = None
        # what name resolution found, before the advice step (_advise) decides its advice
        self.found: list[_Found] = []
        self._calls: dict[str, list[nodes.Call]] | None = None
        self._callers: project.ProjectCallers | None = None
        self._sites: dict[tuple[nodes.FunctionDef, bool], list[nodes.Call]] = {}
        self._lines: list[str] | None = None
        self.job_scopes: list[nodes.NodeNG] = []  # where code runs inside a job (the in-job context)
        self._quiet_memo: dict[nodes.NodeNG, bool] = {}
        self._owner_memo: dict[tuple[nodes.NodeNG, bool], list[nodes.NodeNG]] = {}

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Finding]:
        with contextlib.ExitStack() as stack:
            for directory, first in project.added_import_paths(self.module):
                stack.enter_context(project.importable(directory, first))
            return self._run()

    def _run(self) -> list[Finding]:
        for node in nodes_of(self.module, (nodes.Import, nodes.ImportFrom)):
            self._visit_import(node)
        for node in nodes_of(self.module, (nodes.Call, nodes.Attribute, nodes.AssignAttr, nodes.Name, nodes.Assign)):
            try:
                if isinstance(node, nodes.Call):
                    self._visit_call(node)
                elif isinstance(node, (nodes.Attribute, nodes.AssignAttr)):
                    self._visit_attribute(node)
                elif isinstance(node, nodes.Name):
                    self._visit_name(node)
                else:
                    self._visit_assign(node)
            except (AnalysisLimitExceeded, RecursionError):
                raise
            except Exception:  # noqa: BLE001 - astroid may fail on odd code; never crash the host
                log.debug("v2lint: skipped %s at line %s", type(node).__name__, node.lineno, exc_info=True)
        self._members_of_found_calls()
        found = self._one_weak_per_line(_without_class_links(self.found))
        for context in catalogue.ADVICE_CONTEXTS:
            found = self._CONTEXT_STEPS[context.name](self, found)
        self._plan_fixes(found)
        self.findings.extend(_finding(f) for f in found)
        self._mixed_v1_v2()
        return self.findings

    def _add(self, node: nodes.NodeNG, rule: Rule, qname: str, written: str, advice: Advice, confidence: str,
             via: str = "", at: tuple[int, int, int, int] | None = None, weak: bool = False) -> None:
        """``at``: the (line, col, end line, end col) reported, when not the node's own.
        ``weak``: the node only borrows advice or only names a v1 class (annotations,
        isinstance, except): reported once per line, and not at all on a line
        that has a finding of its own."""
        self.found.append(_Found(node, rule, qname, written, advice, confidence, via, at or _position(node), weak or bool(via)))

    # ------------------------------------------------------------------ imports
    def _visit_import(self, node: nodes.Import | nodes.ImportFrom) -> None:
        if isinstance(node, nodes.Import):
            for name, asname in node.names:
                self._check_v2_import(node, name)
                if catalogue.is_v1_module(name):
                    self._v1_import(node, name, name, catalogue.module_advice(name))
                    self.v1_bound_names.add(asname or name.split(".")[0])
            return
        if node.level:  # relative imports are the project's own code
            return
        self._check_v2_import(node, node.modname)
        if not catalogue.is_v1_module(node.modname):
            return
        # a name on its own line of a parenthesised import is reported there
        where = self._imported_name_positions(node) if node.end_lineno != node.lineno else {}
        for name, asname in node.names:
            if name == "*":
                self._v1_import(node, node.modname, f"from {node.modname} import *", catalogue.module_advice(node.modname))
                continue
            self.v1_bound_names.add(asname or name)
            qname = self._imported_qname(node, name)
            target = catalogue.TARGETS.get(qname)
            advice = target[1] if target else catalogue.module_advice(qname)
            self._v1_import(node, qname, name, advice, where.get(name))
        if where and all(line != node.lineno for line, *_ in where.values()):
            # ``from azureml.train.hyperdrive import (`` names the v1 module on a line of its own
            module_end = (node.lineno, node.col_offset, node.lineno, len(self._source_lines()[node.lineno - 1].encode()))
            self._add(node, catalogue.IMPORT, node.modname, node.modname,
                      catalogue.module_advice(node.modname), HIGH, at=module_end, weak=True)

    def _v1_import(self, node: nodes.NodeNG, qname: str, written: str, advice: Advice,
                   at: tuple[int, int, int, int] | None = None) -> None:
        if not _in_compat_guard(node):
            self.v1_imports_outside_guard = True
        self._add(node, catalogue.IMPORT, qname, written, advice, HIGH, at=at)

    def _imported_name_positions(self, node: nodes.ImportFrom) -> dict[str, tuple[int, int, int, int]]:
        """Where each name of a multi-line ``from m import (a, b as c)`` is written
        (astroid keeps only the statement's position)."""
        lines = self._source_lines()[node.lineno - 1: node.end_lineno]
        positions: dict[str, tuple[int, int, int, int]] = {}
        try:
            tokens = list(tokenize.generate_tokens(iter([line + "\n" for line in lines]).__next__))
        except (tokenize.TokenError, SyntaxError):
            return positions
        names = [t for t in tokens if t.type == tokenize.NAME]
        keywords = [i for i, t in enumerate(names) if t.string == "import"]
        if not keywords:
            return positions
        after_as = False
        for token in names[keywords[0] + 1:]:
            if token.string == "as":
                after_as = True
                continue
            if not after_as:
                (row, col), (_, end_col) = token.start, token.end
                text = lines[row - 1]  # columns in UTF-8 bytes, as astroid counts them
                start, end = len(text[:col].encode()), len(text[:end_col].encode())
                positions.setdefault(token.string, (node.lineno + row - 1, start, node.lineno + row - 1, end))
            after_as = False
        return positions

    def _source_lines(self) -> list[str]:
        if self._lines is None:
            try:
                with self.module.stream() as stream:
                    self._lines = notebooks.split_lines(stream.read().decode("utf-8", errors="replace"))
            except (OSError, AttributeError):
                self._lines = []
        return self._lines

    def _check_v2_import(self, node: nodes.NodeNG, modname: str) -> None:
        if (modname == _V2_ROOT or modname.startswith(_V2_ROOT + ".")) and self.first_v2_import is None:
            if not _in_compat_guard_body(node):
                self.first_v2_import = node

    def _imported_qname(self, node: nodes.ImportFrom, name: str) -> str:
        """Canonical name of ``from module import name``, through re-exports."""
        fallback = f"{node.modname}.{name}"
        if not brain.models(node.modname):
            return fallback  # an unmodelled v1 module: the real one, when installed, must not change the name
        try:
            module = node.do_import_module(node.modname)
            for value in module.igetattr(name):
                if isinstance(value, (nodes.ClassDef, nodes.FunctionDef, nodes.Module)) and _modelled(value):
                    return value.qname()
        except Exception:  # noqa: BLE001 - unresolvable: keep the written name
            pass
        return fallback

    # ------------------------------------------------------------------ calls and attributes
    def _visit_call(self, node: nodes.Call) -> None:
        func = node.func
        if isinstance(func, nodes.Attribute):
            self._deprecation_env_call(node)
            if not self._worth_resolving(func.attrname) and not self._is_v1_bound(func):
                return
            if self._quiet(func.expr):
                return
            resolved = self._resolve_member(func.expr, func.attrname) or self._import_rooted(func)
        elif isinstance(func, nodes.Name):
            if func.name not in catalogue.CANDIDATE_NAMES and func.name not in self.v1_bound_names:
                return
            resolved = self._resolve_value(func) or self._import_rooted(func)
        else:
            return
        if resolved is None:
            return
        if resolved.via:
            self._report(node, resolved, func.as_string(), weak=True)
            return
        qname, rule, advice = resolved.qname, resolved.rule, resolved.advice
        for keyword in node.keywords or ():
            key = f"{resolved.qname}({keyword.arg})"
            keyed = catalogue.TARGETS.get(key)
            if not keyed:
                continue
            if key == catalogue.LEGACY_MODE_TARGET or keyed[0] is resolved.rule:
                # the keyword says what the call is (it enables v2; PipelineData(training_output=)
                # is a training node's output): the call's own advice would be wrong
                rule, advice, qname = *keyed, key
            else:  # a keyword with advice of its own (another rule's) is reported where it is written
                self._add(keyword, keyed[0], key, f"{keyword.arg}=", keyed[1], resolved.confidence)
        self._add(node, rule, qname, func.as_string(), advice, resolved.confidence)

    def _visit_attribute(self, node: nodes.Attribute | nodes.AssignAttr) -> None:
        """Reads (``run.id``, ``run.experiment.workspace``) and writes
        (``config.run_config.environment = env``) of v1 members."""
        parent = node.parent
        if isinstance(parent, nodes.Call) and parent.func is node:
            return  # the call reports it
        if not self._worth_resolving(node.attrname) and not self._is_v1_bound(node):
            return
        if self._quiet(node.expr):
            return
        # a link inside a chain (``aml.Workspace`` of ``aml.Workspace.from_config()``)
        # only borrows advice: the chain's own finding on the line says more
        inner = isinstance(parent, nodes.Attribute) and parent.expr is node
        resolved = self._resolve_member(node.expr, node.attrname, inner_link=inner)
        if resolved is None and not inner:
            resolved = self._import_rooted(node)
        if resolved is not None:
            self._report(node, resolved, node.as_string(), weak=False)

    def _visit_name(self, node: nodes.Name) -> None:
        """References that are not calls: ``except ComputeTargetException:``,
        ``isinstance(x, AmlCompute)``, ``class MyStep(PythonScriptStep)``."""
        if node.name not in self.v1_bound_names:
            return
        parent = node.parent
        if isinstance(parent, nodes.Call) and parent.func is node:
            return  # the call reports it
        if isinstance(parent, nodes.Attribute) and parent.expr is node and parent.end_lineno == node.lineno:
            return  # the attribute reports it (on a later line, ``Environment. \``, it does not cover this one)
        resolved = self._resolve_value(node) or self._import_rooted(node)
        if resolved is not None:
            self._report(node, resolved, node.name, weak=True)

    def _members_of_found_calls(self) -> None:
        """Members the stubs cannot name, on a name assigned from a call already
        found to be v1 (``run = Run.get(ws, run_id)``, ``isd = NoaaIsdWeather()``):
        a member the stub class lacks (``run.get_outputs()`` of the runtime
        StepRun, ``pipeline._set_experiment_name``) borrows its class's advice;
        any member of what an unmodelled v1 module returns, the module's."""
        calls = {f.node for f in self.found if isinstance(f.node, nodes.Call)}
        if not calls:
            return
        reported = {f.node for f in self.found}
        for node in nodes_of(self.module, (nodes.Attribute, nodes.AssignAttr)):
            parent = node.parent
            whole = parent if isinstance(parent, nodes.Call) and parent.func is node else node
            name = node.attrname
            if (whole in reported or node in reported or not isinstance(node.expr, nodes.Name)
                    or (name.startswith("__") and name.endswith("__"))):
                continue
            sources = _assigned_from(node.expr, calls)
            if not sources:
                continue
            try:
                resolved = self._missing_member(node.expr, name) or self._unmodelled_member(sources, name)
            except (AnalysisLimitExceeded, RecursionError):
                raise
            except Exception:  # noqa: BLE001 - odd code: no finding rather than a crash
                continue
            if resolved is not None:
                self._add(whole, resolved.rule, resolved.qname, whole.as_string() if whole is node else node.as_string(),
                          resolved.advice, resolved.confidence, resolved.via, weak=True)

    def _missing_member(self, receiver: nodes.Name, attrname: str) -> _Resolved | None:
        """``attrname`` on a v1 instance whose stub class does not define it."""
        for owner in self._owners(receiver):
            cls = getattr(owner, "_proxied", None)
            if isinstance(owner, astroid.Instance) and isinstance(cls, nodes.ClassDef) and _modelled(cls) and _is_v1(cls):
                defining = _defining_class(cls, attrname)
                if defining is None or (_is_v1(defining) and attrname.startswith("_")):
                    return _borrowed(f"{cls.qname()}.{attrname}", cls, cls.root().name, INFERENCE)
        return None

    def _unmodelled_member(self, sources: list[nodes.Call], attrname: str) -> _Resolved | None:
        """Any member but a builtin container's of what a call into an unmodelled v1 module returns."""
        if attrname in _BUILTIN_MEMBERS:
            return None  # scores.items(): a dict v1 returned says nothing v1 of its own
        for call in sources:
            rooted = self._import_rooted(call.func)
            module = rooted.via.split(":", 1)[1] if rooted is not None and rooted.via.startswith("module:") else None
            if module and not brain.models(module):
                return _Resolved(f"{rooted.qname}().{attrname}", catalogue.MEMBER, catalogue.module_advice(rooted.qname),
                                 INFERENCE, via=f"returned:{module}")
            # a class with advice of its own in an unmodelled module (MimicWrapper): its members borrow it
            if rooted is not None and not rooted.via and not brain.models(
                    rooted.qname.rsplit(".", 1)[0]):
                return _Resolved(f"{rooted.qname}.{attrname}", rooted.rule, rooted.advice, INFERENCE,
                                 via=f"class:{rooted.qname}")
        return None

    def _import_rooted(self, expr: nodes.NodeNG) -> _Resolved | None:
        """What inference cannot follow but the import proves: a chain rooted at a
        name a v1 import bound, such as ``DEFAULT_CPU_IMAGE`` after ``from
        azureml.core.runconfig import DEFAULT_CPU_IMAGE``, or ``scoring.score_regression``
        after ``from azureml.automl.runtime.shared.score import scoring`` (a v1
        module the stubs do not model)."""
        expr, parts = _dotted(expr)
        if not isinstance(expr, nodes.Name) or expr.name not in self.v1_bound_names:
            return None
        for binding in bindings(expr):
            imported = _imported_as(binding, expr.name)
            if imported is None or not catalogue.is_v1_module(imported[0]):
                continue
            module, prefix = imported
            qname = ".".join([prefix, *parts])
            if prefix == expr.name and module != expr.name:  # ``import azureml.core``: the chain names the module
                module = ".".join(qname.split(".")[: module.count(".") + 1])
            target = catalogue.TARGETS.get(qname)
            if target:  # an annotation such as ``grain: GrainType``
                return _Resolved(qname, *target, HIGH)
            own = catalogue.unmodelled_advice(qname)
            if own is not None:  # a name the stubs do not model, with advice of its own
                return _Resolved(qname, catalogue.MEMBER, own, HIGH)
            return _borrowed(qname, None, module, HIGH)
        return None

    def _report(self, node: nodes.NodeNG, resolved: _Resolved, written: str, weak: bool) -> None:
        self._add(node, resolved.rule, resolved.qname, written, resolved.advice, resolved.confidence,
                  resolved.via, weak=weak)

    @staticmethod
    def _worth_resolving(attrname: str) -> bool:
        return attrname in catalogue.CANDIDATE_NAMES or attrname in brain.member_names()

    def _quiet(self, expr: nodes.NodeNG) -> bool:
        """Whether ``expr`` provably holds no v1 object, by a cheap pass over the
        tree (no inference): it is built only from literals, builtins, the standard
        library (``os.path.join``, ``parser.parse_args().name``) and v2-era
        ``azureml`` packages, through assignments, loops and operators. Everything
        else (parameters, third-party and project imports, user functions and
        classes) is left to inference."""
        try:
            return self._quiet_expr(expr)
        except RecursionError:
            return False

    def _quiet_expr(self, expr: nodes.NodeNG) -> bool:
        known = self._quiet_memo.get(expr)
        if known is not None:
            return known
        self._quiet_memo[expr] = True  # a cycle (x = x.parent) adds no v1 source of its own
        quiet = self._quiet_memo[expr] = self._quiet_uncached(expr)
        return quiet

    def _quiet_uncached(self, expr: nodes.NodeNG) -> bool:
        if isinstance(expr, (nodes.Const, nodes.JoinedStr, nodes.Compare, nodes.Slice)):
            return True
        if isinstance(expr, nodes.Name):
            return all(self._quiet_binding(a) for a in bindings(expr))
        if isinstance(expr, (nodes.Attribute, nodes.Subscript, nodes.Starred)):
            return self._quiet_expr(expr.value if not isinstance(expr, nodes.Attribute) else expr.expr)
        if isinstance(expr, nodes.Call):
            if self._standard_library_function(expr.func):
                return True  # re.search(pattern, text), json.load(f): a standard-library result
            if self._quiet_user_function(expr.func):
                return True  # args = parse_arguments(): what it returns is quiet, whatever it is passed
            parts = [expr.func, *(expr.args or ()), *(k.value for k in expr.keywords or ())]
        elif isinstance(expr, (nodes.List, nodes.Tuple, nodes.Set)):
            parts = expr.elts
        elif isinstance(expr, nodes.Dict):
            parts = [part for pair in expr.items for part in pair if not isinstance(part, nodes.DictUnpack)]
        elif isinstance(expr, nodes.BinOp):
            parts = [expr.left, expr.right]
        elif isinstance(expr, nodes.BoolOp):
            parts = expr.values
        elif isinstance(expr, nodes.UnaryOp):
            parts = [expr.operand]
        elif isinstance(expr, nodes.IfExp):
            parts = [expr.body, expr.orelse]
        elif isinstance(expr, (nodes.ListComp, nodes.SetComp, nodes.GeneratorExp)):
            parts = [expr.elt]
        elif isinstance(expr, nodes.DictComp):
            parts = [expr.key, expr.value]
        else:
            return False
        return all(self._quiet_expr(part) for part in parts)

    @staticmethod
    def _standard_library_function(func: nodes.NodeNG) -> bool:
        """A function reached through a standard-library import (``re.search``,
        ``from json import load``), other than the few whose result is an argument
        (``typing.cast``, ``copy.copy``, ``functools.partial`` ...). Builtins are
        not: ``list(runs)`` and ``getattr(run, name)`` hold what they are given."""
        func, chain = _dotted(func)
        if not isinstance(func, nodes.Name):
            return False
        found = bindings(func)
        for binding in found:
            imported = _imported_as(binding, func.name)
            if imported is None:  # not an import: user code
                return False
            module, prefix = imported
            if module.split(".")[0] not in sys.stdlib_module_names or ".".join([prefix, *chain]) in _ARGUMENT_RETURNING:
                return False
        return bool(found)

    def _quiet_user_function(self, func: nodes.NodeNG) -> bool:
        """A plain function of the project's file (no decorator, not a method)
        whose every ``return`` and ``yield`` value is quiet: its calls are too."""
        found = bindings(func)
        for function in found:
            if (type(function) is not nodes.FunctionDef or function.root() is not func.root()
                    or function.decorators or function.is_method()):
                return False  # a builtin has no body to read
            for exit_ in function.nodes_of_class((nodes.Return, nodes.Yield, nodes.YieldFrom)):
                if exit_.value is not None and exit_.scope() is function and not self._quiet_expr(exit_.value):
                    return False
        return bool(found)

    def _quiet_binding(self, binding: nodes.NodeNG) -> bool:
        """Whether a binding of a name (what ``lookup`` finds) can give it no v1 object."""
        if binding.root().name == "builtins":
            return True
        if isinstance(binding, nodes.Import):
            return all(_quiet_module(name) for name, _ in binding.names)
        if isinstance(binding, nodes.ImportFrom):
            return not binding.level and _quiet_module(binding.modname) and all(
                _quiet_module(f"{binding.modname}.{name}") for name, _ in binding.names
            )
        if not isinstance(binding, nodes.AssignName):
            return False  # a def, a class, a global: user code may return v1 objects
        parent = binding.parent
        while isinstance(parent, (nodes.Tuple, nodes.List, nodes.Starred)):
            parent = parent.parent  # a, b = ...
        if isinstance(parent, (nodes.Assign, nodes.AugAssign, nodes.NamedExpr)):
            if isinstance(parent.value, (nodes.List, nodes.Set, nodes.Dict)) and _mutated(binding):
                return False  # runs = []; runs.append(run): the literal says nothing of the contents
            return self._quiet_expr(parent.value)
        if isinstance(parent, nodes.AnnAssign):
            return parent.value is not None and self._quiet_expr(parent.value) and self._quiet_expr(parent.annotation)
        if isinstance(parent, (nodes.For, nodes.Comprehension)):
            return self._quiet_expr(parent.iter)
        if isinstance(parent, nodes.With):
            return all(self._quiet_expr(item) for item, _ in parent.items)
        return False  # a parameter, an exception caught: left to inference

    def _resolve_member(self, receiver: nodes.NodeNG, attrname: str, inner_link: bool = False) -> _Resolved | None:
        """Resolve ``receiver.attrname``: its own catalogue target, else (a
        member of a v1 class or module without one) the advice it borrows.
        ``inner_link``: ``receiver.attrname`` is itself the receiver of another attribute."""
        confidence = HIGH if self._is_import_bound(receiver) else INFERENCE
        for owner in self._owners(receiver):
            if isinstance(owner, nodes.Module):
                if not catalogue.is_v1_module(owner.name):
                    continue
                qname = f"{owner.name}.{attrname}"
                target = catalogue.TARGETS.get(qname)
                if target:  # a module constant such as azureml.core.VERSION
                    return _Resolved(qname, *target, confidence)
                if not brain.models(owner.name):
                    continue  # left to the import-rooted chain, SDK installed or not
                try:
                    values = list(owner.igetattr(attrname))
                except (astroid.InferenceError, astroid.AttributeInferenceError):
                    continue
                for value in values:
                    self._count()
                    if isinstance(value, (nodes.ClassDef, nodes.FunctionDef)) and _modelled(value):
                        return _definition(value, confidence, borrow=inner_link)
                    if not attrname.startswith("_") and attrname in owner.locals:  # a module constant
                        return _borrowed(qname, None, owner.name, confidence)
                continue
            cls = owner if isinstance(owner, nodes.ClassDef) else getattr(owner, "_proxied", None)
            if not isinstance(cls, nodes.ClassDef) or not _modelled(cls):
                continue
            defining = _defining_class(cls, attrname)
            for klass in brain.mro(cls):
                qname = f"{klass.qname()}.{attrname}"
                target = catalogue.TARGETS.get(qname)
                if target:
                    return _Resolved(qname, *target, confidence)
                own = catalogue.TARGETS.get(klass.qname())
                if own and own[1].tier is Tier.NO_EQUIVALENT and defining is not None and _is_v1(defining):
                    # a member of a class with no v2 equivalent (an AdlaCompute's wait_for_completion)
                    # has none either, whatever its base class's member has
                    return _Resolved(f"{defining.qname()}.{attrname}", *own, confidence, via=f"class:{klass.qname()}")
            if defining is not None and _is_v1(defining) and not attrname.startswith("_"):
                return _borrowed(f"{defining.qname()}.{attrname}", cls, defining.root().name, confidence)
        return None

    def _resolve_value(self, name: nodes.Name) -> _Resolved | None:
        confidence = HIGH if self._is_import_bound(name) else INFERENCE
        for value in self._infer(name):
            if isinstance(value, (nodes.ClassDef, nodes.FunctionDef)) and _modelled(value) and (
                value.qname() in catalogue.TARGETS or _is_v1(value)
            ):
                return _definition(value, confidence)
        return None


    # ------------------------------------------------------------------ AML003
    def _visit_assign(self, node: nodes.Assign) -> None:
        for target in node.targets:
            if isinstance(target, nodes.Subscript):
                self._deprecation_env(node, target.value, target.slice)

    def _deprecation_env_call(self, call: nodes.Call) -> None:
        func = call.func
        if func.attrname in ("setdefault", "__setitem__") and call.args:
            self._deprecation_env(call, func.expr, call.args[0])
        elif func.attrname == "putenv" and call.args:
            for value in self._infer(func.expr):
                if isinstance(value, nodes.Module) and value.name == "os":
                    self._deprecation_warning(call, call.args[0])
                    return

    def _deprecation_env(self, node: nodes.NodeNG, mapping: nodes.NodeNG, key: nodes.NodeNG) -> None:
        if not (isinstance(key, nodes.Const) and key.value in catalogue.WARNING_SILENCED.targets):
            return
        for value in self._infer(mapping):
            cls = getattr(value, "_proxied", None)
            if isinstance(cls, nodes.ClassDef) and cls.qname() in _ENVIRON_QNAMES:
                self._deprecation_warning(node, key)
                return

    def _deprecation_warning(self, node: nodes.NodeNG, key: nodes.NodeNG) -> None:
        rule = catalogue.WARNING_SILENCED
        if isinstance(key, nodes.Const) and key.value in rule.targets:
            self._add(node, rule, key.value, key.value, rule.targets[key.value], HIGH)

    # ------------------------------------------------------------------ file-level rules
    def _mixed_v1_v2(self) -> None:
        if self.v1_imports_outside_guard and self.first_v2_import is not None:
            node = self.first_v2_import
            rule = catalogue.MIXED_SDKS
            self.findings.append(Finding(node.lineno, node.col_offset, rule.code, _V2_ROOT, _V2_ROOT,
                                         rule.targets[_V2_ROOT].text, HIGH, node.end_lineno, node.end_col_offset))

    @staticmethod
    def _one_weak_per_line(found: list[_Found]) -> list[_Found]:
        """A line is reported once for what it only touches or names
        (``run.experiment.workspace`` is one finding, not two), and not at all
        when it has a finding of its own (a call, an import)."""
        strong = {f.at[0] for f in found if not f.weak}
        seen: set[int] = set()
        kept = []
        for f in sorted(found, key=lambda f: (f.at[:2], f.rule.code, f.qname, f.written)):
            if f.weak:
                if f.at[0] in strong or f.at[0] in seen:
                    continue
                seen.add(f.at[0])
            kept.append(f)
        return kept

    # ------------------------------------------------------------------ the advice step
    # Name resolution decided what each node is; the contexts of the catalogue
    # (catalogue.ADVICE_CONTEXTS, in that order) decide what advice it gets.
    def _argument_kind(self, found: list[_Found]) -> list[_Found]:
        """``Experiment.submit(config)``, ``ComputeTarget.attach(ws, name, config)``:
        the advice for the kind of the argument's class (catalogue.ARGUMENT_KINDS);
        ``AutoMLConfig(task="forecasting")``: the advice for a literal argument
        (catalogue.LITERAL_KINDS), and the submit of such a config that task's job."""
        for f in found:
            kinds = catalogue.ARGUMENT_KINDS.get(f.qname)
            if kinds is not None and not f.via and isinstance(f.node, nodes.Call):
                self._count()
                typed = catalogue.TYPED_RETURNS[f.qname]
                try:
                    f.advice = brain.argument_class_lookup(f.node, kinds, typed.argument, typed.position) or f.advice
                except astroid.InferenceError:
                    pass
            if f.advice is catalogue.SUBMIT_JOB_KINDS[catalogue.AUTOML_CONFIG] and isinstance(f.node, nodes.Call):
                f.advice = self._submitted_task(f.node) or f.advice
            literal = catalogue.LITERAL_KINDS.get(f.qname)
            if literal is not None and not f.via and isinstance(f.node, nodes.Call):
                name, position, advices = literal
                f.advice = advices.get(_literal(f.node, name, position), f.advice)
        return found

    def _submitted_task(self, submit: nodes.Call) -> Advice | None:
        """``experiment.submit(config)`` of ``config = AutoMLConfig(task="forecasting", ...)``: that task's job."""
        name, position, tasks = catalogue.LITERAL_KINDS[catalogue.AUTOML_CONFIG]
        found = set()
        for call in _assigned_calls(brain.argument_node(submit, "config", 0)):
            task = _literal(call, name, position)
            if task not in catalogue.SUBMIT_TASK_KINDS:
                return None
            found.add(task)
        return catalogue.SUBMIT_TASK_KINDS[found.pop()] if len(found) == 1 else None

    def _spark_run(self, found: list[_Found]) -> list[_Found]:
        """``RunConfiguration(framework="pyspark")``: in a file whose every run configuration
        runs on PySpark, the configuration, the ScriptRunConfig and the submit make a Spark job."""
        name, position, framework = catalogue.SPARK_FRAMEWORK
        configs = [f.node for f in found if f.qname == catalogue.RUN_CONFIGURATION and not f.via
                   and f.rule is not catalogue.IMPORT and isinstance(f.node, nodes.Call)]
        for call in configs:
            if (_literal(call, name, position) or "").lower() != framework:
                return found
        for f in found if configs else ():
            advice = catalogue.SPARK_RUN_ADVICE.get(f.qname)
            if advice is not None and not f.via:
                f.advice = advice
        return found

    def _no_equivalent_pipeline(self, found: list[_Found]) -> list[_Found]:
        """A file whose every pipeline step has no v2 equivalent (a pipeline of DatabricksSteps):
        there is no v2 pipeline to build, so its Pipeline and submits have none either."""
        steps = [f for f in found if f.rule is not catalogue.IMPORT and isinstance(f.node, nodes.Call) and not f.via
                 and f.qname.startswith(catalogue.STEPS_MODULE) and f.qname.rsplit(".", 1)[-1].endswith("Step")]
        if not steps or any((f.advice.tier or f.rule.tier) is not Tier.NO_EQUIVALENT for f in steps):
            return found
        pipeline_submit = catalogue.SUBMIT_JOB_KINDS[catalogue.PIPELINE_TARGET]
        for f in found:
            if f.qname in catalogue.NO_EQUIVALENT_PIPELINE_TARGETS and not f.via and (
                    f.qname != catalogue.EXPERIMENT + ".submit" or f.advice is pipeline_submit):
                f.advice = catalogue.NO_EQUIVALENT_PIPELINE_ADVICE
        return found

    def _database_datastore(self, found: list[_Found]) -> list[_Found]:
        """``try: ds = Datastore.get(ws, name) except ...: ds = Datastore.register_azure_sql_database(...)``:
        the datastore got is a database, which SDK v2 has no datastore for."""
        registers = {id(f.node) for f in found if f.qname in catalogue.DATABASE_REGISTERS and isinstance(f.node, nodes.Call)}
        if not registers:
            return found
        for f in found:
            assign = f.node.parent
            if not (f.qname in catalogue.DATASTORE_GETS and isinstance(f.node, nodes.Call) and not f.via
                    and isinstance(assign, nodes.Assign) and len(assign.targets) == 1
                    and isinstance(assign.targets[0], nodes.AssignName)):
                continue
            target = assign.targets[0]
            others = target.scope().locals.get(target.name, [])
            if any(isinstance(o.parent, nodes.Assign) and id(o.parent.value) in registers for o in others):
                f.advice = catalogue.DATABASE_DATASTORE_ADVICE
        return found

    def _read_experiment(self, found: list[_Found]) -> list[_Found]:
        """``Experiment(ws, name)`` in a file that submits nothing to it: an MLflow experiment
        where the file logs in it (``start_logging()``), else the name to find jobs with
        (``get_runs()``, ``Run(experiment, run_id)``), not to submit them under."""
        qnames = {f.qname for f in found}
        reattaches = {f.qname for f in found if isinstance(f.node, nodes.Call) and f.rule is not catalogue.IMPORT}
        if reattaches & catalogue.EXPERIMENT_REATTACHES:
            # ws.experiments[name] looks up an existing experiment: beside Run(experiment, run_id) it
            # serves the re-attach, even in a file that also submits under an Experiment(...)
            for f in found:
                if f.qname == catalogue.EXPERIMENT_LOOKUP and not f.via:
                    f.advice = catalogue.REATTACH_EXPERIMENT_ADVICE
        if catalogue.EXPERIMENT_SUBMIT in qnames:
            return found
        if catalogue.EXPERIMENT_LOGS in qnames:  # exp.start_logging(): an MLflow experiment logged in interactively
            advice = catalogue.INTERACTIVE_EXPERIMENT_ADVICE
        elif qnames & catalogue.EXPERIMENT_READS:
            advice = catalogue.READ_EXPERIMENT_ADVICE
        elif reattaches & catalogue.EXPERIMENT_REATTACHES:  # Run(experiment, run_id) only: the experiment serves the re-attach
            advice = catalogue.REATTACH_EXPERIMENT_ADVICE
        else:
            return found
        uses = [f for f in found if f.qname == catalogue.EXPERIMENT and f.rule is not catalogue.IMPORT]
        for f in uses:
            if isinstance(f.node, nodes.Call):
                f.advice = advice
        if uses and all(isinstance(f.node, nodes.Call) for f in uses):  # its import too, when it serves only that
            for f in found:
                if f.qname == catalogue.EXPERIMENT and f.rule is catalogue.IMPORT:
                    f.advice = advice
        return found

    def _many_models_settings(self, found: list[_Found]) -> list[_Found]:
        """``HTSTrainParameters(automl_settings=AutoMLConfig(...))``: the AutoMLConfig
        is settings for the many-models components, not an AutoML job."""
        settings = set()
        for f in found:
            if f.qname in catalogue.MANY_MODELS_PARAMETERS:
                call = f.node if isinstance(f.node, nodes.Call) else f.node.parent
                value = next((k.value for k in getattr(call, "keywords", None) or () if k.arg == "automl_settings"), None)
                settings.update(_assigned_calls(value))
        if not settings:
            return found
        # the ForecastingParameters of those settings go into the components' automl_config YAML
        forecasting = set()
        for call in settings:
            value = next((k.value for k in call.keywords or () if k.arg == "forecasting_parameters"), None)
            forecasting.update(_assigned_calls(value))
        for qname, calls, advice in ((catalogue.AUTOML_CONFIG, settings, catalogue.MANY_MODELS_ADVICE),
                                     (catalogue.FORECASTING_PARAMETERS, forecasting, catalogue.MANY_MODELS_FORECASTING_ADVICE)):
            uses = [f for f in found if f.qname == qname and f.rule is not catalogue.IMPORT]
            # its import too, when every use of the name is one of these
            only_these = bool(uses) and all(_call_of(f.node) in calls for f in uses)
            for f in found:
                if f.qname == qname and (_call_of(f.node) in calls or (f.rule is catalogue.IMPORT and only_these)):
                    f.advice = advice
        return found

    def _in_job(self, found: list[_Found]) -> list[_Found]:
        """Code that runs inside a job gets the MLflow / job-input advice
        instead of the MLClient one."""
        # a script whose v1 code outside functions is only imports runs in the job as a whole
        # (train.py's main(), a parallel entry script's init() and run())
        script = not any(f.rule is not catalogue.IMPORT and isinstance(f.node.scope(), nodes.Module) for f in found)
        scopes = [self.module if script else _job_scope(f.node) for f in found if f.qname == catalogue.RUN_CONTEXT_TARGET]
        scopes += [function for function in nodes_of(self.module, nodes.FunctionDef) if _job_decorated(function)]
        self.job_scopes = scopes
        if not scopes:
            return found
        for f in found:
            key = f.via.split(":", 1)[1] if f.via.startswith("class:") else f.qname
            advice = catalogue.IN_JOB_ADVICE.get(key)
            if advice and any(_within(f.node, scope) for scope in scopes):
                f.advice = advice
        return found

    def _fetched_run(self, found: list[_Found]) -> list[_Found]:
        """A member of the run of a job that ran elsewhere (``run = experiment.submit(...)``,
        ``best_run, model = automl_run.get_output()``), outside in-job code: logging to it
        names the run, and an AutoML best child is reached through its parent's tag."""
        sources = {f.node: _run_kind(f.qname, f.node) for f in found
                   if f.qname in catalogue.RUN_SOURCES and isinstance(f.node, nodes.Call)}
        if not sources:
            return found
        for f in found:
            member = f.node.func if isinstance(f.node, nodes.Call) else f.node
            owner = f.via.split(":", 1)[1] if f.via.startswith("class:") else f.qname.rsplit(".", 1)[0]
            if (not isinstance(member, (nodes.Attribute, nodes.AssignAttr)) or not isinstance(member.expr, nodes.Name)
                    or owner != catalogue.RUN_TARGET or any(_within(f.node, scope) for scope in self.job_scopes)):
                continue
            kind = _run_source(member.expr, sources)
            if kind is None:
                continue
            if kind is catalogue.RunKind.INTERACTIVE:  # an MLflow run: its own advice fits but for its children
                advice = catalogue.INTERACTIVE_RUN_ADVICE.get(f.qname)
            elif kind is catalogue.RunKind.CHILD:
                advice = catalogue.CHILD_RUN_ADVICE.get(f.qname) or catalogue.FETCHED_RUN_ADVICE.get(f.qname)
            else:
                advice = catalogue.FETCHED_RUN_ADVICE.get(f.qname)
            if kind is catalogue.RunKind.BEST_CHILD:
                special = catalogue.BEST_CHILD_ADVICE.get(f.qname)
                if special is None and f.via:  # a borrowed member: the best child job itself
                    special = catalogue.BEST_CHILD_ADVICE[catalogue.RUN_TARGET]
                if special is None:
                    base = advice or f.advice
                    special = Advice(base.text + catalogue.BEST_CHILD_NOTE, base.tier, base.renames, base.positional)
                advice = special
            if advice is not None:
                f.advice, f.via = advice, ""
        return found

    def _scoring_script(self, found: list[_Found]) -> list[_Found]:
        """An entry script (init() and run() at module level) runs at inference
        time: what only a training-time job replaces gets the scoring advice."""
        defined = {n.name for n in self.module.body if isinstance(n, nodes.FunctionDef)}
        if not {"init", "run"} <= defined:
            return found
        for f in found:
            f.advice = catalogue.scoring_advice(f.qname) or f.advice
        return found

    def _legacy_mode(self, found: list[_Found]) -> list[_Found]:
        """A file whose only v1 work is enabling v2 is informational throughout."""
        rule = catalogue.LEGACY_MODE
        if not any(f.rule is rule for f in found) or any(f.rule.code not in catalogue.LEGACY_MODE_CODES for f in found):
            return found
        for f in found:
            if f.rule is not rule:
                f.rule, f.advice = rule, catalogue.LEGACY_MODE_SUPPORT
        return found

    def _compat_guard(self, found: list[_Found]) -> list[_Found]:
        """A v1 import that only backs up an azure.ai.ml import: remove it, and what replaces it."""
        guard = catalogue.COMPAT_GUARD
        for f in found:
            if _in_compat_guard(f.node):
                remove = guard.targets["azureml"].text
                if f.advice.tier is Tier.REPLACEMENT:
                    f.advice = catalogue.note(f"{remove} (in SDK v2, use {f.advice.text})")
                elif f.advice.tier is Tier.NO_EQUIVALENT:
                    f.advice = catalogue.note(f"{remove} (SDK v2 has no equivalent: {f.advice.text})")
                f.rule = guard
        return found

    def _one_member_import(self, found: list[_Found]) -> list[_Found]:
        """``import azureml.core`` used only for ``azureml.core.VERSION``, ``from azureml.core
        import Model`` only for ``Model.deploy(...)``: the import gets the advice of that member
        (the finding of each use's whole chain as written); a name imported and never read,
        the advice to remove the import."""
        by_node = {id(f.node): f for f in found if f.rule is not catalogue.IMPORT}
        for f in found:
            bound = _bound_name(f) if f.rule is catalogue.IMPORT else None
            if bound is None:
                continue
            uses = [use for use in named(self.module, bound) if f.node in use.lookup(bound)[1]]
            if not uses:
                if _may_remove(f.node, bound):
                    f.advice = catalogue.UNUSED_IMPORT_ADVICE
                continue
            target = catalogue.TARGETS.get(f.qname)
            if f.advice != (target[1] if target else catalogue.module_advice(f.qname)):
                continue  # an earlier context chose it (the in-job advice of Run)
            members = [_member_of(use, f.qname, by_node) for use in uses]
            if None not in members and len({(member.qname, written) for member, written in members}) == 1:
                member, written = members[0]
                f.advice = catalogue.only_member_advice(member.advice, member.rule.tier, written)
        return found

    def _plan_fixes(self, found: list[_Found]) -> None:
        """The fixes of the patterns v2lint understands whole (v2lint.fixes); a
        failure there costs the fixes, never the findings."""
        try:
            planner = fixes.Planner(self.module, self._source_lines(), self._infer)
            planner.job_script(found, self.job_scopes, _within)
            planner.script_run(found)
            planner.pipeline(found)
            planner.workspace(found)
        except (AnalysisLimitExceeded, RecursionError):
            raise
        except Exception:  # noqa: BLE001 - odd code: no fix rather than no findings
            log.debug("v2lint: no fixes for %s", self.module.name, exc_info=True)
            for f in found:
                f.fix = None

    _CONTEXT_STEPS = {
        catalogue.ARGUMENT_KIND.name: _argument_kind,
        catalogue.SPARK_RUN.name: _spark_run,
        catalogue.NO_EQUIVALENT_PIPELINE.name: _no_equivalent_pipeline,
        catalogue.DATABASE_DATASTORE.name: _database_datastore,
        catalogue.READ_EXPERIMENT.name: _read_experiment,
        catalogue.MANY_MODELS_SETTINGS.name: _many_models_settings,
        catalogue.IN_JOB.name: _in_job,
        catalogue.FETCHED_RUN.name: _fetched_run,
        catalogue.SCORING_SCRIPT.name: _scoring_script,
        catalogue.LEGACY_MODE_FILE.name: _legacy_mode,
        catalogue.ONE_MEMBER_IMPORT.name: _one_member_import,
        catalogue.IN_COMPAT_GUARD.name: _compat_guard,
    }

    # ------------------------------------------------------------------ inference helpers
    def _count(self) -> None:
        self.inferences += 1
        if self.inferences > MAX_INFERENCES_PER_FILE:
            raise AnalysisLimitExceeded

    def _infer(self, node: nodes.NodeNG, context: InferenceContext | None = None) -> Iterator[nodes.NodeNG]:
        self._count()
        try:
            for value in node.infer(context):
                self._count()
                if value is not util.Uninferable:
                    yield value
        except astroid.InferenceError:
            return

    def _values(self, expr: nodes.NodeNG) -> list[nodes.NodeNG]:
        """What ``expr`` infers to, or failing that what its dotted import names."""
        return list(self._infer(expr)) or list(self._dotted_import(expr))

    def _dotted_import(self, expr: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
        """``import azureml.core`` then ``azureml.core.Workspace``: resolve the
        dotted chain through the import itself. Inference cannot, when no
        ``azureml`` namespace package is installed at all."""
        expr, parts = _dotted(expr)
        # ``import azureml`` alone binds the namespace: ``azureml.core.VERSION`` still names v1
        if not (isinstance(expr, nodes.Name) and (expr.name in self.v1_bound_names or expr.name == "azureml")
                and self._is_import_bound(expr)):
            return
        parts.insert(0, expr.name)
        for end in range(len(parts), 1, -1):
            modname = ".".join(parts[:end])
            if not catalogue.is_v1_module(modname):
                continue
            self._count()
            try:
                node = astroid.MANAGER.ast_from_module_name(modname)
            except astroid.AstroidError:
                continue  # azureml.core.Workspace is no module: try azureml.core
            try:
                for part in parts[end:]:
                    node = next(node.igetattr(part))
            except (astroid.AstroidError, StopIteration):
                return
            yield node
            return

    def _annotated(self, expr: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
        """``def submit(experiment: Experiment)``: outside a call, astroid infers a
        parameter as Uninferable; its annotation says what it holds. Only here,
        for v2lint's own lookups: pylint's checkers keep astroid's view."""
        for assignment in bindings(expr):
            for annotation in _alternatives(_parameter_annotation(assignment)):
                for value in self._values(annotation):
                    if isinstance(value, nodes.ClassDef):
                        yield value.instantiate_class()

    def _narrowed(self, expr: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
        """Inside ``if isinstance(cluster, AmlCompute):`` astroid drops every value
        of ``cluster`` that is not an AmlCompute (a ComputeTarget(ws, name) is
        one at run time, not in the stubs): the test says what it holds."""
        if not isinstance(expr, nodes.Name):
            return
        child, parent = expr, expr.parent
        while parent is not None and not isinstance(parent, (nodes.FunctionDef, nodes.Module)):
            test = getattr(parent, "test", None)
            if isinstance(parent, nodes.If) and child in parent.body and isinstance(test, nodes.Call):
                func, args = test.func, test.args
                if (isinstance(func, nodes.Name) and func.name == "isinstance" and len(args) == 2
                        and isinstance(args[0], nodes.Name) and args[0].name == expr.name):
                    for value in self._values(args[1]):
                        if isinstance(value, nodes.ClassDef):
                            yield value.instantiate_class()
                    return
            child, parent = parent, parent.parent

    def _owners(self, expr: nodes.NodeNG, depth: int = 0) -> list[nodes.NodeNG]:
        """What ``expr`` holds: astroid's inference, else v2lint's own lookups,
        followed through the chain where astroid gave up: a parameter's annotation,
        an ``isinstance`` test, the calls of its function; then assignments, loops,
        ``next(...)``, subscripts, attributes and method calls built on them
        (``datastore = ws.get_default_datastore()`` with ``ws: Workspace``). Only
        here, for v2lint's own lookups: pylint's checkers keep astroid's view."""
        key = (expr, depth > 0)
        if key in self._owner_memo:
            return self._owner_memo[key]
        self._owner_memo[key] = []  # a cycle (run = run.parent) adds nothing
        owners = self._values(expr)
        if depth < _MAX_OWN_DEPTH and all(isinstance(v, nodes.Const) for v in owners):
            # nothing, or only constants such as the ``= None`` of ``found = None`` / ``run=None``
            owners = owners + self._own_lookup(expr, depth)
        self._owner_memo[key] = owners
        return owners

    def _own_lookup(self, expr: nodes.NodeNG, depth: int) -> list[nodes.NodeNG]:
        deeper = depth + 1
        if isinstance(expr, nodes.Name):
            found = list(self._annotated(expr)) or list(self._narrowed(expr))
            for binding in () if found else bindings(expr):
                if not isinstance(binding, nodes.AssignName):
                    continue
                parent = binding.parent
                if isinstance(parent, nodes.Assign) and binding in parent.targets:
                    found.extend(self._owners(parent.value, deeper))
                elif isinstance(parent, (nodes.For, nodes.Comprehension)) and parent.target is binding:
                    found.extend(self._elements(parent.iter, deeper))
            return found or list(self._at_call_sites(expr))
        if isinstance(expr, nodes.Call):
            func = expr.func
            builtin = _builtin_called(expr)
            if builtin in _SEQUENCE_COPIES and len(expr.args) == 1:
                return self._owners(expr.args[0], deeper)  # list(run.get_children()): the same elements
            if builtin == "next" and expr.args:  # next(iter(runs)): iter is a sequence copy
                return self._elements(expr.args[0], deeper)
            if isinstance(func, nodes.Attribute):
                return [value for method in self._members(func.expr, func.attrname, deeper)
                        for value in self._call_result(method, expr)]
            return []
        if isinstance(expr, nodes.Attribute):
            return self._members(expr.expr, expr.attrname, deeper)
        if isinstance(expr, nodes.Subscript) and not isinstance(expr.slice, nodes.Slice):
            return self._elements(expr.value, deeper) or self._looked_up(expr.value, deeper)
        if isinstance(expr, (nodes.ListComp, nodes.SetComp, nodes.GeneratorExp)):
            return [expr]  # astroid does not infer comprehensions: _elements reads their element
        return []

    def _members(self, receiver: nodes.NodeNG, attrname: str, depth: int) -> list[nodes.NodeNG]:
        """``receiver.attrname`` for what v2lint's lookups say the receiver holds."""
        found = []
        for owner in self._owners(receiver, depth):
            if owner is util.Uninferable or isinstance(owner, nodes.Const):
                continue
            self._count()
            try:
                found.extend(v for v in owner.igetattr(attrname) if v is not util.Uninferable)
            except (astroid.InferenceError, astroid.AttributeInferenceError):
                continue
        return found

    def _call_result(self, method: nodes.NodeNG, call: nodes.Call) -> list[nodes.NodeNG]:
        self._count()
        try:
            return [v for v in method.infer_call_result(caller=call) if v is not util.Uninferable]
        except (astroid.InferenceError, AttributeError):
            return []

    def _elements(self, sequence: nodes.NodeNG, depth: int) -> list[nodes.NodeNG]:
        """What iterating or indexing ``sequence`` gives: the elements of a list or
        tuple, the element of a comprehension (``[p for p in pipelines if ...][0]``)."""
        found = []
        for value in self._owners(sequence, depth):
            if isinstance(value, (nodes.List, nodes.Tuple, nodes.Set)):
                for element in value.elts:
                    found.extend(self._infer(element))
                found.extend(self._appended(value, depth))
            elif isinstance(value, (nodes.ListComp, nodes.SetComp, nodes.GeneratorExp)):
                found.extend(self._owners(value.elt, depth))
        return found

    def _looked_up(self, mapping: nodes.NodeNG, depth: int) -> list[nodes.NodeNG]:
        """``ws.experiments[args.name]``: astroid gives up on a key it cannot infer;
        a mapping of the stubs gives the same value for every key."""
        found = []
        for value in self._owners(mapping, depth):
            if not (isinstance(value, astroid.Instance) and _is_v1(value._proxied) and _modelled(value._proxied)):
                continue
            for method in self._members(mapping, "__getitem__", depth):
                self._count()
                try:
                    found.extend(v for v in method.infer_call_result(caller=None) if v is not util.Uninferable)
                except (astroid.InferenceError, AttributeError):
                    continue
        return found

    def _appended(self, literal: nodes.NodeNG, depth: int) -> list[nodes.NodeNG]:
        """What ``matched = []`` gets from the ``matched.append(p)`` / ``insert`` /
        ``extend`` calls of its scope (astroid sees the empty literal only)."""
        assign = literal.parent
        if not (isinstance(assign, nodes.Assign) and assign.value is literal and len(assign.targets) == 1
                and isinstance(assign.targets[0], nodes.AssignName)):
            return []
        target = assign.targets[0]
        found = []
        for call in literal.scope().nodes_of_class(nodes.Call):
            func = call.func
            if not (isinstance(func, nodes.Attribute) and func.attrname in ("append", "insert", "extend")
                    and isinstance(func.expr, nodes.Name) and func.expr.name == target.name and call.args
                    and target in bindings(func.expr)):
                continue
            if func.attrname == "extend":
                found.extend(self._elements(call.args[-1], depth + 1))
            else:
                found.extend(self._owners(call.args[-1], depth + 1))
        return found

    def _at_call_sites(self, expr: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
        """Inside a function, what ``expr`` holds when the function is called as
        the module's own calls call it (else as the project's other files do, a
        notebook calling its helper): ``def report(run): run.get_metrics()``
        called as ``report(experiment.submit(config))``. astroid infers the body
        under each call's arguments, so chains and loops over a parameter
        (``for child in run.get_children()``) resolve too."""
        function = expr.frame()
        if not isinstance(function, nodes.FunctionDef) or function.is_method() or not _has_parameters(function):
            return
        found = False
        for call in self._v1_call_sites(function, in_project=False):
            for value in self._infer_called(expr, function, call):
                found = True
                yield value
        if not found and isinstance(function.parent, nodes.Module):
            for call in self._v1_call_sites(function, in_project=True):
                yield from self._infer_called(expr, function, call)

    def _v1_call_sites(self, function: nodes.FunctionDef, in_project: bool) -> list[nodes.Call]:
        """The calls of ``function`` that pass it a v1 object: the module's own,
        or the project's other files'. Worked out once per function, so a body
        whose callers pass nothing v1 costs nothing more."""
        key = (function, in_project)
        if key not in self._sites:
            calls = self._project_callers().calls(function.name) if in_project else self._calls_by_name().get(function.name, ())
            self._sites[key] = [call for call in calls if self._passes_v1(call)]
        return self._sites[key]

    def _passes_v1(self, call: nodes.Call) -> bool:
        arguments = [*(call.args or ()), *(k.value for k in call.keywords or ())]
        with self._caller_importable(call):
            return any(_is_v1_value(value, self._infer) for argument in arguments if not self._quiet(argument)
                       for value in self._owners(argument, 1))

    def _caller_importable(self, call: nodes.Call):
        """A caller elsewhere imports its own neighbours (``from scripts.run_forecast import f``)."""
        caller = call.root()
        if caller is self.module or not caller.file:
            return contextlib.nullcontext()
        return project.importable(os.path.dirname(caller.file))

    def _infer_called(self, expr: nodes.NodeNG, function: nodes.FunctionDef, call: nodes.Call) -> Iterator[nodes.NodeNG]:
        context = InferenceContext()
        context.callcontext = CallContext(args=call.args, keywords=call.keywords, callee=function)
        with self._caller_importable(call):
            values = [value for value in self._infer(expr, context) if not isinstance(value, nodes.Const)]
            argument = None if values else _argument_for(call, expr, function)
            if argument is not None:
                # the parameter itself, passed what only v2lint's own lookups resolve (a loop variable)
                values = [value for value in self._owners(argument, 1) if not isinstance(value, nodes.Const)]
        yield from values

    def _project_callers(self) -> project.ProjectCallers:
        if self._callers is None:
            self._callers = project.ProjectCallers(self.module)
        return self._callers

    def _calls_by_name(self) -> dict[str, list[nodes.Call]]:
        """The module's calls of plain names, built once per module."""
        if self._calls is None:
            self._calls = {}
            for call in nodes_of(self.module, nodes.Call):
                if isinstance(call.func, nodes.Name):
                    self._calls.setdefault(call.func.name, []).append(call)
        return self._calls

    def _is_v1_bound(self, func: nodes.Attribute) -> bool:
        """``aml.Workspace(...)``: the chain starts at a name a v1 import bound."""
        root, _ = _dotted(func)
        return isinstance(root, nodes.Name) and root.name in self.v1_bound_names

    def _is_import_bound(self, expr: nodes.NodeNG) -> bool:
        expr, _ = _dotted(expr)
        if not isinstance(expr, nodes.Name):
            return False
        try:
            _, assignments = expr.lookup(expr.name)
        except Exception:  # noqa: BLE001
            return False
        return bool(assignments) and all(isinstance(a, (nodes.Import, nodes.ImportFrom)) for a in assignments)


@dataclass(frozen=True)
class _Resolved:
    qname: str
    rule: Rule
    advice: Advice
    confidence: str
    via: str = ""


@dataclass
class _Found:
    """A node name resolution found to be SDK v1, before the advice step."""

    node: nodes.NodeNG
    rule: Rule
    qname: str
    written: str
    advice: Advice
    confidence: str
    via: str
    at: tuple[int, int, int, int]  # line, col, end line, end col reported
    weak: bool
    fix: Fix | None = None  # set by the fix planner (v2lint.fixes)


def _without_class_links(found: list[_Found]) -> list[_Found]:
    """Without ``constants.TimeSeries`` of ``constants.TimeSeries.GRAIN_COLUMN_NAMES`` when the member
    has a finding of its own: the class is only the way to it. A link to an object
    (``run.experiment.workspace`` of ``....workspace.name``) stays: it has a v2 form of its own."""
    members = {}
    for f in found:
        member = f.node.func if isinstance(f.node, nodes.Call) else f.node
        if isinstance(member, nodes.Attribute) and not f.via:
            members.setdefault(id(member.expr), []).append(f.qname)
    return [f for f in found if not (isinstance(f.node, nodes.Attribute) and not isinstance(f.node.parent, nodes.Call)
                                     and any(q.startswith(f.qname + ".") for q in members.get(id(f.node), ())))]


def _member_of(use: nodes.Name, imported: str, by_node: dict[int, _Found]) -> tuple[_Found, str] | None:
    """The finding of the whole chain ``use`` starts (``azureml.core.VERSION``, ``Model.deploy(...)``,
    a call whose keyword has advice of its own) and the chain as written, when it has advice of its
    own; else None."""
    chain, member = use, None
    while isinstance(chain.parent, nodes.Attribute) and chain.parent.expr is chain:
        chain = chain.parent
        member = by_node.get(id(chain), member)
    if isinstance(chain.parent, nodes.Call) and chain.parent.func is chain:
        member = by_node.get(id(chain.parent), member)
    if member is None or member.via or member.qname == imported:
        return None
    if chain is not use:
        return member, chain.as_string()
    if member.qname.startswith(imported + "("):  # PipelineData(training_output=...)
        return member, f"{use.name}({member.qname[len(imported) + 1:-1]}=...)"
    return None


def _bound_name(f: _Found) -> str | None:
    """The name an import finding's statement binds for its module or name: ``azureml`` of
    ``import azureml.core``, ``Model`` of ``from azureml.core import Model``; None for a star."""
    if isinstance(f.node, nodes.Import):
        return next((alias or name.split(".")[0] for name, alias in f.node.names if name == f.qname), None)
    if isinstance(f.node, nodes.ImportFrom):
        return next((alias or name for name, alias in f.node.names if name != "*" and name == f.written), None)
    return None


def _may_remove(statement: nodes.Import | nodes.ImportFrom, bound: str) -> bool:
    """An unread name of ``statement`` that removing cannot break: not a package's re-export
    (``__init__``, ``__all__``), and bound by ``from m import name`` or ``import m as name``
    (``import a.b`` also makes ``a.b`` reachable through another import's ``a``)."""
    if _in_compat_guard(statement):
        return False  # the guard's own advice: remove it with the guard
    module = statement.root()
    if module.name.rsplit(".", 1)[-1] == "__init__" or (module.file or "").endswith("__init__.py") or "__all__" in module.locals:
        return False
    return isinstance(statement, nodes.ImportFrom) or any(alias == bound for _, alias in statement.names)


def _literal(call: nodes.Call, name: str, position: int) -> str | None:
    """The string literal ``call`` passes as its argument ``name`` (or at ``position``)."""
    value = brain.argument_node(call, name, position)
    return value.value if isinstance(value, nodes.Const) and isinstance(value.value, str) else None


def _call_of(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The call a finding's node is, or is the called name of."""
    if isinstance(node, nodes.Call):
        return node
    parent = node.parent
    return parent if isinstance(parent, nodes.Call) and parent.func is node else None


def _assigned_calls(value: nodes.NodeNG | None) -> list[nodes.Call]:
    """The calls ``value`` is, or (a name) was assigned from in its scope."""
    if isinstance(value, nodes.Call):
        return [value]
    if not isinstance(value, nodes.Name):
        return []
    _, assignments = value.lookup(value.name)
    return [a.parent.value for a in assignments
            if isinstance(a, nodes.AssignName) and isinstance(a.parent, nodes.Assign) and isinstance(a.parent.value, nodes.Call)]


def _run_kind(qname: str, call: nodes.Call) -> catalogue.RunKind:
    """The kind of run ``call`` returns: ``get_output(iteration=2)`` names a trial, not the best child."""
    chosen = catalogue.CHOSEN_TRIAL_ARGUMENTS.get(qname, ())
    if chosen and (call.args or any(k.arg in chosen for k in call.keywords or ())):
        return catalogue.RunKind.CHILD
    return catalogue.RUN_SOURCES[qname]


def _run_source(name: nodes.Name, sources: dict[nodes.Call, catalogue.RunKind]) -> catalogue.RunKind | None:
    """The kind of run every binding of ``name`` is, when a call of ``sources`` returned it (the
    first of the tuple ``get_output()`` returns, a loop over ``get_children()``), else None."""
    flags = set()
    for binding in bindings(name):
        parent = binding.parent
        if isinstance(parent, nodes.Tuple) and parent.elts and parent.elts[0] is binding:
            parent = parent.parent  # best_run, fitted_model = automl_run.get_output()
        if isinstance(parent, nodes.Assign) and isinstance(binding, nodes.AssignName):
            value = parent.value
        elif isinstance(parent, nodes.For) and binding is parent.target:
            value = parent.iter
        elif isinstance(parent, nodes.With):  # with experiment.start_logging() as run:
            value = next(expr for expr, target in parent.items if target is binding)
        else:
            return None
        if value not in sources:
            return None
        flags.add(sources[value])
    return flags.pop() if len(flags) == 1 else None


def _finding(found: _Found) -> Finding:
    advice = found.advice
    text = advice.text + (_renames(advice, found.node) if isinstance(found.node, nodes.Call) else "")
    line, col, end_line, end_col = found.at
    return Finding(line, col, found.rule.code, found.qname, found.written, text, found.confidence,
                   end_line, end_col, found.via, advice.tier, found.fix)


def _modelled(definition: nodes.NodeNG) -> bool:
    """Not defined in a v1 module that the stubs leave out (``azureml._restclient``):
    with the real SDK installed astroid would reach those, without it not."""
    modname = definition.root().name
    return not catalogue.is_v1_module(modname) or brain.models(modname)


def _is_v1(definition: nodes.NodeNG) -> bool:
    return catalogue.is_v1_module(definition.root().name)


def _definition(value: nodes.ClassDef | nodes.FunctionDef, confidence: str, borrow: bool = False) -> _Resolved | None:
    """A v1 class or function: its own target, else the advice it borrows.
    ``borrow``: report even an own target as borrowed (a link inside a chain)."""
    qname = value.qname()
    target = catalogue.TARGETS.get(qname)
    if target and not borrow:
        return _Resolved(qname, *target, confidence)
    if not _is_v1(value):
        return None
    cls = value if isinstance(value, nodes.ClassDef) else None
    return _borrowed(qname, cls, value.root().name, confidence, kind="base")


def _borrowed(qname: str, cls: nodes.ClassDef | None, modname: str, confidence: str, kind: str = "class") -> _Resolved:
    """Advice for a v1 name without its own target: the nearest catalogued
    class in ``cls``'s MRO, else the module's (AML007)."""
    for klass in brain.mro(cls) if cls is not None else ():
        target = catalogue.TARGETS.get(klass.qname())
        if target:
            return _Resolved(qname, *target, confidence, via=f"{kind}:{klass.qname()}")
    own = catalogue.unmodelled_advice(qname)
    if own is not None:  # a name the stubs leave out that has advice of its own (reached when the real SDK is installed)
        return _Resolved(qname, catalogue.MEMBER, own, confidence)
    return _Resolved(qname, catalogue.MEMBER, catalogue.module_advice(qname), confidence,
                     via=f"module:{modname}")


def _defining_class(cls: nodes.ClassDef, attrname: str) -> nodes.ClassDef | None:
    """The first class of the MRO that defines ``attrname`` (a user subclass's
    own members are not v1, even when it derives from a v1 class)."""
    for klass in brain.mro(cls):
        if attrname in klass.locals or attrname in klass.instance_attrs:
            return klass
    return None


def _position(node: nodes.NodeNG) -> tuple[int, int, int, int]:
    """Where a finding on ``node`` is reported: the node's own range, except for a
    member of a chain written over several lines (``(run.input_datasets["x"]\n
    .to_pandas_dataframe())``), reported from the member's own line."""
    member = node.func if isinstance(node, nodes.Call) else node
    if isinstance(member, (nodes.Attribute, nodes.AssignAttr)) and member.end_lineno != member.lineno:
        start = member.end_col_offset - len(member.attrname.encode())
        if start >= 0:
            return member.end_lineno, start, node.end_lineno, node.end_col_offset
    return node.lineno, node.col_offset, node.end_lineno, node.end_col_offset


def _imported_as(binding: nodes.NodeNG, local: str) -> tuple[str, str] | None:
    """(module, dotted name) that the import ``binding`` binds ``local`` to:
    ``from azureml.core import Run`` -> (``azureml.core``, ``azureml.core.Run``);
    ``import azureml.core as aml`` -> (``azureml.core``, ``azureml.core``);
    ``import azureml.core`` binds ``azureml`` -> (``azureml.core``, ``azureml``)."""
    if isinstance(binding, nodes.ImportFrom) and not binding.level:
        name = next((n for n, alias in binding.names if (alias or n) == local), None)
        return (binding.modname, f"{binding.modname}.{name}") if name and name != "*" else None
    if isinstance(binding, nodes.Import):
        for name, alias in binding.names:
            if (alias or name.split(".")[0]) == local:
                return name, name if alias else local
    return None


# members every dict, list, str, tuple or logger has: what an unmodelled v1 module
# returns may be a plain one (``get_logger(...)``), so they are no evidence of v1
_BUILTIN_MEMBERS = frozenset(name for kind in (dict, list, str, tuple, set, logging.Logger) for name in dir(kind))


def _assigned_from(name: nodes.Name, calls: set[nodes.Call]) -> list[nodes.Call]:
    """The calls of ``calls`` that ``name`` was assigned from, when every binding
    of it is such an assignment (or ``= None``)."""
    found = []
    for binding in bindings(name):
        parent = binding.parent
        if not (isinstance(binding, nodes.AssignName) and isinstance(parent, nodes.Assign) and binding in parent.targets):
            return []
        if parent.value in calls:
            found.append(parent.value)
        elif not (isinstance(parent.value, nodes.Const) and parent.value.value is None):
            return []
    return found


def _builtin_called(call: nodes.Call) -> str | None:
    """The name of the builtin ``call`` calls (``list``, ``next``), if it calls one."""
    func = call.func
    if not isinstance(func, nodes.Name):
        return None
    found = bindings(func)
    return func.name if not found or all(b.root().name == "builtins" for b in found) else None


def _mutated(binding: nodes.AssignName) -> bool:
    """Whether the scope of ``binding`` calls a method of the name (``runs.append(run)``)
    or assigns into it (``runs[key] = run``)."""
    for node in binding.scope().nodes_of_class((nodes.Call, nodes.Subscript)):
        if isinstance(node, nodes.Call):
            holder = node.func.expr if isinstance(node.func, nodes.Attribute) else None
        else:
            stored = isinstance(node.parent, (nodes.Assign, nodes.AugAssign)) and node is not node.parent.value
            holder = node.value if stored else None
        if isinstance(holder, nodes.Name) and holder.name == binding.name:
            return True
    return False


# Third-party packages that neither depend on SDK v1 nor hand back what they are
# given as it was: their objects are never SDK v1, so receivers built from them
# are not inferred (inferring pkg_resources.working_set alone builds setuptools:
# over a second). A named list, not "every installed package": an installed
# in-house package (ray_on_aml, a team's utils) may well wrap SDK v1.
_NEVER_V1_PACKAGES = frozenset({
    "azure", "cv2", "datasets", "IPython", "joblib", "keras", "lightgbm", "matplotlib", "mlflow", "nltk",
    "numpy", "onnx", "onnxruntime", "pandas", "PIL", "pkg_resources", "plotly", "requests", "scipy",
    "seaborn", "setuptools", "sklearn", "statsmodels", "tensorflow", "torch", "torchvision", "tqdm",
    "transformers", "xgboost", "yaml",
})


def _quiet_module(name: str) -> bool:
    """A module whose objects are never SDK v1: the standard library, the
    well-known packages of _NEVER_V1_PACKAGES and the v2-era ``azureml``
    packages (other third-party and project modules are inferred)."""
    top = name.split(".")[0]
    if top in sys.stdlib_module_names or top in _NEVER_V1_PACKAGES:
        return True
    return top == "azureml" and not catalogue.is_v1_module(name) and name != "azureml"


def _is_v1_value(value: nodes.NodeNG, infer) -> bool:
    """An SDK v1 object, class, function or module, or a list, tuple or set holding one."""
    if isinstance(value, (nodes.List, nodes.Tuple, nodes.Set)):
        return any(_is_v1_value(v, infer) for element in value.elts for v in infer(element)
                   if not isinstance(v, (nodes.List, nodes.Tuple, nodes.Set)))
    if isinstance(value, nodes.Module):
        return catalogue.is_v1_module(value.name)
    definition = value if isinstance(value, (nodes.ClassDef, nodes.FunctionDef)) else getattr(value, "_proxied", None)
    return isinstance(definition, (nodes.ClassDef, nodes.FunctionDef)) and _is_v1(definition)


def _argument_for(call: nodes.Call, expr: nodes.NodeNG, function: nodes.FunctionDef) -> nodes.NodeNG | None:
    """The argument ``call`` passes for ``expr`` when ``expr`` is one of ``function``'s parameters."""
    if not isinstance(expr, nodes.Name) or expr.frame() is not function:
        return None
    arguments = function.args
    found = bindings(expr)
    if len(found) != 1 or found[0].parent is not arguments:
        return None
    for keyword in call.keywords or ():
        if keyword.arg == expr.name:
            return keyword.value
    positional = [a.name for a in (arguments.posonlyargs or []) + (arguments.args or [])]
    args = call.args or []
    if expr.name in positional:
        index = positional.index(expr.name)
        if index < len(args) and not any(isinstance(a, nodes.Starred) for a in args[: index + 1]):
            return args[index]
    return None


def _has_parameters(function: nodes.FunctionDef) -> bool:
    arguments = function.args
    return bool(arguments.posonlyargs or arguments.args or arguments.kwonlyargs or arguments.vararg or arguments.kwarg)


def _parameter_annotation(assignment: nodes.NodeNG) -> nodes.NodeNG | None:
    arguments = assignment.parent
    if not isinstance(assignment, nodes.AssignName) or not isinstance(arguments, nodes.Arguments):
        return None
    for names, annotations in (
        (arguments.posonlyargs, arguments.posonlyargs_annotations),
        (arguments.args, arguments.annotations),
        (arguments.kwonlyargs, arguments.kwonlyargs_annotations),
    ):
        for name, annotation in zip(names or (), annotations or ()):
            if name is assignment:
                return annotation
    return None


def _alternatives(annotation: nodes.NodeNG | None) -> Iterator[nodes.NodeNG]:
    """The types an annotation allows: ``X``, ``Optional[X]``, ``Union[X, Y]``, ``X | None``."""
    if annotation is None:
        return
    if isinstance(annotation, nodes.BinOp) and annotation.op == "|":
        yield from _alternatives(annotation.left)
        yield from _alternatives(annotation.right)
    elif isinstance(annotation, nodes.Subscript):
        generic = annotation.value
        if getattr(generic, "name", getattr(generic, "attrname", None)) in ("Optional", "Union"):
            inner = annotation.slice
            for member in inner.elts if isinstance(inner, nodes.Tuple) else [inner]:
                yield from _alternatives(member)
    elif isinstance(annotation, (nodes.Name, nodes.Attribute)):
        yield annotation


def _renames(advice: Advice, call: nodes.Call) -> str:
    """The keyword renames of the arguments the call passes, by keyword or by position."""
    renames = advice.renames
    if not renames:
        return ""
    passed = [advice.positional[i] for i, _ in enumerate(call.args or ()) if i < len(advice.positional)]
    passed += [kw.arg for kw in call.keywords or () if kw.arg]
    used = [f"{name} -> {renames[name]}" for name in dict.fromkeys(passed) if name in renames]
    return f" (rename {', '.join(used)})" if used else ""


def _job_scope(node: nodes.NodeNG) -> nodes.NodeNG:
    """Where code runs in the job of a Run.get_context() call: its top-level
    function, else its module (a script, or one %%writefile cell)."""
    scope, outer = node.scope(), None
    while not isinstance(scope, nodes.Module):
        if isinstance(scope, nodes.FunctionDef):
            outer = scope
        scope = scope.parent.scope()
    return outer or scope


def _dotted(expr: nodes.NodeNG) -> tuple[nodes.NodeNG, list[str]]:
    """``a.b.c`` -> (the node of ``a``, ["b", "c"]); the root of any other expression is itself."""
    parts: list[str] = []
    while isinstance(expr, nodes.Attribute):
        parts.insert(0, expr.attrname)
        expr = expr.expr
    return expr, parts


def _job_decorated(function: nodes.FunctionDef) -> bool:
    """``@command_component`` (mldesigner): the function body is a job's code."""
    for decorator in function.decorators.nodes if function.decorators else ():
        root, chain = _dotted(decorator.func if isinstance(decorator, nodes.Call) else decorator)
        if not isinstance(root, nodes.Name):
            continue
        for binding in bindings(root):
            imported = _imported_as(binding, root.name)
            if imported and ".".join([imported[1], *chain]) in catalogue.JOB_DECORATORS:
                return True
    return False


def _within(node: nodes.NodeNG, scope: nodes.NodeNG) -> bool:
    while node is not None:
        if node is scope:
            return True
        node = node.parent
    return False


def _in_compat_guard(node: nodes.NodeNG) -> bool:
    """Inside ``except ImportError:`` of a ``try`` that imports azure.ai.ml."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.ExceptHandler) and _catches_import_error(parent):
            try_node = parent.parent
            if isinstance(try_node, nodes.Try) and _imports_v2(try_node.body):
                return True
        parent = parent.parent
    return False


def _in_compat_guard_body(node: nodes.NodeNG) -> bool:
    """The azure.ai.ml import of a compatibility guard does not make a file mixed."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Try) and node in list(_walk(parent.body)):
            return any(_catches_import_error(h) and _imports_v1(h.body) for h in parent.handlers)
        parent = parent.parent
    return False


def _walk(body: list[nodes.NodeNG]) -> Iterator[nodes.NodeNG]:
    for stmt in body:
        yield stmt
        yield from stmt.nodes_of_class((nodes.Import, nodes.ImportFrom))


def _catches_import_error(handler: nodes.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, nodes.Tuple) else [handler.type]
    return any(isinstance(n, nodes.Name) and n.name in _IMPORT_ERRORS for n in names)


def _imported_modules(body: list[nodes.NodeNG]) -> Iterator[str]:
    for node in _walk(body):
        if isinstance(node, nodes.Import):
            yield from (name for name, _ in node.names)
        elif isinstance(node, nodes.ImportFrom) and not node.level:
            yield node.modname


def _imports_v2(body: list[nodes.NodeNG]) -> bool:
    return any(m == _V2_ROOT or m.startswith(_V2_ROOT + ".") for m in _imported_modules(body))


def _imports_v1(body: list[nodes.NodeNG]) -> bool:
    return any(catalogue.is_v1_module(m) for m in _imported_modules(body))
