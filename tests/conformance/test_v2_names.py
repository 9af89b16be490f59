"""Conformance: every SDK v2 name v2lint's messages print exists in the real SDK v2.

Runs only where the SDK v2 distributions of ``tools/requirements-sdk-v2.txt``
are importable (CI's v2 environment); elsewhere the whole module is skipped.
With ``V2LINT_EXPECT_SDK_V2=1`` a missing distribution is a failure, not a skip.

The texts checked are everything the catalogue prints: every rule's summary and
every target's advice, the values of ``SUBMIT_JOB_KINDS`` and ``RENAMES``.
From them the test extracts

* dotted names rooted at ``azure.``, ``mlflow.``, ``mltable.``,
  ``azureml.fsspec`` and ``ml_client.``, followed through calls and attributes
  (``ml_client.workspaces.get(name).key_vault``,
  ``mlflow.tracking.MlflowClient().get_run(run_id).data.metrics``): modules are
  imported, attributes looked up, calls followed through the callee's return
  annotation, attributes of entity classes found as class attributes,
  properties, ``__init__`` parameters or ``self.x = ...`` assignments;
* the keywords printed inside those calls (``azure.ai.ml.sweep.Uniform(min_value=..., ...)``);
* the placeholders of the advice texts (``returned_job.studio_url``,
  ``<command job>.sweep(...)``, ``(.get_secret(name).value)`` after a class);
* the v2 side of every ``RENAMES`` entry: the keyword must be a parameter of
  the v2 callable the rename is for (``V2_CALLABLE_OF_RENAMES``).

Every failure names the rule code and the name that did not resolve.
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
from v2lint.catalogue import RULES, SUBMIT_JOB_KINDS  # noqa: E402

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
}

#: Placeholder objects of the advice texts and the v2 class they stand for.
PLACEHOLDERS = {
    "returned_job": "azure.ai.ml.entities.Job",
    "job": "azure.ai.ml.entities.Job",
    "sweep_job": "azure.ai.ml.sweep.SweepJob",
    "<command job>": "azure.ai.ml.entities.Command",
    "<command node>": "azure.ai.ml.entities.Command",
    "<node>": "azure.ai.ml.entities.Command",
}

#: Prose that names an attribute of a v2 object without a dotted root.
PROSE_ATTRIBUTES = (
    # "@azure.ai.ml.dsl.pipeline function's .component": the pipeline job the
    # decorated function returns has .component
    (re.compile(r"pipeline function's \.(\w+)"), "azure.ai.ml.entities.PipelineJob"),
    (re.compile(r"(?:^|\s)on \.(\w+)\("), "azure.ai.ml.entities.Command"),
    (re.compile(r"that \.(\w+)\(\) is called on"), "azure.ai.ml.entities.Command"),
)

_ROOT = re.compile(
    r"(?<![\w.])(?:(?:azure|mlflow|mltable|ml_client|azureml\.fsspec|returned_job|sweep_job|job)"
    r"|<command job>|<command node>|<node>)(?:\.[A-Za-z_]\w*)+"
)
_LEADING_DOT = re.compile(r"\(\.([A-Za-z_]\w*)")
_POLLER = re.compile(r"\.result\(\) on the poller returned by (ml_client(?:\.\w+)+)")
_KEYWORD = re.compile(r"(?<![\w.])([A-Za-z_]\w*)=(?!=)")


def _texts():
    """(rule code or table, text) for every text the catalogue prints."""
    for rule in RULES:
        yield rule.code, rule.summary
        for advice in rule.targets.values():
            yield rule.code, advice
        for renames in rule.renames.values():
            for v2 in renames.values():
                yield rule.code, v2
    for advice in SUBMIT_JOB_KINDS.values():
        yield "SUBMIT_JOB_KINDS", advice


# ---------------------------------------------------------------------------
# Parsing: a chain is [(name, call_text_or_None), ...]
# ---------------------------------------------------------------------------
def _unquoted(text: str, start: int = 0):
    """(index, character, bracket depth before it) of each character outside quotes."""
    depth = 0
    quote = None
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            if char == quote:
                quote = None
            continue
        if char in "\"'":
            quote = char
            continue
        yield index, char, depth
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1


def _balanced(text: str, start: int) -> int:
    """Index after the parenthesis group opening at text[start] (or -1)."""
    for index, char, depth in _unquoted(text, start):
        if char in ")]}" and depth == 1:
            return index + 1
    return -1


def _follow(text: str, position: int, chain: list) -> int:
    """Extend ``chain`` with the calls and attributes that follow text[position]."""
    while position < len(text):
        if text[position] == "(":
            end = _balanced(text, position)
            if end < 0:
                break
            chain[-1] = (chain[-1][0], text[position + 1:end - 1])
            position = end
            continue
        attribute = re.match(r"\.([A-Za-z_]\w*)", text[position:])
        if not attribute:
            break
        chain.append((attribute.group(1), None))
        position += attribute.end()
    return position


def parse_chains(text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """(printed form, chain) of every v2 name in a text."""
    chains = []
    for match in _ROOT.finditer(text):
        dotted = match.group(0)
        root = next((p for p in PLACEHOLDERS if dotted.startswith(p + ".")), None)
        if root:
            names = [root] + dotted[len(root) + 1:].split(".")
        else:
            names = dotted.split(".")
        chain: list[tuple[str, str | None]] = [(name, None) for name in names]
        position = _follow(text, match.end(), chain)
        chains.append((text[match.start():position], chain))
    return chains


def top_level_keywords(arguments: str) -> list[str]:
    """Keyword names passed at the top level of a call's argument text."""
    found = []
    for index, char, depth in _unquoted(arguments):
        if depth == 0 and char not in "([{)]}":
            keyword = _KEYWORD.match(arguments, index)
            if keyword and (index == 0 or not (arguments[index - 1].isalnum() or arguments[index - 1] in "_.")):
                found.append(keyword.group(1))
    return found


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
    """The top-level comma-separated arguments of a call's argument text."""
    parts, depth, quote, current = [], 0, None, ""
    for char in arguments:
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def check_positionals(value, arguments: str, printed: str) -> list[str]:
    """As many positional arguments as the callable takes (``...`` stands for any)."""
    positional = [a for a in top_level_arguments(arguments) if not _KEYWORD.match(a)]
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


def _all_names():
    seen = set()
    for code, text in _texts():
        for printed, _ in parse_chains(text):
            if (code, printed) not in seen:
                seen.add((code, printed))
                yield pytest.param(code, text, printed, id=f"{code}:{printed}")


def _name_problems(text: str, printed: str) -> list[str]:
    for candidate, chain in parse_chains(text):
        if candidate == printed:
            try:
                return resolve_chain(chain, printed)
            except Unresolved as error:
                return [str(error)]
    raise AssertionError(printed)


@pytest.mark.parametrize(("code", "text", "printed"), list(_all_names()))
def test_v2_name_resolves(code, text, printed):
    problems = _name_problems(text, printed)
    assert not problems, f"{code}: " + "; ".join(problems)


def _texts_with(pattern):
    for code, text in _texts():
        if pattern.search(text):
            yield pytest.param(code, text, id=f"{code}:{text[:60]}")


@pytest.mark.parametrize(("code", "text"), list(_texts_with(_LEADING_DOT)))
def test_methods_named_after_a_class_exist(code, text):
    """``SecretClient(...) (.get_secret(name).value)``: methods of the first class named."""
    chains = parse_chains(text)
    assert chains, f"{code}: a leading-dot method without a class before it: {text}"
    owner = import_dotted(".".join(name for name, _ in chains[0][1]))
    assert isinstance(owner, type), f"{code}: {chains[0][0]} is not a class"
    problems = []
    for match in _LEADING_DOT.finditer(text):
        chain = [(match.group(1), None)]
        end = _follow(text, match.end(), chain)
        problems += resolve_chain(chain, text[match.start() + 1:end], start=_Instance(owner))
    assert not problems, f"{code}: " + "; ".join(problems)


@pytest.mark.parametrize(("code", "text"), list(_texts_with(_POLLER)))
def test_pollers_have_result(code, text):
    for match in _POLLER.finditer(text):
        chain = parse_chains(match.group(1))[0][1]
        value = ML_CLIENT
        for name, _ in chain[1:]:
            value = get_attribute(value, name)
        returned = call(value)
        assert returned is not _UNKNOWN, f"{code}: {match.group(1)} has no return annotation"
        assert hasattr(returned.cls, "result"), f"{code}: {match.group(1)} returns {returned.cls}, which has no .result()"


def _prose_cases():
    for code, text in _texts():
        for pattern, owner in PROSE_ATTRIBUTES:
            for match in pattern.finditer(text):
                yield pytest.param(code, owner, match.group(1), id=f"{code}:{owner}.{match.group(1)}")


@pytest.mark.parametrize(("code", "owner", "attribute"), list(_prose_cases()))
def test_prose_attributes_exist(code, owner, attribute):
    try:
        get_attribute(_Instance(import_dotted(owner)), attribute)
    except Unresolved as error:
        pytest.fail(f"{code}: {owner}.{attribute}: {error}")


def _rename_cases():
    for rule in RULES:
        for qname, renames in rule.renames.items():
            for v1, v2 in renames.items():
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
        for name in package.findall(advice):
            if "-" in name or name in {"mlflow", "mltable"}:
                if name not in KNOWN_V2_PACKAGES:
                    unknown.setdefault(key, []).append(name)
    assert not unknown, f"AML901 names packages that are not in KNOWN_V2_PACKAGES: {unknown}"


def test_the_extractor_sees_the_names_it_should():
    """The regex and chain parser on the catalogue's shapes of text."""
    chains = dict(parse_chains(
        "azure.ai.ml.MLClient.from_config(credential=azure.identity.DefaultAzureCredential()) "
        "or azure.ai.ml.automl.<task>() and ml_client.workspaces.get(name).key_vault"
    ))
    assert set(chains) == {
        "azure.ai.ml.MLClient.from_config(credential=azure.identity.DefaultAzureCredential())",
        "azure.identity.DefaultAzureCredential()",
        "azure.ai.ml.automl",
        "ml_client.workspaces.get(name).key_vault",
    }
    assert top_level_keywords('type="mltable", path=..., x=f(y=1)') == ["type", "path", "x"]
    assert top_level_arguments('name, "a,b", f(x, y), k=[1, 2]') == ["name", '"a,b"', "f(x, y)", "k=[1, 2]"]
    assert resolve_chain(parse_chains("ml_client.jobs.nope(name)")[0][1], "x")
