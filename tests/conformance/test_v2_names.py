"""Conformance: every SDK v2 name v2lint's messages print exists in the real SDK v2.

Runs only where the SDK v2 distributions of ``tools/requirements-sdk-v2.txt``
are importable (CI's v2 environment); elsewhere the whole module is skipped.
With ``V2LINT_EXPECT_SDK_V2=1`` a missing distribution is a failure, not a skip.

The catalogue writes SDK v2 code in backticks (``Advice.code``): every target's
advice, the context tables (``SUBMIT_JOB_KINDS``, ``IN_JOB_ADVICE``) and the
renames. Each span is parsed as a Python expression; every chain in it rooted
at ``azure``, ``mlflow``, ``mltable``, ``azureml.fsspec``, ``ml_client`` or a
placeholder object (``returned_job``, ``command_job`` ...) is resolved against
the installed SDK: modules imported, attributes looked up, calls followed
through the callee's return annotation, attributes of entity classes found as
class attributes, properties, ``__init__`` parameters or ``self.x = ...``
assignments, and every keyword checked against the callee's parameters. Prose
outside the backticks may not name SDK v2 code (it would go unchecked), and a
keyword rename to a bare name must be a parameter of the v2 callable it
renames towards (``V2_CALLABLE_OF_RENAMES``).

Every failure names where the advice is and the code that did not resolve.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import inspect
import os
import re
import textwrap
import types
import typing
import warnings

import pytest

#: import name -> distribution of tools/requirements-sdk-v2.txt
V2_DISTRIBUTIONS = {
    "azure.ai.ml": "azure-ai-ml",
    "azure.identity": "azure-identity",
    "azure.keyvault.secrets": "azure-keyvault-secrets",
    "azure.core": "azure-core",
    "mlflow": "mlflow-skinny",
    "mltable": "mltable",
    "azureml.fsspec": "azureml-fsspec",
}


def _missing_distributions() -> list[str]:
    missing = []
    for module, distribution in V2_DISTRIBUTIONS.items():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                importlib.import_module(module)
        except ImportError:
            missing.append(distribution)
    return missing


if os.environ.get("V2LINT_EXPECT_SDK_V2") != "1":
    pytest.importorskip(
        "azure.ai.ml",
        reason="SDK v2 conformance: needs the SDK v2 of tools/requirements-sdk-v2.txt (azure-ai-ml not importable)",
    )
    if _missing_distributions():
        pytest.skip(
            "SDK v2 conformance: needs all of tools/requirements-sdk-v2.txt; not importable: "
            + ", ".join(_missing_distributions()),
            allow_module_level=True,
        )

from sdk_import import import_longest_prefix  # noqa: E402
from v2lint.catalogue import note  # noqa: E402
from v2lint.catalogue import BEST_CHILD_NOTE, RULES, context_advice  # noqa: E402

# ---------------------------------------------------------------------------
# The v2 packages AML901's advice may name (no network at test time: the
# list is explicit; each is a real PyPI distribution).
# ---------------------------------------------------------------------------
KNOWN_V2_PACKAGES = frozenset({
    "azure-ai-ml",
    "azure-identity",
    "mlflow",
    "mlflow-skinny",
    "azureml-mlflow",
    "azureml-inference-server-http",
    "mltable",
    "azureml-fsspec",
    "azure-kusto-data",  # named by AML303 (Kusto step)
})

# ---------------------------------------------------------------------------
# Which v2 callable each RENAMES entry renames towards. A v2 keyword "x" must
# be a parameter of one of them; "p.x" a parameter of the class annotated on
# their parameter p (task.environment -> RunFunction); "m(x=...)" a parameter
# of the method m of what they return (set_limits(max_concurrent_trials=...)).
# ---------------------------------------------------------------------------
V2_CALLABLE_OF_RENAMES = {
    "azureml.core.workspace.Workspace.get": ["azure.ai.ml.MLClient"],
    "azureml.core.authentication.ServicePrincipalAuthentication": ["azure.identity.ClientSecretCredential"],
    "azureml.core.script_run_config.ScriptRunConfig": ["azure.ai.ml.command"],
    "azureml.pipeline.steps.python_script_step.PythonScriptStep": ["azure.ai.ml.command"],
    "azureml.pipeline.steps.parallel_run_step.ParallelRunStep": ["azure.ai.ml.parallel.parallel_run_function"],
    "azureml.pipeline.steps.parallel_run_config.ParallelRunConfig": ["azure.ai.ml.parallel.parallel_run_function"],
    "azureml.core.compute.amlcompute.AmlCompute.provisioning_configuration": ["azure.ai.ml.entities.AmlCompute"],
    "azureml.core.compute.computeinstance.ComputeInstance.provisioning_configuration": ["azure.ai.ml.entities.ComputeInstance"],
    # a rescaled cluster: the fields of the AmlCompute got by name, set before compute.begin_update
    "azureml.core.compute.amlcompute.AmlCompute.update": ["azure.ai.ml.entities.AmlCompute"],
    "azureml.core.model.Model.register": ["azure.ai.ml.entities.Model"],
    "azureml.core.model.InferenceConfig": ["azure.ai.ml.entities.CodeConfiguration"],
    # auth_mode is on the endpoint, the rest on the deployment
    "azureml.core.webservice.aci.AciWebservice.deploy_configuration": [
        "azure.ai.ml.entities.ManagedOnlineDeployment", "azure.ai.ml.entities.ManagedOnlineEndpoint",
    ],
    "azureml.train.automl.automlconfig.AutoMLConfig": [
        "azure.ai.ml.automl.classification", "azure.ai.ml.automl.regression", "azure.ai.ml.automl.forecasting",
    ],
    "azureml.train.hyperdrive.runconfig.HyperDriveConfig": ["azure.ai.ml.entities.Command.sweep"],
    "azureml.core.runconfig.MpiConfiguration": ["azure.ai.ml.MpiDistribution"],
    "azureml.core.runconfig.PyTorchConfiguration": ["azure.ai.ml.PyTorchDistribution"],
    "azureml.data.dataset_consumption_config.DatasetConsumptionConfig": ["azure.ai.ml.Input"],
    "azureml.automl.core.featurization.featurizationconfig.FeaturizationConfig": [
        "azure.ai.ml.automl.ClassificationJob.set_featurization",
    ],
}

#: Placeholder objects of the advice texts and the v2 class they stand for.
PLACEHOLDERS = {
    "returned_job": "azure.ai.ml.entities.Job",
    "job": "azure.ai.ml.entities.Job",
    "sweep_job": "azure.ai.ml.sweep.SweepJob",
    "command_job": "azure.ai.ml.entities.Command",
    "command_node": "azure.ai.ml.entities.Command",
    "node": "azure.ai.ml.entities.Command",
    "automl_node": "azure.ai.ml.automl.ClassificationJob",
    # a tabular task job: the methods named on it are the same on every task's job
    "automl_job": "azure.ai.ml.automl.ClassificationJob",
    "pipeline_job": "azure.ai.ml.entities.PipelineJob",
    "secret_client": "azure.keyvault.secrets.SecretClient",
}
#: Roots of SDK v2 code (besides the placeholders).
V2_ROOTS = frozenset({"azure", "mlflow", "mltable", "azureml", "ml_client"})

_POLLER = re.compile(r"\.result\(\) on the poller returned by `(ml_client(?:\.\w+)+)`")
# SDK v2 code written outside backticks, where no test would see it
_UNMARKED_CODE = re.compile(r"(?<![\w.@-])(?:azure\.[a-z]|mlflow\.|mltable\.|ml_client\.)")


def _advices():
    """(where, advice) for every advice the catalogue can print."""
    for rule in RULES:
        for qname, advice in rule.targets.items():
            yield f"{rule.code} {qname}", advice
    for where, _, advice in context_advice():
        yield where, advice
    yield "BEST_CHILD_NOTE", note(BEST_CHILD_NOTE)  # appended to a best child's own advice


def _texts():
    """(where, text) for every text the catalogue prints."""
    for rule in RULES:
        yield rule.code, rule.summary
    for where, advice in _advices():
        yield where, advice.text
        for v2 in advice.renames.values():
            yield where, v2


# ---------------------------------------------------------------------------
# A code span -> chains: [(name, argument text or None), ...]
# ---------------------------------------------------------------------------
def _arguments(call: ast.Call) -> str:
    return ", ".join([ast.unparse(a) for a in call.args] + [f"{k.arg}={ast.unparse(k.value)}" for k in call.keywords])


def _chain(node: ast.expr) -> list[tuple[str, str | None]] | None:
    """The chain of a dotted expression with calls, or None when it is not one."""
    if isinstance(node, ast.Name):
        return [(node.id, None)]
    if isinstance(node, ast.Attribute):
        inner = _chain(node.value)
        return inner + [(node.attr, None)] if inner else None
    if isinstance(node, ast.Call):
        inner = _chain(node.func)
        if inner:
            inner[-1] = (inner[-1][0], _arguments(node))
        return inner
    return None


def span_chains(span: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """(printed form, chain) of the span and of every SDK v2 chain in its arguments."""
    tree = ast.parse(span.removeprefix("@"), mode="eval").body
    chain = _chain(tree)
    if chain is None or (chain[0][0] not in V2_ROOTS and chain[0][0] not in PLACEHOLDERS):
        raise Unresolved(f"`{span}` is not SDK v2 code (a dotted name rooted at {sorted(V2_ROOTS)} or a placeholder)")
    found = [(span, chain)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                inner = _chain(argument)
                if inner and inner[0][0] in V2_ROOTS:
                    found.append((ast.unparse(argument), inner))
    return found


def top_level_keywords(arguments: str) -> list[str]:
    """Keyword names passed at the top level of a call's argument text."""
    call = ast.parse(f"f({arguments})", mode="eval").body
    return [k.arg for k in call.keywords if k.arg]


# ---------------------------------------------------------------------------
# Resolution against the installed SDK
# ---------------------------------------------------------------------------
class Unresolved(Exception):
    pass


_UNKNOWN = object()  # a value whose type the SDK does not annotate


def import_dotted(dotted: str):
    """The object of a dotted name: longest importable module, then getattr."""
    found = import_longest_prefix(dotted)
    if found is None:
        raise Unresolved(f"{dotted}: no importable module")
    obj, attributes = found
    for attribute in attributes:
        try:
            obj = getattr(obj, attribute)
        except AttributeError:
            raise Unresolved(f"{dotted}: no attribute {attribute!r} on {getattr(obj, '__name__', obj)!r}") from None
    return obj


def _ml_client():
    from azure.ai.ml import MLClient

    try:  # offline: the constructor makes no request
        return MLClient(credential=object(), subscription_id="0", resource_group_name="r", workspace_name="w")
    except Exception:  # pragma: no cover - then resolve against the class
        return _Instance(MLClient)


class _Instance:
    """An instance of a class, known only by its class."""

    def __init__(self, cls):
        self.cls = cls

    def __repr__(self):
        return f"<instance of {self.cls.__module__}.{self.cls.__qualname__}>"


def _annotation_classes(annotation, owner) -> list:
    """The classes an annotation may stand for (Optional, Union, strings)."""
    if annotation is inspect.Signature.empty or annotation is None:
        return []
    if isinstance(annotation, str):
        namespace = dict(vars(builtins))
        namespace.update(getattr(importlib.import_module(owner.__module__), "__dict__", {}))
        try:
            annotation = eval(annotation, namespace)  # noqa: S307 - the SDK's own annotations
        except Exception:
            return []
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return [c for arg in typing.get_args(annotation) for c in _annotation_classes(arg, owner)]
    if annotation is type(None):
        return []
    if isinstance(annotation, type):
        return [annotation]
    if origin is not None and isinstance(origin, type):
        return [origin]
    return []


def _return_classes(func) -> list:
    try:
        hints = typing.get_type_hints(func)
        annotation = hints.get("return", inspect.Signature.empty)
    except Exception:
        try:
            annotation = inspect.signature(func).return_annotation
        except (TypeError, ValueError):
            return []
    return _annotation_classes(annotation, func)


def instance_attributes(cls) -> set[str]:
    """``__init__`` parameters and ``self.x = ...`` names along the MRO."""
    names: set[str] = set()
    for klass in inspect.getmro(cls):
        if klass is object:
            continue
        init = klass.__dict__.get("__init__")
        if init is not None:
            try:
                names.update(inspect.signature(init).parameters)
            except (TypeError, ValueError):
                pass
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        for node in ast.walk(ast.parse(source)):
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
            )
            for target in targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                    names.add(target.attr)
    names.discard("self")
    return names


def _subclasses(cls) -> list:
    found, stack = [], list(cls.__subclasses__())
    while stack:
        subclass = stack.pop()
        if subclass not in found:
            found.append(subclass)
            stack.extend(subclass.__subclasses__())
    return found


def get_attribute(value, name: str):
    """``value.name`` for a real object or an _Instance; _UNKNOWN when typed nowhere."""
    if isinstance(value, _Instance):
        cls = value.cls
        try:
            static = inspect.getattr_static(cls, name)
        except AttributeError:
            if name in instance_attributes(cls):
                return _UNKNOWN
            # a method annotated to return a base class (Job) returns one of
            # its subclasses (CommandJob): an attribute of a subclass counts
            for subclass in _subclasses(cls):
                if hasattr(subclass, name) or name in instance_attributes(subclass):
                    return _UNKNOWN
            raise Unresolved(f"no attribute {name!r} on {cls.__module__}.{cls.__qualname__} or its subclasses") from None
        if isinstance(static, property):
            classes = _return_classes(static.fget) if static.fget else []
            return _Instance(classes[0]) if len(classes) == 1 else _UNKNOWN
        return getattr(cls, name)
    try:
        return getattr(value, name)
    except AttributeError:
        if not isinstance(value, (types.ModuleType, type)):
            return get_attribute(_Instance(type(value)), name)
        if isinstance(value, type) and name in instance_attributes(value):
            return _UNKNOWN
        raise Unresolved(f"no attribute {name!r} on {getattr(value, '__name__', value)!r}") from None


def _callable_of(value):
    if isinstance(value, type):
        return value.__init__
    return value


def parameters(value) -> tuple[set[str], bool]:
    """Named parameters of a callable (a class: its __init__) and whether it takes **kwargs."""
    signature = inspect.signature(_callable_of(value))
    named = {
        name for name, param in signature.parameters.items()
        if param.kind in (param.POSITIONAL_OR_KEYWORD, param.KEYWORD_ONLY)
    }
    return named, any(p.kind == p.VAR_KEYWORD for p in signature.parameters.values())


def accepts(value, keyword: str, depth: int = 0) -> bool:
    """Whether a callable takes ``keyword``: a named parameter, or through its
    **kwargs a parameter of a base class's ``__init__`` (AmlCompute(type=...)
    reaches Compute) or of the class a factory function returns
    (automl.classification(compute=...) reaches ClassificationJob)."""
    try:
        named, var_keyword = parameters(value)
    except (TypeError, ValueError):
        return True  # no signature to check
    if keyword in named:
        return True
    if not var_keyword or depth > 3:
        return False
    if f":keyword {keyword}:" in (inspect.getdoc(value) or ""):
        return True  # read from **kwargs and documented so (MLClient(enable_telemetry=...))
    if isinstance(value, type):
        for klass in inspect.getmro(value)[1:]:
            init = klass.__dict__.get("__init__")
            if init is None or klass is object:
                continue
            try:
                if keyword in inspect.signature(init).parameters:
                    return True
            except (TypeError, ValueError):
                pass
        return keyword in instance_attributes(value) or f"_{keyword}" in instance_attributes(value)
    returned = call(value)
    return returned is not _UNKNOWN and accepts(returned.cls, keyword, depth + 1)


def call(value):
    """What calling ``value`` gives."""
    if isinstance(value, type):
        return _Instance(value)
    if isinstance(value, _Instance) or not callable(value):
        raise Unresolved(f"{value!r} is not callable")
    classes = _return_classes(value)
    return _Instance(classes[0]) if len(classes) == 1 else _UNKNOWN


def top_level_arguments(arguments: str) -> list[str]:
    """The top-level arguments of a call's argument text."""
    call = ast.parse(f"f({arguments})", mode="eval").body
    return [ast.unparse(a) for a in call.args] + [f"{k.arg}={ast.unparse(k.value)}" for k in call.keywords]


def check_positionals(value, arguments: str, printed: str) -> list[str]:
    """As many positional arguments as the callable takes (``...`` stands for any)."""
    call_node = ast.parse(f"f({arguments})", mode="eval").body
    positional = [ast.unparse(a) for a in call_node.args]
    if not positional or "..." in positional or value is _UNKNOWN:
        return []
    try:
        signature = inspect.signature(_callable_of(value))
    except (TypeError, ValueError):
        return []
    params = list(signature.parameters.values())
    if isinstance(value, type) or (inspect.isfunction(value) and params and params[0].name == "self"):
        params = params[1:]
    if any(p.kind == p.VAR_POSITIONAL for p in params):
        return []
    takes = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(positional) > len(takes):
        return [f"{printed}: {len(positional)} positional arguments, the callable takes {len(takes)} ({[p.name for p in takes]})"]
    return []


def check_keywords(value, arguments: str, printed: str) -> list[str]:
    problems = check_positionals(value, arguments, printed)
    keywords = top_level_keywords(arguments)
    if not keywords or value is _UNKNOWN:
        return problems
    missing = [kw for kw in keywords if not accepts(value, kw)]
    if not missing:
        return problems
    named, _ = parameters(value)
    return problems + [f"{printed}: keyword {kw!r} is not a parameter (has {sorted(named)})" for kw in missing]


def resolve_chain(chain, printed: str, start=None) -> list[str]:
    """Problems found resolving one chain (an empty list when it resolves)."""
    problems: list[str] = []
    first, rest = chain[0], chain[1:]
    if start is not None:
        value, rest = start, chain
    elif first[0] in PLACEHOLDERS:
        value = _Instance(import_dotted(PLACEHOLDERS[first[0]]))
    elif first[0] == "ml_client":
        value = ML_CLIENT
        if first[1] is not None:
            raise Unresolved(f"{printed}: ml_client is not callable")
    else:
        # the longest importable dotted prefix, up to the first call
        dotted = []
        for index, (name, arguments) in enumerate(chain):
            dotted.append(name)
            if arguments is not None:
                break
        value = import_dotted(".".join(dotted))
        last_arguments = chain[len(dotted) - 1][1]
        rest = chain[len(dotted):]
        if last_arguments is not None:
            problems += check_keywords(value, last_arguments, printed)
            value = call(value)
    for name, arguments in rest:
        if value is _UNKNOWN:
            break  # unannotated: nothing more can be checked
        try:
            value = get_attribute(value, name)
        except Unresolved as error:
            problems.append(f"{printed}: {error}")
            break
        if arguments is not None and value is not _UNKNOWN:
            problems += check_keywords(value, arguments, printed)
            try:
                value = call(value)
            except Unresolved as error:
                problems.append(f"{printed}: {error}")
                break
    return problems


ML_CLIENT = None


@pytest.fixture(scope="module", autouse=True)
def _client():
    global ML_CLIENT
    ML_CLIENT = _ml_client()
    yield


def _expressions(span: str) -> list[str]:
    """The span, or for statements (a fix's template of several lines) each SDK v2 call in them."""
    if "\n" not in span:
        return [span]
    calls = [node for node in ast.walk(ast.parse(span)) if isinstance(node, ast.Call)]
    return [ast.unparse(call) for call in calls if (_chain(call) or [("",)])[0][0] in V2_ROOTS]


def _all_spans():
    for where, advice in _advices():
        for span in dict.fromkeys(e for code in advice.code for e in _expressions(code)):
            yield pytest.param(where, span, id=f"{where}:{span}")


@pytest.mark.parametrize(("where", "span"), list(_all_spans()))
def test_v2_code_resolves(where, span):
    try:
        problems = [p for printed, chain in span_chains(span) for p in resolve_chain(chain, printed)]
    except (Unresolved, SyntaxError) as error:
        problems = [str(error)]
    assert not problems, f"{where}: " + "; ".join(problems)


@pytest.mark.parametrize(("where", "text"), [pytest.param(w, t, id=f"{w}:{t[:50]}") for w, t in _texts()])
def test_no_v2_code_outside_backticks(where, text):
    prose = " ".join(text.split("`")[::2])
    assert not _UNMARKED_CODE.search(prose), f"{where}: SDK v2 code outside backticks goes unchecked: {text}"


@pytest.mark.parametrize(("where", "text"), [pytest.param(w, t, id=f"{w}:{t[:50]}") for w, t in _texts() if _POLLER.search(t)])
def test_pollers_have_result(where, text):
    for match in _POLLER.finditer(text):
        value = ML_CLIENT
        for name in match.group(1).split(".")[1:]:
            value = get_attribute(value, name)
        returned = call(value)
        assert returned is not _UNKNOWN, f"{where}: {match.group(1)} has no return annotation"
        assert hasattr(returned.cls, "result"), f"{where}: {match.group(1)} returns {returned.cls}, which has no .result()"


def _rename_cases():
    for rule in RULES:
        for qname, advice in rule.targets.items():
            for v1, v2 in advice.renames.items():
                if "`" not in v2:  # code in backticks is resolved by test_v2_code_resolves
                    yield pytest.param(rule.code, qname, v1, v2, id=f"{rule.code}:{qname.rsplit('.', 1)[-1]}:{v1}")


_PROSE_START = re.compile(r"^(?:the|a|an)\s")


def rename_problem(qname: str, v2: str) -> str | None:
    targets = [import_dotted(name) for name in V2_CALLABLE_OF_RENAMES[qname]]
    if _PROSE_START.match(v2):
        return None  # prose, no keyword to check
    method = re.match(r"(\w+)\((\w+)=", v2)
    nested = re.match(r"(\w+)\.(\w+)", v2)
    if method:
        holder, keyword = method.groups()
        candidates = []
        for target in targets:
            returned = call(target)
            if returned is not _UNKNOWN and hasattr(returned.cls, holder):
                candidates.append(getattr(returned.cls, holder))
        if not candidates:
            return f"no {holder}() on what {V2_CALLABLE_OF_RENAMES[qname]} return"
    elif nested:
        holder, keyword = nested.groups()
        candidates = []
        for target in targets:
            param = inspect.signature(_callable_of(target)).parameters.get(holder)
            if param is not None:
                candidates += _annotation_classes(param.annotation, _callable_of(target))
        if not candidates:
            return f"no parameter {holder!r} with a class annotation on {V2_CALLABLE_OF_RENAMES[qname]}"
    else:
        keyword = re.match(r"\w+", v2).group(0)
        candidates = targets
    for candidate in candidates:
        if accepts(candidate, keyword):
            return None
    return f"{keyword!r} is not a parameter of {[getattr(c, '__qualname__', c) for c in candidates]}"


@pytest.mark.parametrize(("code", "qname", "v1", "v2"), list(_rename_cases()))
def test_rename_targets_are_v2_parameters(code, qname, v1, v2):
    assert qname in V2_CALLABLE_OF_RENAMES, f"{code}: add the v2 callable of {qname} to V2_CALLABLE_OF_RENAMES"
    problem = rename_problem(qname, v2)
    assert problem is None, f"{code} renames {qname}: {v1} -> {v2!r}: {problem}"


def test_dependency_advice_names_known_packages():
    from v2lint.catalogue import RULES_BY_CODE

    package = re.compile(r"(?<![\w.-])(?:azure|azureml|mlflow|mltable)(?:-[a-z0-9]+)*(?![\w.])")
    unknown = {}
    for key, advice in RULES_BY_CODE["AML901"].targets.items():
        for name in package.findall(advice.text):
            if "-" in name or name in {"mlflow", "mltable"}:
                if name not in KNOWN_V2_PACKAGES:
                    unknown.setdefault(key, []).append(name)
    assert not unknown, f"AML901 names packages that are not in KNOWN_V2_PACKAGES: {unknown}"


def test_the_span_parser_sees_the_names_it_should():
    """The span parser on the catalogue's shapes of code."""
    chains = dict(span_chains("azure.ai.ml.MLClient.from_config(credential=azure.identity.DefaultAzureCredential())"))
    assert set(chains) == {
        "azure.ai.ml.MLClient.from_config(credential=azure.identity.DefaultAzureCredential())",
        "azure.identity.DefaultAzureCredential()",
    }
    assert dict(span_chains("@azure.ai.ml.dsl.pipeline"))
    assert top_level_keywords('type="mltable", path=..., x=f(y=1)') == ["type", "path", "x"]
    assert top_level_arguments('name, "a,b", f(x, y), k=[1, 2]') == ["name", "'a,b'", "f(x, y)", "k=[1, 2]"]
    assert resolve_chain(span_chains("ml_client.jobs.nope(name)")[0][1], "x")
    with pytest.raises(Unresolved):
        span_chains("experiment_name")
    assert _UNMARKED_CODE.search("pass it to ml_client.jobs.stream")
    assert not _UNMARKED_CODE.search("azure-ai-ml and azureml-mlflow")
