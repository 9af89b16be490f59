"""The rule catalogue: the single source of truth for every v2lint rule.

Everything a front-end, the docs or a report says about a rule comes from here.
A rule covers a table of SDK v1 qualified names (ruff's Airflow-3 rules are the
model): each name maps to the SDK v2 replacement Microsoft's migration guidance
gives for it, or to what to do instead when there is none.

Keys of ``targets`` are canonical qualified names, i.e. where the brain's stubs
define the object (``azureml.core.workspace.Workspace``, not the re-export
``azureml.core.Workspace``); ``tests/test_catalogue.py`` checks that every key
resolves to itself through the stubs. A key ``qname(kw)`` matches a call of
``qname`` that passes the keyword ``kw`` and takes precedence over ``qname``.

This module knows nothing about pylint, flake8 or astroid.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Iterator, Mapping

from v2lint.namespace import V1_MODULE_ROOTS


class Tier(enum.Enum):
    """Severity tier; decides the pylint letter and the SARIF level everywhere."""

    NO_EQUIVALENT = ("E", "error", "no v2 equivalent")
    REPLACEMENT = ("W", "warning", "has a v2 replacement")
    INFO = ("I", "note", "informational")
    UNANALYSABLE = ("E", "error", "could not be analysed")

    def __init__(self, pylint_letter: str, sarif_level: str, label: str) -> None:
        self.pylint_letter = pylint_letter
        self.sarif_level = sarif_level
        self.label = label


_DOCS = "https://learn.microsoft.com/azure/machine-learning/"

ARTICLES: Mapping[str, str] = MappingProxyType(
    {
        "overview": _DOCS + "how-to-migrate-from-v1",
        "workspace": _DOCS + "migrate-to-v2-resource-workspace",
        "compute": _DOCS + "migrate-to-v2-resource-compute",
        "datastore": _DOCS + "migrate-to-v2-resource-datastore",
        "data": _DOCS + "migrate-to-v2-assets-data",
        "model": _DOCS + "migrate-to-v2-assets-model",
        "command-job": _DOCS + "migrate-to-v2-command-job",
        "local-runs": _DOCS + "migrate-to-v2-local-runs",
        "automl": _DOCS + "migrate-to-v2-execution-automl",
        "hyperdrive": _DOCS + "migrate-to-v2-execution-hyperdrive",
        "parallel": _DOCS + "migrate-to-v2-execution-parallel-run-step",
        "pipeline": _DOCS + "migrate-to-v2-execution-pipeline",
        "endpoints": _DOCS + "migrate-to-v2-deploy-endpoints",
        "pipeline-endpoints": _DOCS + "migrate-to-v2-deploy-pipelines",
        "managed-online-endpoints": _DOCS + "migrate-to-v2-managed-online-endpoints",
        "mlflow": _DOCS + "reference-migrate-sdk-v1-mlflow-tracking",
        "secrets": _DOCS + "how-to-use-secrets-in-runs",
        "network-isolation": _DOCS + "how-to-configure-network-isolation-with-v2",
        "estimators": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/machine-learning/v1/how-to-migrate-from-estimators-to-scriptrunconfig.md",
    }
)


class Applicability(enum.Enum):
    """How far a fix can be trusted, as ruff says it."""

    SAFE = "safe"  # behaviour kept: applied by --fix
    UNSAFE = "unsafe"  # behaviour may change, or needs review: applied by --fix --unsafe-fixes


@dataclass(frozen=True)
class Rewrite:
    """How ``v2lint check --fix`` writes one v1 call (or attribute) in SDK v2.

    ``template`` is SDK v2 Python with ``{parameter}`` for the source text of
    the v1 call's argument of that name (bound through the advice's
    ``positional`` order and the keywords). The first rewrite whose
    placeholders are all passed, and whose ``when`` holds, is used; a v1
    argument the template does not use makes the fix unsafe. A parameter named
    ``**columns`` in the advice's ``positional`` collects the call's other
    keywords; ``{columns}`` writes them as a dict display. A template of
    several lines is statements: it replaces the call's expression statement,
    indented as it, and the names it binds must be free in the module.
    """

    template: str
    # (parameter, "number" | "bool" | "text" | "unknown"): its value must be of that kind ("unknown": v2lint
    # cannot tell it); for a ``**`` parameter, the kind of all its keyword values
    when: tuple[str, str] | None = None
    applicability: Applicability = Applicability.SAFE
    imports: tuple[str, ...] = ()  # statements the rewrite needs, added once to the file's imports
    why: str = ""  # for an unsafe rewrite: what may change (the fix's title says it)
    # for a ``**`` parameter in the template: the parameter whose value, and a ".", prefixes each key
    # (log_row(name, x=1) -> {"name.x": 1})
    key_prefix: str = ""
    # placeholders of keyword arguments (", inputs={inputs}") left out when the v1 code has no value for them
    optional: tuple[str, ...] = ()

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(part.split("}", 1)[0] for part in self.template.split("{")[1:])

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(name for name in self.placeholders if name not in self.optional)

    def fill(self, texts: Mapping[str, str], template: str | None = None) -> str:
        """The template (or ``template``, the caller's layout of it: indented, a literal's
        suffix merged) with each placeholder's text from ``texts``, in one pass, so that an
        argument's own text is never read as a placeholder; an optional keyword argument that
        ``texts`` has no text for is left out. Every fix writes its rewrites through here."""
        text = self.template if template is None else template
        for name in self.optional:
            if name not in texts:
                text = re.sub(rf",\s*\w+=\{{{name}\}}", "", text)
        return re.sub(r"\{(\w+)\}", lambda match: texts[match.group(1)], text)

    @property
    def code(self) -> str:
        """The template as parseable SDK v2 code, names qualified through its
        imports (``MLClient`` -> ``azure.ai.ml.MLClient``), each placeholder an ``...``."""
        code = self.template.replace("{self}", "returned_job")  # the receiver: the job create_or_update returned
        for name in self.placeholders:
            code = code.replace("{" + name + "}", "...")
        for statement in self.imports:
            if statement.startswith("from "):
                module, name = statement[5:].split(" import ")
                code = re.sub(rf"(?<![\w.]){name}\b(?!\s*=)", f"{module}.{name}", code)  # not a keyword
        return code


def v2(template: str, *imports: str, why: str = "", optional: tuple[str, ...] = ()) -> Rewrite:
    """A rewrite to SDK v2 code that needs ``imports``: safe unless it says what may change."""
    return Rewrite(template, None, Applicability.UNSAFE if why else Applicability.SAFE, imports, why, optional=optional)


MLCLIENT_IMPORTS = ("from azure.ai.ml import MLClient", "from azure.identity import DefaultAzureCredential")
# What v1 ran a job on when its environment named no image (azureml.core.environment.DEFAULT_CPU_IMAGE
# of the pinned azureml-core; tests/conformance/test_v1_names.py checks it): a fixed v2 environment names it.
V1_DEFAULT_CPU_IMAGE = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20251130.v1"
V1_DEFAULT_GPU_IMAGE = "mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04"
# What v1's Environment.from_pip_requirements built around a requirements file: a conda environment of
# these channels and this Python, with pip and the file's lines as pip packages (the pinned azureml-core's
# CondaDependencies defaults; tests/conformance/test_v1_names.py checks them).
V1_CONDA_CHANNELS = ("anaconda", "conda-forge")
V1_CONDA_PYTHON = "python=3.8.13"


def mlflow(template: str, when: tuple[str, str] | None = None, why: str = "", key_prefix: str = "") -> Rewrite:
    """A rewrite to an MLflow call: safe unless it says what may change."""
    return Rewrite(template, when, Applicability.UNSAFE if why else Applicability.SAFE, ("import mlflow",), why,
                   key_prefix=key_prefix)


@dataclass(frozen=True)
class Advice:
    """What replaces one SDK v1 name, as data.

    ``text`` is read after "<name> is Azure ML SDK v1: use" for a replacement,
    is an imperative sentence for a name with no equivalent ("run the query
    from a command component"), and a clause of its own when informational.
    Code in backticks is SDK v2 Python: the conformance test parses every span
    and resolves each name and keyword in it against the pinned azure-ai-ml, and
    the fixes build on the same spans.
    """

    text: str
    tier: Tier | None = None  # None: the rule's tier
    # v1 parameter -> its v2 counterpart (a keyword, or words with code in backticks)
    renames: Mapping[str, str] = field(default_factory=dict)
    # the v1 parameters in positional order, so positional arguments are renamed too
    positional: tuple[str, ...] = ()
    # what --fix writes, in order of preference (see Rewrite); () when there is no fix
    fixes: tuple[Rewrite, ...] = ()

    @property
    def code(self) -> tuple[str, ...]:
        """The SDK v2 code the text shows (its backtick spans), renames and fixes included."""
        texts = [self.text, *self.renames.values()]
        spans = tuple(span for text in texts for span in text.split("`")[1::2])
        return spans + tuple(rewrite.code for rewrite in self.fixes)


def describe(advice: Advice) -> str:
    """One table row's text of a target: its advice, what kind it is when it has
    no equivalent, and its renames (docs, ``v2lint rules``, SARIF rule help)."""
    text = f"no v2 equivalent: {advice.text}" if advice.tier is Tier.NO_EQUIVALENT else advice.text
    if advice.renames:
        text += " (rename " + ", ".join(f"{v1} -> {v2}" for v1, v2 in advice.renames.items()) + ")"
    return text


def use(text: str, renames: Mapping[str, str] | None = None, positional: tuple[str, ...] = (),
        fixes: tuple[Rewrite, ...] = ()) -> Advice:
    """A v2 replacement: ``text`` is a noun phrase naming it."""
    return Advice(text, Tier.REPLACEMENT, MappingProxyType(dict(renames or {})), positional, fixes)


def instead(text: str) -> Advice:
    """No v2 equivalent: ``text`` says, as an imperative, what to do instead."""
    return Advice(text, Tier.NO_EQUIVALENT)


def note(text: str) -> Advice:
    """Informational: ``text`` is a clause of its own."""
    return Advice(text, Tier.INFO)


@dataclass(frozen=True)
class Rule:
    code: str  # flake8 code, "AML" + three digits
    msgid: str  # pylint message id, stored (never derived from code)
    symbol: str  # pylint symbol: lowercase letters and hyphens
    tier: Tier
    summary: str  # one line: what the rule finds
    article: str  # key of ARTICLES
    # v1 qualified name -> Advice; a plain string is the rule's tier's advice
    targets: Mapping[str, Advice] = field(default_factory=dict)
    # the message, when the tier's default wording does not fit; fields:
    # {named} (the symbol as written, with its canonical name) and {advice}
    template: str | None = None

    def __post_init__(self) -> None:
        targets = {
            qname: Advice(value, self.tier) if isinstance(value, str) else value
            for qname, value in self.targets.items()
        }
        object.__setattr__(self, "targets", MappingProxyType(targets))

    @property
    def url(self) -> str:
        return ARTICLES[self.article]

    @property
    def family(self) -> str:
        return self.code[:4]


_CREDENTIAL = "credential=azure.identity.DefaultAzureCredential()"
# why the fixes that choose a credential v1 did not use are unsafe
_SIGN_IN = "it signs in with DefaultAzureCredential, not v1's interactive login"
_BROWSER = "it signs in through the browser; v1 first used the Azure CLI's or a cached login"
_JOBS_CREATE = "`ml_client.jobs.create_or_update(job)`"
# a v1 run was submitted under its experiment: the v2 job carries the experiment's name
_JOBS_SUBMIT = "`ml_client.jobs.create_or_update(job, experiment_name=...)`"
# an AutoMLConfig that an AutoMLStep ran: the AutoML job is a node of the v2 pipeline
_AUTOML_NODE = "or, where an AutoMLStep ran it, called as a node inside the `@azure.ai.ml.dsl.pipeline` function"
_COMMAND = "`azure.ai.ml.command()`"
_MLTABLE_INPUT = '`azure.ai.ml.Input(type="mltable", path=...)`'
_ONLINE_DEPLOY = (
    "`azure.ai.ml.entities.ManagedOnlineEndpoint` + `azure.ai.ml.entities.ManagedOnlineDeployment` "
    "created with `ml_client.online_endpoints.begin_create_or_update` and "
    "`ml_client.online_deployments.begin_create_or_update` (both with local=True for a local web service)"
)
_BATCH_DEPLOY = (
    "a pipeline component (the .component of the pipeline job an `@azure.ai.ml.dsl.pipeline` function returns; "
    "`ml_client.components.create_or_update`) deployed as "
    "`azure.ai.ml.entities.PipelineComponentBatchDeployment` under an `azure.ai.ml.entities.BatchEndpoint` "
    "(`ml_client.batch_endpoints.begin_create_or_update`, `ml_client.batch_deployments.begin_create_or_update`); "
    "a pipeline published only to run on a schedule needs no endpoint: "
    "`azure.ai.ml.entities.JobSchedule(create_job=pipeline_job, trigger=...)` with `ml_client.schedules.begin_create_or_update`"
)
_MONITOR = (
    "model monitoring: `azure.ai.ml.entities.MonitorSchedule` with `azure.ai.ml.entities.DataDriftSignal`, "
    "created with `ml_client.schedules.begin_create_or_update`"
)
_AUTOML_RUNTIME = (
    "the MLflow model a v2 AutoML job (`azure.ai.ml.automl`) produces, loaded with `mlflow.pyfunc.load_model` "
    "(AutoML's runtime internals have no v2 API)"
)
# the registry components Microsoft's v2 samples run many models and hierarchical forecasting with
def _registry_components(what: str, training: str, inference: str) -> str:
    return (
        f"the {what} components of the azureml registry, called in an `@azure.ai.ml.dsl.pipeline` function: "
        f'`azure.ai.ml.MLClient(credential=..., registry_name="azureml").components.get(name="{training}", label="latest")` '
        f"for training (the AutoML settings in the YAML file of its automl_config input) and {inference} for inference"
    )


def _registry_component(name: str, what: str) -> str:
    return (
        f'`azure.ai.ml.MLClient(credential=..., registry_name="azureml").components.get(name="{name}", label="latest")`, '
        f"a component of the azureml registry called in an `@azure.ai.ml.dsl.pipeline` function ({what})"
    )


_MANY_MODELS = (
    "the AutoML many-models components (automl_many_models_training, automl_many_models_inference) or the "
    "hierarchical-forecasting ones (automl_hts_training, automl_hts_inference) of the azureml registry, got with "
    '`azure.ai.ml.MLClient(credential=..., registry_name="azureml").components.get(name=..., label="latest")` '
    "and called in an `@azure.ai.ml.dsl.pipeline` function"
)
_MANY_MODELS_ONLY = _registry_components("AutoML many-models", "automl_many_models_training", "automl_many_models_inference")
_HTS = _registry_components("AutoML hierarchical-forecasting", "automl_hts_training", "automl_hts_inference")
# v2 uploads a local folder as a data asset, to a path of its own choosing
_UPLOAD = (
    "`ml_client.data.create_or_update(azure.ai.ml.entities.Data(path='./local_folder', type='uri_folder'))`, which uploads "
    "the folder to the default datastore under a path of its own (lay the folder out locally first; where jobs need "
    "the files at a chosen target_path, copy them with azcopy or the azure-storage-blob package instead)"
)
_DATA_IMPORT = (
    "a data import: `ml_client.data.import_data(azure.ai.ml.entities.DataImport(name=..., path=..., "
    "source=azure.ai.ml.data_transfer.Database(query=..., connection=...)))` (Microsoft's answer for SQL sources)"
)

# the best model or metrics of an AutoML or sweep step: the node's own named outputs, no separate Output
_SPARK_INPUT = (
    '`azure.ai.ml.Input(type="uri_file", path=..., mode="direct")` in `azure.ai.ml.spark(inputs={...}, args=...)`, '
    "its path read with spark.read (a Spark job takes inputs in direct mode only; type=\"uri_folder\" for a folder)"
)
_TRAINING_OUTPUT = (
    "the named output of the training node itself, not a separate `azure.ai.ml.Output`: the best model of an "
    "AutoML node (`azure.ai.ml.automl.classification()` ... in the `@azure.ai.ml.dsl.pipeline` function) is its "
    "output best_model (`automl_node.outputs`), a sweep node's outputs are its best trial's (`node.outputs`); "
    'for TrainingOutput(type="Metrics") there is no output: read the metrics of the node\'s job with MLflow '
    "(`mlflow.tracking.MlflowClient().get_run(run_id).data.metrics`)"
)
_RESPONSIBLE_AI = "`azure.ai.ml` (Responsible AI dashboard components)"
# azureml.interpret wraps interpret-community; v2 explains offline only (the Responsible AI dashboard components)
_INTERPRET = instead(
    "compute explanations with interpret-community or SHAP directly (azureml.interpret wrapped interpret-community; "
    "SDK v2 has no explainers of its own, at scoring time none either); for offline explanations of a registered "
    "model, run the Responsible AI dashboard components of the azureml registry in an `@azure.ai.ml.dsl.pipeline` function"
)
# SDK v2 has no scoring explainers: a v2 AutoML job and the Responsible AI components explain offline only
_SCORING_EXPLANATIONS = instead(
    "compute explanations at scoring time with interpret-community's or SHAP's explainers installed in the "
    "deployment's environment (a v2 AutoML job explains its model only while it trains, with "
    "enable_model_explainability=True, and the Responsible AI dashboard components explain a model offline)"
)
# a name read off a v1 object is the plain string it was created or fetched with: v2 entities are
# looked up *by* that name, so "ml_client.<group>.get(name).name" would need what it returns
_STEP_OUTPUT_NAME = (
    "the output's name on its node (`node.outputs` by name); a finished step's output is downloaded with "
    "`ml_client.jobs.download(name, output_name=...)` of the step's child job (`ml_client.jobs.list(parent_job_name=...)`)"
)
_DATASTORE_NAME = (
    "the datastore's name as a plain string (the name it was got or registered with; the default datastore's is "
    '`ml_client.datastores.get_default().name`), used in v2 paths as "azureml://datastores/<name>/paths/..."'
)
_ATTACH = "attached with `ml_client.compute.begin_attach`"
_KUBERNETES_ATTACH = (
    f"`azure.ai.ml.entities.KubernetesCompute(name=..., resource_id=...)` {_ATTACH} (the cluster needs the "
    "Azure Machine Learning extension)"
)
_TIME_SERIES = "azureml.automl.core.shared.constants.TimeSeries"
# The value of each string constant of TimeSeries in the pinned SDK v1 (tests/conformance/test_v1_names.py checks
# them): the key of the setting in v1's AutoML settings.
AUTOML_TIME_SERIES_NAMES: Mapping[str, str] = MappingProxyType({
    "AUTO": "auto", "COUNTRY": "country", "COUNTRY_OR_REGION": "country_or_region",
    "COUNTRY_OR_REGION_FOR_HOLIDAYS": "country_or_region_for_holidays", "CV_STEP_SIZE": "cv_step_size",
    "DROP_COLUMN_NAMES": "drop_column_names", "FEATURE_LAGS": "feature_lags",
    "FEATURES_UNKNOWN_AT_FORECAST_TIME": "features_unknown_at_forecast_time",
    "FORECASTING_PARAMETERS": "forecasting_parameters", "FORECAST_HORIZON": "forecast_horizon", "FREQUENCY": "freq",
    "GRAIN_COLUMN_NAMES": "grain_column_names", "GROUP_COLUMN": "group", "GROUP_COLUMN_NAMES": "group_column_names",
    "HOLIDAY_COUNTRY": "holiday_country", "MAX_CORES_PER_ITERATION": "max_cores_per_iteration",
    "ITERATION_TIMEOUT_MINUTES": "iteration_timeout_minutes", "MAX_HORIZON": "max_horizon", "SEASONALITY": "seasonality",
    "SERIES_COLUMN_COUNT": "series_column_count", "SERIES_COUNT": "series_count", "SERIES_LEN_AVG": "series_len_avg",
    "SERIES_LEN_MIN": "series_len_min", "SERIES_LEN_MAX": "series_len_max", "SERIES_LEN_PERC_25": "series_len_perc_25",
    "SERIES_LEN_PERC_50": "series_len_perc_50", "SERIES_LEN_PERC_75": "series_len_perc_75",
    "SHORT_SERIES_HANDLING": "short_series_handling", "SHORT_SERIES_HANDLING_CONFIG": "short_series_handling_configuration",
    "STL_OPTION_SEASON": "season", "STL_OPTION_SEASON_TREND": "season_trend", "TARGET_COLUMN_NAME": "target_column_name",
    "LABEL_COLUMN_NAME": "label_column_name", "TARGET_LAGS": "target_lags",
    "TARGET_ROLLING_WINDOW_SIZE": "target_rolling_window_size", "TIME_COLUMN_NAME": "time_column_name",
    "TIME_SERIES_ID_COLUMN_NAMES": "time_series_id_column_names", "USE_STL": "use_stl",
    "TARGET_AGG_FUN": "target_aggregation_function", "ENABLE_FUTURE_REGRESSORS": "_enable_future_regressors",
})
# v1 setting key -> the keyword of ForecastingJob.set_forecast_settings where v2 names it otherwise
_V2_FORECAST_KEYWORDS = {
    "grain_column_names": "time_series_id_column_names", "freq": "frequency", "max_horizon": "forecast_horizon",
    "short_series_handling_configuration": "short_series_handling_config",
    "target_aggregation_function": "target_aggregate_function", "country_or_region": "country_or_region_for_holidays",
}
_FORECAST_KEYWORDS = frozenset({
    "time_column_name", "forecast_horizon", "time_series_id_column_names", "target_lags", "feature_lags",
    "target_rolling_window_size", "country_or_region_for_holidays", "use_stl", "seasonality",
    "short_series_handling_config", "frequency", "target_aggregate_function", "cv_step_size",
    "features_unknown_at_forecast_time",
})


def _time_series_advice(value: str) -> str:
    keyword = _V2_FORECAST_KEYWORDS.get(value, value)
    v2 = (f"; in a v2 forecasting job, `azure.ai.ml.automl.ForecastingJob.set_forecast_settings({keyword}=...)`"
          if keyword in _FORECAST_KEYWORDS else "")
    return f'the string "{value}", its value (the key of the setting in v1\'s AutoML settings){v2}'


_METRIC = "azureml.automl.core.shared.constants.Metric"
# The value of each metric constant of azureml.automl.core.shared.constants.Metric in the pinned SDK v1
# (tests/conformance/test_v1_names.py checks them): the name a v2 AutoML job logs the metric under to MLflow.
AUTOML_METRIC_NAMES: Mapping[str, str] = MappingProxyType({
    "AUCBinary": "AUC_binary", "AUCMacro": "AUC_macro", "AUCMicro": "AUC_micro", "AUCWeighted": "AUC_weighted",
    "Accuracy": "accuracy", "WeightedAccuracy": "weighted_accuracy", "BalancedAccuracy": "balanced_accuracy",
    "NormMacroRecall": "norm_macro_recall", "LogLoss": "log_loss", "F1Binary": "f1_score_binary",
    "F1Micro": "f1_score_micro", "F1Macro": "f1_score_macro", "F1Weighted": "f1_score_weighted",
    "PrecisionBinary": "precision_score_binary", "PrecisionMicro": "precision_score_micro",
    "PrecisionMacro": "precision_score_macro", "PrecisionWeighted": "precision_score_weighted",
    "RecallBinary": "recall_score_binary", "RecallMicro": "recall_score_micro", "RecallMacro": "recall_score_macro",
    "RecallWeighted": "recall_score_weighted", "AvgPrecisionBinary": "average_precision_score_binary",
    "AvgPrecisionMicro": "average_precision_score_micro", "AvgPrecisionMacro": "average_precision_score_macro",
    "AvgPrecisionWeighted": "average_precision_score_weighted", "AccuracyTable": "accuracy_table",
    "ConfusionMatrix": "confusion_matrix", "MatthewsCorrelation": "matthews_correlation",
    "ExplainedVariance": "explained_variance", "R2Score": "r2_score", "Spearman": "spearman_correlation",
    "MAPE": "mean_absolute_percentage_error", "SMAPE": "symmetric_mean_absolute_percentage_error",
    "MeanAbsError": "mean_absolute_error", "MedianAbsError": "median_absolute_error", "RMSE": "root_mean_squared_error",
    "RMSLE": "root_mean_squared_log_error", "NormMeanAbsError": "normalized_mean_absolute_error",
    "NormMedianAbsError": "normalized_median_absolute_error", "NormRMSE": "normalized_root_mean_squared_error",
    "NormRMSLE": "normalized_root_mean_squared_log_error", "Residuals": "residuals", "PredictedTrue": "predicted_true",
    "ForecastMAPE": "forecast_mean_absolute_percentage_error",
    "ForecastSMAPE": "forecast_symmetric_mean_absolute_percentage_error", "ForecastResiduals": "forecast_residuals",
    "ForecastTable": "forecast_table", "ForecastAdjustmentResiduals": "forecast_adjustment_residuals", "IOU": "iou",
    "MeanAveragePrecision": "mean_average_precision",
})
# The metrics a v2 AutoML job can optimise: the enum of the task (its member is the name in upper case).
_PRIMARY_METRIC_ENUMS = {
    "AUC_weighted": "ClassificationPrimaryMetrics", "accuracy": "ClassificationPrimaryMetrics",
    "norm_macro_recall": "ClassificationPrimaryMetrics", "average_precision_score_weighted": "ClassificationPrimaryMetrics",
    "precision_score_weighted": "ClassificationPrimaryMetrics", "spearman_correlation": "RegressionPrimaryMetrics",
    "normalized_root_mean_squared_error": "RegressionPrimaryMetrics", "r2_score": "RegressionPrimaryMetrics",
    "normalized_mean_absolute_error": "RegressionPrimaryMetrics",
}


def _metric_advice(name: str) -> str:
    text = f'"{name}", the name a v2 AutoML job logs this metric under to MLflow'
    enum = _PRIMARY_METRIC_ENUMS.get(name)
    if enum:
        text += f"; as a job's primary metric, `azure.ai.ml.automl.{enum}.{name.upper()}`"
        if enum == "RegressionPrimaryMetrics":
            text += f" (`azure.ai.ml.automl.ForecastingPrimaryMetrics.{name.upper()}` for forecasting)"
    return text


_MODEL_PREDICT = (
    "the best model's MLflow model, loaded with `mlflow.pyfunc.load_model` and its predict method, or a batch "
    "deployment of it invoked with `ml_client.batch_endpoints.invoke`"
)
_MODEL_TEST = (
    "the test data of the v2 AutoML job itself, `azure.ai.ml.automl.regression(test_data=...)` (every task factory "
    "takes it; the job logs the test predictions and metrics), or " + _MODEL_PREDICT
)
# v2 data assets are got by name and version; a job gets its data as an input, not an ID to look up
_BY_NAME_NOT_ID = "`ml_client.data.get(name, version=...)` (a v2 data asset is got by name and version, not by ID)"
_INPUT_NOT_ID = (
    'an `azure.ai.ml.Input(type="mltable", path="azureml:<name>:<version>")` of the job instead of a dataset ID, '
    "its path read from the command line (${{inputs.<name>}}) and loaded with `mltable.load(path).to_pandas_dataframe()` "
    '(type="uri_folder" for files; in a Spark job, `azure.ai.ml.Input(mode="direct")` read with spark.read)'
)
_FEATURIZATION = "azureml.automl.core.featurization.featurizationconfig.FeaturizationConfig"
def _set_featurization(keywords: str) -> str:
    # the same method on every tabular task job: name none of them first
    return (
        f'`automl_job.set_featurization(mode="custom", {keywords})` of the task\'s v2 AutoML job '
        "(`azure.ai.ml.automl.ClassificationJob`, `azure.ai.ml.automl.RegressionJob` or `azure.ai.ml.automl.ForecastingJob`)"
    )
_CONDA_FILE = "a conda YAML file passed as `azure.ai.ml.entities.Environment(conda_file=..., image=...)`"
_CONDA = "azureml.core.conda_dependencies.CondaDependencies"
_CONDA_YAML = "the conda YAML file given to `azure.ai.ml.entities.Environment(conda_file=..., image=...)`"
_JOB_INPUT = "an `azure.ai.ml.Input` of the job, read from the command line (${{inputs.<name>}})"
_UNKNOWN_VALUE = "MLflow metrics take numbers only, and v2lint cannot tell what this value is"
_LIST_VALUES = "each value becomes the metric at its index as the step; MLflow metrics take numbers only"
_ROW_METRICS = "each column becomes the metric <name>.<column>: the studio shows no table"
_TABLE_ARTIFACT = "the table becomes the JSON artifact <name>.json, not a metric"
# Run methods that log a JSON value the studio drew as a chart: in MLflow, an artifact <name>.json
_JSON_LOGS = ("log_accuracy_table", "log_confusion_matrix", "log_predictions", "log_residuals")
_JSON_ARTIFACT = "the value becomes the JSON artifact <name>.json: the studio draws no chart of it"


def _json_artifact() -> Advice:
    """A Run.log_<chart>(name, value) call: the value, JSON text or a dict, as the artifact <name>.json."""
    return use(
        "`mlflow.log_dict(value, file)` (`mlflow.log_text(value, file)` for JSON text)",
        positional=("name", "value", "description"),
        fixes=(
            mlflow('mlflow.log_text({value}, {name} + ".json")', when=("value", "text"), why=_JSON_ARTIFACT),
            mlflow('mlflow.log_dict({value}, {name} + ".json")', why=_JSON_ARTIFACT),
        ),
    )


# the client a job calls Azure ML with: the identity the job was submitted with
_MLCLIENT_IN_JOB = (
    "`azure.ai.ml.MLClient(credential=azure.ai.ml.identity.AzureMLOnBehalfOfCredential(), subscription_id=..., "
    "resource_group_name=..., workspace_name=...)`"
)
# why a client made inside a job is unsafe: v1's run reached its workspace with the run's own token
_ON_BEHALF_OF = (
    "the job must be submitted with the user's identity (`identity=azure.ai.ml.UserIdentityConfiguration()`) "
    "for `AzureMLOnBehalfOfCredential`, or use a managed identity credential"
)
# where a model is read from: a deployment's scoring script, a job's input
_MODEL_DIR = (
    'os.environ["AZUREML_MODEL_DIR"] in the scoring script of an online or batch deployment (a deployment serves one '
    "model: the files of several go into one registered model folder)"
)
# Model.register's arguments, and its fix, written with the client that replaces the workspace argument
# (the in-job workspace fix), in and outside a job; a v2 Model is a custom_model unless told otherwise, as v1's was
_MODEL_REGISTER_CALL = dict(
    renames={"model_name": "name", "model_path": "path"},
    positional=("workspace", "model_path", "model_name", "tags", "properties", "description"),
    fixes=tuple(
        v2("ml_client.models.create_or_update(Model(path={model_path}, name={model_name}"
           + "".join(f", {name}={{{name}}}" for name in extra) + "))", "from azure.ai.ml.entities import Model")
        for extra in (("tags", "description"), ("tags",), ("description",), ())
    ),
)
_MODEL_INPUT_ONLY = (
    '`azure.ai.ml.Input(type="custom_model", path="azureml:<name>:<version>")` '
    '(type="mlflow_model" for an MLflow model), its path read from the command line (${{inputs.<name>}})'
)
_MODEL_INPUT = "the model passed to the job as an input, " + _MODEL_INPUT_ONLY + ": AZUREML_MODEL_DIR is set in deployments only"
_MLFLOW_IN_JOB = "MLflow (`mlflow.start_run` / `mlflow.autolog`; tracking is configured automatically inside an Azure ML job)"

_WS = "azureml.core.workspace.Workspace"
_EXP = "azureml.core.experiment.Experiment"
_RUN = "azureml.core.run.Run"
_ENV = "azureml.core.environment.Environment"
_CT = "azureml.core.compute.compute.ComputeTarget"
_DS = "azureml.core.dataset.Dataset"
_FILE_DS = "azureml.data.file_dataset.FileDataset"
_TAB_DS = "azureml.data.tabular_dataset.TabularDataset"
_ABSTRACT_DS = "azureml.data.abstract_dataset.AbstractDataset"
_CONSUME = "azureml.data.dataset_consumption_config.DatasetConsumptionConfig"
_OUT_FILE = "azureml.data.output_dataset_config.OutputFileDatasetConfig"
_DATASTORE = "azureml.core.datastore.Datastore"
_BLOB = "azureml.data.azure_storage_datastore.AzureBlobDatastore"
_MODEL = "azureml.core.model.Model"
_WEBSERVICE = "azureml.core.webservice.webservice.Webservice"
_LOCAL_WEBSERVICE = "azureml.core.webservice.local.LocalWebservice"
_PIPELINE = "azureml.pipeline.core.pipeline.Pipeline"
_PUBLISHED = "azureml.pipeline.core.graph.PublishedPipeline"
_PIPE_ENDPOINT = "azureml.pipeline.core.pipeline_endpoint.PipelineEndpoint"
_STEPS = "azureml.pipeline.steps."
_HD = "azureml.train.hyperdrive."
_KEYVAULT = "azureml.core.keyvault.Keyvault"

# the secret client of the workspace's key vault, named inside an instead(...) sentence
_VAULT = (
    "`secret_client`, an `azure.keyvault.secrets.SecretClient(vault_url, credential=azure.identity.DefaultAzureCredential())` "
    "for the vault URL https://<vault>.vault.azure.net/ (<vault> is the last segment of the resource ID in "
    "`ml_client.workspaces.get(name).key_vault`)"
)
_SECRET_CLIENT = (
    "`azure.keyvault.secrets.SecretClient(vault_url, credential=azure.identity.DefaultAzureCredential())`, "
    "with the vault URL https://<vault>.vault.azure.net/ (<vault> is the last segment of the resource ID "
    "in `ml_client.workspaces.get(name).key_vault`)"
)
_COMMAND_STEP = (
    "a command component (`azure.ai.ml.command()` or `azure.ai.ml.load_component()`) "
    "called inside an `@azure.ai.ml.dsl.pipeline` function"
)

# v2 names the best child of an AutoML job in a tag of the AutoML job
_BEST_CHILD_NAME = 'the AutoML job\'s tag automl_best_child_run_id (`ml_client.jobs.get(name).tags`)'

# SDK v2 creates no virtual machine: one made elsewhere is attached
_DSVM_CREATE = instead(
    "create the virtual machine outside Azure ML (Azure CLI, portal or ARM) and attach it as an "
    "`azure.ai.ml.entities.VirtualMachineCompute(name=..., resource_id=...)` with `ml_client.compute.begin_attach`, "
    "or use an Azure ML cluster (`azure.ai.ml.entities.AmlCompute`): SDK v2 creates no virtual machines"
)
# a cluster rescaled: v2 updates the entity itself, got by name, changed and sent back
_CLUSTER_UPDATE = use(
    "`ml_client.compute.begin_update(compute)` on the `azure.ai.ml.entities.AmlCompute` of "
    "`ml_client.compute.get(name)`, its min_instances, max_instances and idle_time_before_scale_down set first",
    renames={"min_nodes": "min_instances", "max_nodes": "max_instances",
             "idle_seconds_before_scaledown": "idle_time_before_scale_down"},
    positional=("min_nodes", "max_nodes", "idle_seconds_before_scaledown"),
)

RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ AML0xx
    Rule(
        "AML000", "E7400", "could-not-analyse", Tier.UNANALYSABLE,
        "A file v2lint could not analyse (syntax error, undecodable bytes, broken notebook, analysis limit).",
        "overview",
    ),
    Rule(
        "AML001", "W7401", "azureml-import", Tier.REPLACEMENT,
        "An import of an Azure ML SDK v1 module or name.",
        "overview",
        targets={
            # module-level advice; an imported name that is itself a catalogue
            # target gets that target's advice instead
            "azureml.core": "`azure.ai.ml` (`azure.ai.ml.MLClient` and `azure.ai.ml.entities`)",
            "azureml.data": "`azure.ai.ml.Input`, `azure.ai.ml.Output` and `azure.ai.ml.entities.Data`",
            "azureml.pipeline": "`azure.ai.ml.dsl.pipeline` and components (`azure.ai.ml.command`, `azure.ai.ml.load_component`)",
            "azureml.train": "`azure.ai.ml.command` jobs",
            "azureml.train.hyperdrive": "`azure.ai.ml.sweep`",
            "azureml.train.automl": "`azure.ai.ml.automl`",
            "azureml.automl": "`azure.ai.ml.automl`",
            # v1's constant classes hold plain strings: v2 takes the names themselves
            "azureml.automl.core.shared.constants": (
                "the names as plain strings in the settings of the `azure.ai.ml.automl` job (primary_metric=\"accuracy\"), "
                "or the enums of `azure.ai.ml.automl` where they exist (`azure.ai.ml.automl.ClassificationPrimaryMetrics`); "
                "delete the import where nothing uses it"
            ),
            "azureml.automl.runtime": _AUTOML_RUNTIME,
            "azureml.automl.runtime.onnx_convert": (
                "the ONNX model a v2 AutoML job writes when asked "
                "(`azure.ai.ml.automl.ClassificationJob.set_training(enable_onnx_compatible_models=True)`), "
                "downloaded from the job's outputs and scored with onnxruntime's InferenceSession"
            ),
            "azureml.train.automl.runtime": _AUTOML_RUNTIME,
            "azureml.automl.runtime.shared.score": (
                "the metrics the v2 AutoML job logs to MLflow (`mlflow.tracking.MlflowClient().get_run(run_id).data.metrics`), "
                "or scikit-learn's metrics for new predictions"
            ),
            "azureml.train.automl.runtime.automl_explain_utilities": (
                "the explanations the v2 AutoML job computes itself "
                "(`automl_job.set_training(enable_model_explainability=True)` of the task's job); to explain its model on data "
                "of your choosing, interpret-community's or SHAP's explainers on the model downloaded from the job, or the "
                "Responsible AI dashboard components"
            ),
            "azureml.automl.dnn": _AUTOML_RUNTIME,
            # hierarchical forecasting and many models: pipeline components in v2, not a job type
            "azureml.train.automl.runtime._hts": _HTS,
            # the private helpers the HTS and backtest samples import for file chores, not a pipeline to build
            "azureml.train.automl.runtime._hts.hts_runtime_utilities": instead(
                "write the files with plain Python instead (json.dump for the settings, pandas for the data): "
                "these are private helpers of AutoML's runtime and SDK v2 has no counterpart"
            ),
            "azureml.train.automl.runtime._many_models": _MANY_MODELS_ONLY,
            "azureml.contrib.automl.pipeline": _MANY_MODELS,
            # names of modules the stubs do not model, with advice of their own (unmodelled_advice)
            "azureml.contrib.automl.pipeline.steps.AutoMLPipelineBuilder.get_many_models_train_steps": _registry_component(
                "automl_many_models_training", "the AutoML settings in the YAML file of its automl_config input"
            ),
            "azureml.contrib.automl.pipeline.steps.AutoMLPipelineBuilder.get_many_models_batch_inference_steps": (
                _registry_component("automl_many_models_inference", "the data to forecast as its raw_data input")
            ),
            # the forecasts of a finished run, not a step to build
            "azureml.contrib.automl.pipeline.steps.utilities.get_output_from_mm_pipeline": (
                "`ml_client.jobs.download(name, output_name=..., download_path=...)` of the inference step's child job "
                "(`ml_client.jobs.list(parent_job_name=name)`), then pandas on the downloaded file"
            ),
            # `type(run) == _OfflineRun` told a local run from a job to choose how to reach the workspace
            "azureml.core.run._OfflineRun": instead(
                "create the client where the script runs instead of testing for an offline run (SDK v2 has none), "
                "`azure.ai.ml.MLClient.from_config(credential=azure.identity.DefaultAzureCredential())` outside a job and "
                + _MLCLIENT_IN_JOB + " inside one, or pass what the script needs as job inputs"
            ),
            # a handler of SDK v1's exceptions guards the v1 call in its try: it goes with that call
            "azureml.exceptions": (
                "the exceptions of the v2 code that replaces the guarded v1 call, moving the handler with that call: "
                "`azure.core.exceptions.ResourceNotFoundError` and the other `azure.core.exceptions` where an "
                "`azure.ai.ml.MLClient` operation replaces it, and no handler where nothing does"
            ),
            # raised only by TabularDataset's time-series filters, which have no v2 counterpart to raise anything
            "azureml.exceptions.DatasetTimestampMissingError": instead(
                "drop the handler together with the time-series filter it guards (time_before, time_after, time_between, "
                "time_recent): filter the rows with `mltable.load(path).filter(...)` or with pandas, "
                "which raises no such exception"
            ),
            # SDK v1's private REST layer: MLClient's public operations do what it did
            "azureml._restclient": instead(
                "work through the public operations of `azure.ai.ml.MLClient` instead (`ml_client.jobs` for runs, "
                "`ml_client.environments` for environments, curated ones from the azureml registry, "
                '`azure.ai.ml.MLClient(credential=..., registry_name="azureml").environments.get(name, label="latest")`): '
                "azureml._restclient is SDK v1's private REST client and SDK v2 has no such layer to call"
            ),
            # SDK v2 has no pipeline drafts: an editable pipeline is a pipeline component
            "azureml.pipeline.core.pipeline_draft": (
                "a pipeline component instead of a draft (SDK v2 has no drafts): the `@azure.ai.ml.dsl.pipeline` "
                "function's component registered with `ml_client.components.create_or_update(component)` and got back "
                "with `ml_client.components.get(name, version=...)`"
            ),
            # v1 Modules were reusable, versioned step definitions: components in v2
            "azureml.pipeline.core.module": (
                "a component (`azure.ai.ml.load_component(source=...)` of a component YAML, or `azure.ai.ml.command()`) "
                "registered with `ml_client.components.create_or_update(component)` and got with "
                "`ml_client.components.get(name, version=...)`"
            ),
            "azureml.pipeline.core.graph.InputPortDef": "the inputs of a component, `azure.ai.ml.Input`",
            "azureml.pipeline.core.graph.OutputPortDef": "the outputs of a component, `azure.ai.ml.Output`",
            "azureml.pipeline.core.graph.PortDataReference": (
                "the output of the step's child job (`ml_client.jobs.list(parent_job_name=name)`), downloaded with "
                "`ml_client.jobs.download(name, output_name=..., download_path=...)`"
            ),
            "azureml.pipeline.core.run.StepRun": "the pipeline job's child jobs, `ml_client.jobs.list(parent_job_name=name)`",
            "azureml.pipeline.steps.hyper_drive_step.HyperDriveStepRun": (
                "the pipeline job's child jobs, `ml_client.jobs.list(parent_job_name=name)` (a sweep node's trials "
                "are its own child jobs)"
            ),
            # SDK v2 reaches Synapse through an attached Spark pool, not a linked service
            "azureml.core.linked_service": (
                "an attached Synapse Spark pool, `azure.ai.ml.entities.SynapseSparkCompute` attached with "
                "`ml_client.compute.begin_attach(compute)` (SDK v2 has no linked services), or serverless Spark compute "
                "for `azure.ai.ml.spark()` jobs"
            ),
            "azureml.contrib.notebook": instead(
                "run the notebook with papermill in the command of a job instead, "
                '`azure.ai.ml.command(command="papermill in.ipynb out.ipynb", code=...)`: SDK v2 has no notebook step'
            ),
            # time-series traits of a TabularDataset: SDK v2 data assets have none
            "azureml.data.tabular_dataset.TabularDataset.timestamp_columns": instead(
                "keep the time column's name in your own code and filter with pandas or mltable instead: "
                "SDK v2 data assets have no time-series traits"
            ),
            "azureml.data.abstract_dataset.AbstractDataset.partition_keys": instead(
                "keep the partition columns in your own code instead (a parallel job's partition_keys= of "
                "`azure.ai.ml.parallel.parallel_run_function` partitions by them): SDK v2 data assets have no partition keys"
            ),
            "azureml.data.tabular_dataset.TabularDataset": (
                'a tabular data asset, `azure.ai.ml.entities.Data(type="mltable", path=...)`, which jobs take as '
                '`azure.ai.ml.Input(type="mltable", path=...)`'
            ),
            "azureml.data.dataset_factory.DataType": (
                "the column types of the MLTable file's transformations (the mltable package's DataType), "
                'for a data asset of `azure.ai.ml.entities.Data(type="mltable")`'
            ),
            "azureml.data.output_dataset_config.HDFSOutputDatasetConfig": "`azure.ai.ml.Output` of a node",
            "azureml.data.output_dataset_config.LinkTabularOutputDatasetConfig": '`azure.ai.ml.Output(type="mltable")` of a node',
            "azureml.core.workspace._ComputeTargetDict": "the computes `ml_client.compute.list()` lists",
            # v2 models have a type (custom_model, mlflow_model, triton_model), not a framework
            "azureml.core.model.Model.Framework": (
                "the type of the model, `azure.ai.ml.entities.Model(type=...)` (custom_model, mlflow_model, triton_model): "
                "SDK v2 models name no framework"
            ),
            "azureml.widgets": "the job's studio_url (`ml_client.jobs.get(name).studio_url`) or `ml_client.jobs.stream`",
            "azureml.datadrift": "model monitoring (`azure.ai.ml.entities.MonitorSchedule`, `azure.ai.ml.entities.DataDriftSignal`)",
            "azureml.contrib": "`azure.ai.ml`",
            "azureml.history": "MLflow (mlflow)",
            "azureml.interpret": _INTERPRET,
            # the explanation store of a run: SDK v2 keeps an explanation as an artifact of its job
            "azureml.interpret.ExplanationClient": instead(
                "keep an explanation as an artifact of the job that computes it, "
                '`mlflow.log_dict(explanation.get_feature_importance_dict(), "explanation.json")` inside the job (for a '
                "dashboard, the explanation itself saved with interpret-community's save_explanation and logged with "
                "`mlflow.log_artifact`), and get it back with `ml_client.jobs.download(name, all=True)` (a v2 AutoML job's explanations are artifacts of its "
                "best child job); SDK v2 has no explanation client"
            ),
            "azureml.interpret.scoring": _SCORING_EXPLANATIONS,
            # a v1 AutoML pipeline helper that set variables on a step's run configuration
            "azureml.contrib.automl.pipeline.steps.utilities.set_environment_variables_for_run": (
                "the variables given as `azure.ai.ml.command(environment_variables={...})` of the step's component"
            ),
            # MimicWrapper wrapped interpret-community's MimicExplainer; AutoML's v1 samples used it on the best model
            "azureml.interpret.mimic_wrapper.MimicWrapper": instead(
                "compute the explanation with interpret-community's MimicExplainer, which MimicWrapper wrapped, in the job; "
                "for an AutoML model, let the AutoML job explain its best model, "
                "`azure.ai.ml.automl.ClassificationJob.set_training(enable_model_explainability=True)` (likewise on the "
                "other task jobs)"
            ),
            # SDK v2 has no TensorBoard helper: run TensorBoard on the logs, or let the job serve it
            "azureml.tensorboard": instead(
                "run TensorBoard yourself (tensorboard --logdir) on the logs the job wrote, downloaded with "
                "`ml_client.jobs.download(name, all=True)`, or have the job serve it: "
                '`azure.ai.ml.command(services={"tensorboard": azure.ai.ml.entities.TensorBoardJobService(log_dir="outputs/logs")})`'
            ),
            "azureml.explain": _RESPONSIBLE_AI,
            "azureml.responsibleai": _RESPONSIBLE_AI,
            "azureml.training": "`azure.ai.ml.automl`",
            "azureml.dataprep": '`azure.ai.ml.Input(type="mltable", path=...)` for tabular data (the mltable package reads it)',
            "azureml.opendatasets": 'the dataset\'s public storage path as `azure.ai.ml.Input(type="uri_folder", path=...)`',
            "azureml.monitoring": "the data collection of managed online deployments (`azure.ai.ml.entities.DataCollector`)",
            "azureml.synapse": "Spark jobs and components (`azure.ai.ml.spark`)",
            # set_diagnostics_collection: v2's telemetry is a keyword of the client, on by default in notebooks
            "azureml.telemetry": instead(
                "remove the call: SDK v2 sends telemetry from notebooks by default, and "
                "`azure.ai.ml.MLClient(credential=..., enable_telemetry=False)` turns it off"
            ),
        },
    ),
    Rule(
        "AML002", "W7402", "mixed-azureml-sdks", Tier.REPLACEMENT,
        "A file that imports both SDK v1 and SDK v2 (`azure.ai.ml`); Microsoft advises against mixing them in one file.",
        "overview",
        template="{named} is imported in a file that also uses Azure ML SDK v1: {advice}",
        targets={"azure.ai.ml": "finish the migration of this file to `azure.ai.ml`; both SDKs define Workspace, Model, Environment, Data"},
    ),
    Rule(
        "AML003", "W7403", "azureml-deprecation-warning-silenced", Tier.REPLACEMENT,
        "Setting an environment variable that silences the SDK v1 deprecation warning.",
        "overview",
        template="setting {named} silences the Azure ML SDK v1 deprecation warning: {advice}",
        targets={
            "AZUREML_DEPRECATE_WARNING": "migrate the code that warns to `azure.ai.ml` instead of hiding the warning",
            "AZUREML_LOG_DEPRECATION_WARNING_ENABLED": "migrate the code that warns to `azure.ai.ml` instead of hiding the warning",
        },
    ),
    Rule(
        "AML004", "I7404", "azureml-import-in-compat-guard", Tier.INFO,
        "An SDK v1 import that is only a fallback of an `azure.ai.ml` import (try/except ImportError).",
        "overview",
        template="{named} is the Azure ML SDK v1 fallback of an `azure.ai.ml` import: {advice}",
        targets={"azureml": "remove it once every environment has azure-ai-ml"},
    ),
    Rule(
        "AML005", "I7405", "azureml-legacy-mode-update", Tier.INFO,
        "Workspace.update(v1_legacy_mode=False): the one SDK v1 call needed to enable the v2 API on a workspace.",
        "network-isolation",
        targets={
            _WS + ".update(v1_legacy_mode)": "this v1 call is what enables SDK v2 on a private-endpoint workspace; remove it once the workspace has v1_legacy_mode=False",
        },
    ),
    Rule(
        "AML006", "W7406", "azureml-sdk-version", Tier.REPLACEMENT,
        "Reading the SDK v1 version (azureml.core.VERSION), common in notebooks.",
        "pipeline",
        targets={"azureml.core.VERSION": 'importlib.metadata.version("azure-ai-ml")'},
    ),
    Rule(
        "AML007", "W7407", "azureml-sdk-member", Tier.REPLACEMENT,
        "Any other use of an SDK v1 class, function, constant or module member that no more specific rule covers.",
        "overview",
        # no targets: what is v1 comes from the brain's stubs (the SDK's whole
        # API surface), the advice from the module's AML001 entry
    ),
    # ------------------------------------------------------------------ AML1xx workspace
    Rule(
        "AML101", "W7410", "azureml-workspace", Tier.REPLACEMENT,
        "SDK v1 Workspace handles and operations.",
        "workspace",
        targets={
            # the handle's fixes (v2lint/fix_workspace.py): with the v1 auth= as the credential (its own
            # rewrite below) the identity is kept; without it, DefaultAzureCredential signs in instead
            _WS: use(
                f"`azure.ai.ml.MLClient({_CREDENTIAL}, subscription_id=..., resource_group_name=..., workspace_name=...)` to work in a workspace, `azure.ai.ml.entities.Workspace` to describe one",
                positional=("subscription_id", "resource_group", "workspace_name", "auth"),
                fixes=(
                    v2("MLClient({auth}, subscription_id={subscription_id}, resource_group_name={resource_group}, "
                       "workspace_name={workspace_name})", "from azure.ai.ml import MLClient"),
                    v2("MLClient(DefaultAzureCredential(), subscription_id={subscription_id}, "
                       "resource_group_name={resource_group}, workspace_name={workspace_name})",
                       *MLCLIENT_IMPORTS, why=_SIGN_IN),
                ),
            ),
            _WS + ".from_config": use(
                f"`azure.ai.ml.MLClient.from_config({_CREDENTIAL})`",
                positional=("path", "auth"),
                fixes=(
                    v2("MLClient.from_config(credential={auth}, path={path})", "from azure.ai.ml import MLClient"),
                    v2("MLClient.from_config(credential={auth})", "from azure.ai.ml import MLClient"),
                    v2("MLClient.from_config(credential=DefaultAzureCredential(), path={path})", *MLCLIENT_IMPORTS,
                       why=_SIGN_IN),
                    v2("MLClient.from_config(credential=DefaultAzureCredential())", *MLCLIENT_IMPORTS, why=_SIGN_IN),
                ),
            ),
            _WS + ".get": use(
                f"`azure.ai.ml.MLClient({_CREDENTIAL}, subscription_id=..., resource_group_name=..., workspace_name=...)`",
                renames={"name": "workspace_name", "resource_group": "resource_group_name", "auth": "credential"},
                positional=("name", "auth", "subscription_id", "resource_group"),
                fixes=(  # v1 searched the subscriptions for the name when none was given: no fix then
                    v2("MLClient({auth}, subscription_id={subscription_id}, resource_group_name={resource_group}, "
                       "workspace_name={name})", "from azure.ai.ml import MLClient"),
                    v2("MLClient(DefaultAzureCredential(), subscription_id={subscription_id}, "
                       "resource_group_name={resource_group}, workspace_name={name})", *MLCLIENT_IMPORTS, why=_SIGN_IN),
                ),
            ),
            _WS + ".create": "`azure.ai.ml.entities.Workspace(...)` created with `ml_client.workspaces.begin_create`",
            _WS + ".get_details": "`ml_client.workspaces.get(name)`",
            _WS + ".update": "`ml_client.workspaces.begin_update(workspace)`",
            _WS + ".delete": "`ml_client.workspaces.begin_delete(name, delete_dependent_resources=False)`",
            _WS + ".list": "`ml_client.workspaces.list()`",
            _WS + ".write_config": (
                'a config.json of {"subscription_id": ..., "resource_group": ..., "workspace_name": ...}, '
                "the file `azure.ai.ml.MLClient.from_config` reads"
            ),
            _WS + ".add_private_endpoint": 'network settings on `azure.ai.ml.entities.Workspace` (public_network_access="Disabled") with `ml_client.workspaces.begin_create`',
            _WS + ".get_default_datastore": use("`ml_client.datastores.get_default()`",
                                                fixes=(v2("ml_client.datastores.get_default()"),)),
            _WS + ".set_default_datastore": instead(
                "set the default datastore in Azure ML studio: SDK v2 can read it (`ml_client.datastores.get_default()`) but has no operation that sets it"
            ),
            _WS + ".get_default_keyvault": _SECRET_CLIENT,
            _WS + ".name": use("`ml_client.workspace_name`", fixes=(v2("ml_client.workspace_name"),)),
            _WS + ".subscription_id": use("`ml_client.subscription_id`", fixes=(v2("ml_client.subscription_id"),)),
            _WS + ".resource_group": use("`ml_client.resource_group_name`", fixes=(v2("ml_client.resource_group_name"),)),
            _WS + ".location": use("`ml_client.workspaces.get(ml_client.workspace_name).location`",
                                   fixes=(v2("ml_client.workspaces.get(ml_client.workspace_name).location"),)),
            # the indexed collections: {name} is the index of ws.compute_targets[name]
            _WS + ".compute_targets": use("`ml_client.compute.get(name)` or `ml_client.compute.list()`",
                                          fixes=(v2("ml_client.compute.get({name})"),)),
            _WS + ".datasets": "`ml_client.data.get(name, version=...)` or `ml_client.data.list()`",
            _WS + ".datastores": use("`ml_client.datastores.get(name)` or `ml_client.datastores.list()`",
                                     fixes=(v2("ml_client.datastores.get({name})"),)),
            _WS + ".environments": "`ml_client.environments.get(name, version=...)` or `ml_client.environments.list()`",
            _WS + ".models": use("`ml_client.models.get(name, version=...)` or `ml_client.models.list()`",
                                 fixes=(v2('ml_client.models.get({name}, label="latest")'),)),  # v1: the latest versions
            _WS + ".experiments": "`ml_client.jobs.list()` (experiments are names on jobs)",
            _WS + ".webservices": "`ml_client.online_endpoints.list()`",
            _WS + ".get_mlflow_tracking_uri": use(
                "`ml_client.workspaces.get(name).mlflow_tracking_uri`",
                fixes=(v2("ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri"),)),
            # editions ("basic", "enterprise") are gone: the v2 Workspace entity has no SKU to read
            _WS + ".sku": instead(
                "remove it: workspaces have no edition or SKU any more, and `azure.ai.ml.entities.Workspace` has no such "
                "field (`ml_client.workspaces.get(name).location` and the other fields of the entity remain)"
            ),
            "azureml.core.private_endpoint.PrivateEndPointConfig": 'network settings on `azure.ai.ml.entities.Workspace` (public_network_access="Disabled")',
        },
    ),
    Rule(
        "AML102", "W7411", "azureml-authentication", Tier.REPLACEMENT,
        "SDK v1 authentication classes (azureml.core.authentication).",
        "workspace",
        targets={
            # the credentials' fixes are written with the workspace handle they sign in (v2lint/fix_workspace.py)
            "azureml.core.authentication.InteractiveLoginAuthentication": use(
                "`azure.identity.InteractiveBrowserCredential`",
                positional=("force", "tenant_id"),
                fixes=(
                    v2("InteractiveBrowserCredential(tenant_id={tenant_id})", "from azure.identity import InteractiveBrowserCredential",
                       why=_BROWSER),
                    v2("InteractiveBrowserCredential()", "from azure.identity import InteractiveBrowserCredential", why=_BROWSER),
                ),
            ),
            "azureml.core.authentication.ServicePrincipalAuthentication": use(
                "`azure.identity.ClientSecretCredential(tenant_id=..., client_id=..., client_secret=...)`",
                renames={"service_principal_id": "client_id", "service_principal_password": "client_secret"},
                positional=("tenant_id", "service_principal_id", "service_principal_password"),
                fixes=(v2("ClientSecretCredential(tenant_id={tenant_id}, client_id={service_principal_id}, "
                          "client_secret={service_principal_password})", "from azure.identity import ClientSecretCredential"),),
            ),
            "azureml.core.authentication.MsiAuthentication": use(
                "`azure.identity.ManagedIdentityCredential`", positional=("cloud",),
                fixes=(v2("ManagedIdentityCredential()", "from azure.identity import ManagedIdentityCredential",
                          why="where workload identity is configured (AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE: "
                              "an AKS pod) it signs in as that identity, which v1's MSI did not use"),)),
            "azureml.core.authentication.AzureCliAuthentication": use(
                "`azure.identity.AzureCliCredential`", positional=("cloud",),
                fixes=(v2("AzureCliCredential()", "from azure.identity import AzureCliCredential"),)),
            "azureml.core.authentication.TokenAuthentication": "a credential implementing `azure.core.credentials.TokenCredential`",
            "azureml.core.authentication.Audience": (
                "the scope of an `azure.identity` credential's token, "
                '`azure.identity.DefaultAzureCredential().get_token("https://ml.azure.com/.default")` for Azure ML '
                '(`azure.identity.DefaultAzureCredential().get_token("https://management.azure.com/.default")` '
                "for Azure Resource Manager); `azure.ai.ml.MLClient` takes the credential itself"
            ),
            "azureml.core.authentication.Audience.AZUREML": (
                '`azure.identity.DefaultAzureCredential().get_token("https://ml.azure.com/.default")`, a token for Azure ML'
            ),
            "azureml.core.authentication.Audience.ARM": (
                '`azure.identity.DefaultAzureCredential().get_token("https://management.azure.com/.default")`, '
                "a token for Azure Resource Manager"
            ),
            # the header a REST call to a published pipeline sent; a batch endpoint invoked through the SDK needs none
            "azureml.core.authentication.AbstractAuthentication.get_authentication_header": (
                "a bearer token of the `azure.identity` credential that replaces this authentication, "
                '`azure.identity.DefaultAzureCredential().get_token("https://ml.azure.com/.default")` '
                '(its token in {"Authorization": "Bearer " + token}); '
                "`ml_client.batch_endpoints.invoke(endpoint_name=..., inputs=...)` needs no header"
            ),
            "azureml.core.authentication.AzureMLTokenAuthentication": "`azure.ai.ml.identity.AzureMLOnBehalfOfCredential` inside a job, else `azure.identity.DefaultAzureCredential`",
        },
    ),
    # ------------------------------------------------------------------ AML2xx jobs
    Rule(
        "AML201", "W7420", "azureml-experiment", Tier.REPLACEMENT,
        "SDK v1 Experiment objects; in v2 an experiment is only a name on a job.",
        "command-job",
        targets={
            _EXP: use(
                "an experiment name on the job, `ml_client.jobs.create_or_update(job, experiment_name=...)` (a v2 experiment is only a name on a job)",
                positional=("workspace", "name"),
            ),
            _EXP + ".get_runs": "`ml_client.jobs.list()`",
            _EXP + ".list": "`ml_client.jobs.list()`",
            _EXP + ".name": (
                "the experiment's name as a plain string, passed as experiment_name= to "
                "`ml_client.jobs.create_or_update` (a submitted job's is `ml_client.jobs.get(name).experiment_name`)"
            ),
            _EXP + ".workspace": "the workspace name of the MLClient the jobs are created with (`ml_client.workspace_name`)",
            _EXP + ".id": "the MLflow experiment's ID, `mlflow.get_experiment_by_name(name).experiment_id` (a v2 experiment is only a name)",
        },
    ),
    Rule(
        "AML202", "W7421", "azureml-experiment-submit", Tier.REPLACEMENT,
        "Experiment.submit: in v2 every job type is submitted with `ml_client.jobs.create_or_update`.",
        "command-job",
        targets={_EXP + ".submit": use(
            _JOBS_SUBMIT, positional=("config", "tags"),
            # {experiment_name}: the name the submitting Experiment was made with
            fixes=(v2("ml_client.jobs.create_or_update({config}, experiment_name={experiment_name})"),),
        )},
    ),
    Rule(
        "AML203", "W7422", "azureml-script-run-config", Tier.REPLACEMENT,
        "ScriptRunConfig, which becomes a command job.",
        "command-job",
        targets={
            "azureml.core.script_run_config.ScriptRunConfig": use(
                "`azure.ai.ml.command(code=..., command=..., environment=..., compute=...)` (a command job)",
                renames={
                    "source_directory": "code",
                    "script": 'command ("python train.py ...")',
                    "arguments": "command (with ${{inputs.<name>}})",
                    "compute_target": "compute",
                    "distributed_job_config": "distribution",
                },
                positional=("source_directory", "script", "arguments", "run_config", "_telemetry_values", "compute_target",
                            "environment", "distributed_job_config", "resume_from", "max_run_duration_seconds",
                            "command", "docker_runtime_config"),
                # {command}: "python <script> <arguments>", as v1 ran the script; {environment}: the
                # environment the config runs in (or one on v1's default image)
                # {inputs}: the datasets its arguments consumed, by input name (``${{inputs.<name>}}`` in the
                # command); {environment_variables}: those v1 set on the environment; {instance_count}: the
                # nodes of v1's distributed_job_config
                fixes=(
                    v2("command(code={source_directory}, command={command}, inputs={inputs}, environment={environment}, "
                       "environment_variables={environment_variables}, compute={compute_target}, "
                       "distribution={distributed_job_config}, instance_count={instance_count})",
                       "from azure.ai.ml import command",
                       optional=("inputs", "environment_variables", "compute_target", "distributed_job_config",
                                 "instance_count")),
                ),
            ),
            "azureml.core.script_run_config.ScriptRunConfig.run_config": "arguments of `azure.ai.ml.command()` (environment=..., compute=..., distribution=...)",
        },
    ),
    Rule(
        "AML204", "W7423", "azureml-run", Tier.REPLACEMENT,
        "SDK v1 Run methods used to follow a submitted run from control-plane code.",
        "command-job",
        targets={
            _RUN + ".get_portal_url": use("the returned job's studio_url (`returned_job.studio_url`)",
                                          fixes=(v2("{self}.studio_url"),)),
            _RUN + ".wait_for_completion": use("`ml_client.jobs.stream(returned_job.name)`", positional=("show_output",),
                                               fixes=(v2("ml_client.jobs.stream({self}.name)"),)),
            _RUN + ".get_details": "`ml_client.jobs.get(name)`",
            _RUN + ".id": (
                "the job's name, the name of the v2 job entity (`returned_job.name` of the job `ml_client.jobs.create_or_update` "
                "returned; the jobs `ml_client.jobs.list(parent_job_name=...)` lists have theirs), by which v2 looks a job up"
            ),
            _RUN + ".properties": (
                "the job's properties (`ml_client.jobs.get(name).properties`); for the best trial of an AutoML job, "
                "the parent run's automl_best_child_run_id tag (`mlflow.get_run(run_id).data.tags`)"
            ),
            _RUN + ".get_details_with_logs": "`ml_client.jobs.get(name)` and `ml_client.jobs.stream(name)`",
            _RUN + ".get_status": "`ml_client.jobs.get(name).status`",
            _RUN + ".get_metrics": "`mlflow.tracking.MlflowClient().get_run(run_id).data.metrics`",
            _RUN + ".get_children": "`ml_client.jobs.list(parent_job_name=name)`",
            _RUN + ".download_file": "`ml_client.jobs.download(name, ...)`",
            _RUN + ".download_files": "`ml_client.jobs.download(name, ...)`",
            # a previous run's outputs, read by a new job (to resume from its checkpoints)
            _RUN + "._get_outputs_datapath": (
                'an input of the new job, `azure.ai.ml.Input(type="uri_folder", path="azureml://jobs/<job>/outputs/artifacts/paths/outputs/")` '
                "with the previous job's name, its path read from the command line"
            ),
            _RUN + ".get_file_names": "`mlflow.tracking.MlflowClient().list_artifacts(run_id)`",
            _RUN + ".cancel": "`ml_client.jobs.begin_cancel(name)`",
            "azureml.core.run.get_run": "`ml_client.jobs.get(name)`",
            _RUN: "MLflow (mlflow) inside a training script; `ml_client.jobs.get(name)` to follow a job from outside",
            _RUN + ".get": "`ml_client.jobs.get(name)`",
            _RUN + ".get_environment": (
                "`ml_client.jobs.get(name).environment` for a command job; an AutoML trial has none of its own: the conda "
                'file of its MLflow model, `mlflow.artifacts.download_artifacts(run_id=..., artifact_path="outputs/mlflow-model/conda.yaml")`, '
                "given to `azure.ai.ml.entities.Environment(conda_file=..., image=...)`"
            ),
            _RUN + ".get_properties": "the job's properties (`ml_client.jobs.get(name).properties`)",
            _RUN + ".get_tags": "the job's tags, `ml_client.jobs.get(name).tags`",
            # v2 sets a job's properties when it is created; what is added to a job already running is a tag
            _RUN + ".add_properties": (
                "the job's properties, given when it is created, `azure.ai.ml.command(properties=...)`; for a job "
                "already created, tags: `mlflow.set_tags(tags)` inside the job, "
                "`mlflow.tracking.MlflowClient().set_tag(run_id, key, value)` from outside"
            ),
            _RUN + ".status": "`ml_client.jobs.get(name).status`",
            _RUN + ".name": "the job's display name, `ml_client.jobs.get(name).display_name`",
            _RUN + ".parent": (
                "the parent job, `ml_client.jobs.get(name)` of the name in the run's parent-run tag "
                "(MLflow's parentRunId, in `mlflow.get_run(run_id).data.tags`), and the operations of `ml_client.jobs` "
                "on that name (`ml_client.jobs.begin_cancel(name)` to cancel it)"
            ),
            "azureml.widgets.run_details.RunDetails": "the job's studio_url (`ml_client.jobs.get(name).studio_url`) or `ml_client.jobs.stream(name)`",
        },
    ),
    Rule(
        "AML205", "W7424", "azureml-run-configuration", Tier.REPLACEMENT,
        "RunConfiguration, CondaDependencies and related v1 job configuration classes.",
        "hyperdrive",
        targets={
            "azureml.core.runconfig.RunConfiguration": f"arguments of {_COMMAND} (environment=..., compute=..., instance_count=...) or a component YAML loaded with `azure.ai.ml.load_component`",
            _CONDA: _CONDA_FILE,
            _CONDA + ".create": _CONDA_FILE,
            # v2 has no conda object: each call becomes an entry of the conda YAML file itself
            _CONDA + ".add_pip_package": f"the package listed in the pip: section of {_CONDA_YAML}",
            _CONDA + ".add_conda_package": f"the package listed in the dependencies: section of {_CONDA_YAML}",
            _CONDA + ".add_channel": f"the channel listed in the channels: section of {_CONDA_YAML}",
            _CONDA + ".set_python_version": f"a python=<version> entry in the dependencies: section of {_CONDA_YAML}",
            _CONDA + ".remove_channel": f"the channel left out of the channels: section of {_CONDA_YAML}",
            _CONDA + ".remove_conda_package": f"the package left out of the dependencies: section of {_CONDA_YAML}",
            _CONDA + ".remove_pip_package": f"the package left out of the pip: section of {_CONDA_YAML}",
            **{
                _CONDA + f".{method}": f"{_CONDA_YAML}, printed or opened as it is (v2 has no conda object to serialise)"
                for method in ("serialize_to_string", "save_to_file", "save")
            },
            "azureml.core.runconfig.DockerConfiguration": "`azure.ai.ml.entities.Environment(image=...)` (Docker is always used in v2)",
            # the script-run fix: the v1 defaults written out, instance_count (v1's node_count) passed beside them
            "azureml.core.runconfig.MpiConfiguration": use(
                "`azure.ai.ml.MpiDistribution(process_count_per_instance=...)` passed as "
                "`azure.ai.ml.command(distribution=..., instance_count=...)`",
                renames={"process_count_per_node": "process_count_per_instance",
                         "node_count": "`azure.ai.ml.command(instance_count=...)`"},
                positional=("process_count_per_node", "node_count"),
                fixes=(v2("MpiDistribution(process_count_per_instance={process_count_per_node})",
                          "from azure.ai.ml import MpiDistribution"),),
            ),
            "azureml.core.runconfig.PyTorchConfiguration": use(
                "`azure.ai.ml.PyTorchDistribution(process_count_per_instance=...)` passed as "
                "`azure.ai.ml.command(distribution=..., instance_count=...)`",
                renames={
                    "process_count": "process_count_per_instance (per node: v1 counted all nodes' processes, "
                                     "so divide by node_count)",
                    "node_count": "`azure.ai.ml.command(instance_count=...)`",
                },
                positional=("communication_backend", "process_count", "node_count"),
                # {process_count_per_instance}: v1's process_count (total) over its node_count
                fixes=(v2("PyTorchDistribution(process_count_per_instance={process_count_per_instance})",
                          "from azure.ai.ml import PyTorchDistribution"),),
            ),
            "azureml.core.runconfig.TensorflowConfiguration": use(
                "`azure.ai.ml.TensorFlowDistribution` passed as command(distribution=...)",
                positional=("worker_count", "parameter_server_count"),
                fixes=(v2("TensorFlowDistribution(worker_count={worker_count}, parameter_server_count={parameter_server_count})",
                          "from azure.ai.ml import TensorFlowDistribution"),),
            ),
            "azureml.core.runconfig.RunConfiguration.target": "the compute name passed as `azure.ai.ml.command(compute=...)`",
            "azureml.core.runconfig.SparkConfiguration": (
                "the settings of a Spark job, `azure.ai.ml.spark(code=..., entry=..., driver_cores=..., driver_memory=..., "
                "executor_cores=..., executor_memory=..., executor_instances=..., conf=...)`"
            ),
            "azureml.core.runconfig.SparkConfiguration.configuration": (
                "conf={...} of `azure.ai.ml.spark(conf=...)`, with the driver and executor sizes as its own keywords "
                "(`azure.ai.ml.spark(driver_cores=..., driver_memory=..., executor_cores=..., executor_memory=..., executor_instances=...)`)"
            ),
            # v2 has no default image: a v2 environment names one
            **{
                f"azureml.core.runconfig.{constant}": (
                    f"an explicit image in `azure.ai.ml.entities.Environment(image=...)` (SDK v2 has no default-image "
                    f"constant; v1's {kind} default was {image})"
                )
                for constant, kind, image in (
                    ("DEFAULT_CPU_IMAGE", "CPU", V1_DEFAULT_CPU_IMAGE),
                    ("DEFAULT_GPU_IMAGE", "GPU", V1_DEFAULT_GPU_IMAGE),
                    ("MPI_CPU_IMAGE", "CPU", V1_DEFAULT_CPU_IMAGE),
                    ("MPI_GPU_IMAGE", "GPU", V1_DEFAULT_GPU_IMAGE),
                )
            },
            "azureml.core.runconfig.DockerConfiguration.use_docker": instead(
                "drop it: every v2 job runs in a Docker container, the image of its `azure.ai.ml.entities.Environment`"
            ),
        },
    ),
    Rule(
        "AML206", "W7425", "azureml-environment", Tier.REPLACEMENT,
        "SDK v1 Environment objects and operations.",
        "command-job",
        targets={
            _ENV: "`azure.ai.ml.entities.Environment(image=..., conda_file=...)`",
            _ENV + ".from_conda_specification": use(
                "`azure.ai.ml.entities.Environment(name=..., conda_file=..., image=...)`", positional=("name", "file_path"),
                # {image}: v1's default image, which v1 built the conda environment on
                fixes=(v2("Environment(name={name}, conda_file={file_path}, image={image})",
                          "from azure.ai.ml.entities import Environment"),),
            ),
            _ENV + ".from_pip_requirements": use(
                "`azure.ai.ml.entities.Environment(conda_file=..., image=...)` with the pip packages in the conda file",
                positional=("name", "file_path", "pip_version"),
                # {conda_file}: the conda environment v1 made (V1_CONDA_CHANNELS, V1_CONDA_PYTHON, pip), its pip
                # packages the file's lines, read when the job is submitted as v1 read them
                fixes=(v2("Environment(name={name}, conda_file={conda_file}, image={image})",
                          "from azure.ai.ml.entities import Environment", "from pathlib import Path",
                          why="the requirements become a conda file of v1's defaults (Python 3.8)"),),
            ),
            _ENV + ".from_dockerfile": "`azure.ai.ml.entities.Environment(build=azure.ai.ml.entities.BuildContext(path=...))`",
            _ENV + ".from_docker_image": "`azure.ai.ml.entities.Environment(image=...)`",
            _ENV + ".from_existing_conda_environment": "`azure.ai.ml.entities.Environment(conda_file=..., image=...)`",
            _ENV + ".get": use(
                '`ml_client.environments.get(name, version=...)` or the "azureml:<name>@latest" string',
                positional=("workspace", "name", "version", "label"),
                # v1 took the latest version when given no version: the environment's "latest" label
                fixes=(v2("ml_client.environments.get({name}, version={version})"),
                       v2("ml_client.environments.get({name}, label={label})"),
                       v2('ml_client.environments.get({name}, label="latest")')),
            ),
            _ENV + ".register": "`ml_client.environments.create_or_update(environment)`",
            _ENV + ".list": "`ml_client.environments.list()`",
            _ENV + ".name": (
                'the environment\'s name as a plain string, the name= of `azure.ai.ml.entities.Environment` ("azureml:<name>@latest" in a job)'
            ),
            # read, not built: the version of a registered environment, or of the one a job ran in
            _ENV + ".version": (
                "the registered environment's version, `ml_client.environments.get(name, label=\"latest\").version` "
                "(a command job names its environment in `ml_client.jobs.get(name).environment`)"
            ),
            _ENV + ".build": "`ml_client.environments.create_or_update(environment)`",
            # v1's directory holds azureml_environment.json and conda_dependencies.yml, which v2 does not read
            _ENV + ".load_from_directory": (
                "an `azure.ai.ml.entities.Environment(conda_file=..., image=...)` of the directory's conda_dependencies.yml "
                "and the base image its azureml_environment.json names (`azure.ai.ml.load_environment` reads only a v2 "
                "environment YAML)"
            ),
            "azureml.core.environment.PythonSection.conda_dependencies": "the conda YAML file of `azure.ai.ml.entities.Environment(conda_file=..., image=...)`",
            "azureml.core.environment.PythonSection.user_managed_dependencies": "`azure.ai.ml.entities.Environment(image=...)` without a conda_file (the packages come with the image)",
            "azureml.core.environment.DockerSection.base_image": "`azure.ai.ml.entities.Environment(image=...)`",
            "azureml.core.environment.DockerSection.enabled": "`azure.ai.ml.entities.Environment(image=...)` (v2 jobs always run in a Docker container)",
            "azureml.core.environment.DockerSection.base_dockerfile": (
                "`azure.ai.ml.entities.Environment(build=azure.ai.ml.entities.BuildContext(path=..., dockerfile_path=...))`, "
                "a build context folder holding the Dockerfile"
            ),
            "azureml.core.environment.DockerSection.base_image_registry": (
                "the full image name, registry included, as `azure.ai.ml.entities.Environment(image=...)` (the workspace "
                "reaches a private registry through its own container registry or a workspace connection)"
            ),
            "azureml.core.environment.DockerSection.shm_size": "`azure.ai.ml.command(shm_size=...)`, a setting of the job, not of its environment",
            "azureml.core.environment.DockerSection.arguments": "`azure.ai.ml.command(docker_args=...)`, a setting of the job, not of its environment",
            "azureml.core.environment.DockerSection.shared_volumes": instead(
                "drop the setting: SDK v2 has no shared volumes (a job's other container settings are "
                "`azure.ai.ml.command(shm_size=..., docker_args=...)`)"
            ),
            "azureml.core.environment.DockerSection.gpu_support": instead(
                "drop the setting: a v2 job on GPU compute gets the GPUs without it"
            ),
            "azureml.core.environment.SparkSection.precache_packages": instead(
                "drop the setting: SDK v2 environments have no Spark section (a Spark job, `azure.ai.ml.spark()`, takes its "
                "packages from its environment's conda file)"
            ),
        },
    ),
    Rule(
        "AML207", "W7426", "azureml-estimator", Tier.REPLACEMENT,
        "Estimators, deprecated since SDK v1 1.19 and gone in v2.",
        "estimators",
        targets={
            "azureml.train.estimator.Estimator": f"{_COMMAND} (a command job)",
            "azureml.train.dnn.PyTorch": f"{_COMMAND} with distribution=`azure.ai.ml.PyTorchDistribution()`",
            "azureml.train.dnn.TensorFlow": f"{_COMMAND} with distribution=`azure.ai.ml.TensorFlowDistribution()`",
            "azureml.train.dnn.Chainer": f"{_COMMAND} (a command job)",
            "azureml.train.dnn.Gloo": "`azure.ai.ml.PyTorchDistribution`",
            "azureml.train.dnn.Nccl": "`azure.ai.ml.PyTorchDistribution`",
            "azureml.train.sklearn.SKLearn": f"{_COMMAND} (a command job)",
        },
    ),
    # ------------------------------------------------------------------ AML3xx pipelines
    Rule(
        "AML301", "W7430", "azureml-pipeline", Tier.REPLACEMENT,
        "SDK v1 pipeline building blocks: Pipeline, StepSequence, PipelineData, PipelineParameter.",
        "pipeline",
        targets={
            _PIPELINE: "a function decorated with `@azure.ai.ml.dsl.pipeline`",
            _PIPELINE + ".submit": "`ml_client.jobs.create_or_update(pipeline_job, experiment_name=...)`",
            _PIPELINE + ".validate": "a function decorated with `@azure.ai.ml.dsl.pipeline` (validated on `ml_client.jobs.create_or_update`)",
            "azureml.pipeline.core.builder.StepSequence": "data dependencies: pass one node's outputs to the next node's inputs",
            "azureml.pipeline.core.builder.PipelineData": "`azure.ai.ml.Output` of a node, passed on as `node.outputs` (an output by name)",
            "azureml.pipeline.core.builder.PipelineData.name": _STEP_OUTPUT_NAME,
            "azureml.pipeline.core.pipeline_output_dataset.PipelineOutputAbstractDataset.name": _STEP_OUTPUT_NAME,
            "azureml.pipeline.core.graph.PipelineParameter": "an input of the `@azure.ai.ml.dsl.pipeline` function (job inputs)",
            # PipelineData(training_output=TrainingOutput(...)): what a training step wrote, a named output of its node in v2
            "azureml.pipeline.core.builder.PipelineData(training_output)": _TRAINING_OUTPUT,
            "azureml.pipeline.core.graph.TrainingOutput": _TRAINING_OUTPUT,
            "azureml.pipeline.core.builder.PipelineStep.run_after": "data dependencies: pass one node's outputs to the next node's inputs",
            "azureml.pipeline.core.run.PipelineRun.find_step_run": "`ml_client.jobs.list(parent_job_name=name)`",
            # re-attaching to a submitted pipeline by its run ID: the job is fetched by name in v2
            "azureml.pipeline.core.run.PipelineRun": (
                "`ml_client.jobs.get(name)` for the pipeline job and `ml_client.jobs.list(parent_job_name=name)` for its steps"
            ),
            "azureml.pipeline.core.run.PipelineRun.get_steps": (
                "`ml_client.jobs.list(parent_job_name=name)`, the pipeline job's child jobs (a step's kind is its `job.type`)"
            ),
            # a step of a pipeline run is a child job in v2: its kind is the job's type, not a StepType property
            "azureml.pipeline.core.run.StepRun.properties": (
                "the child jobs of the pipeline job, `ml_client.jobs.list(parent_job_name=name)`, told apart by "
                '`job.type` ("automl", "command", "sweep" ...) and `job.display_name`; '
                "other properties are `job.properties`"
            ),
            "azureml.pipeline.core.run.PipelineRun.get_pipeline_output": (
                "the pipeline job's named output, downloaded with `ml_client.jobs.download(name, output_name=...)` "
                "(a HyperDriveStep's metrics output has no v2 form: read the trials' metrics with MLflow, "
                "`mlflow.tracking.MlflowClient().get_run(run_id).data.metrics`)"
            ),
            **{
                f"azureml.pipeline.core.pipeline_output_dataset.PipelineOutputFileDataset.{parse}": (
                    "the upstream node's output passed as the next node's input (`node.outputs`, a uri_folder "
                    f'`azure.ai.ml.Output`), its {kind} files read in that step\'s script (pandas), or an MLTable output, '
                    '`azure.ai.ml.Output(type="mltable")`'
                )
                for parse, kind in (("parse_parquet_files", "parquet"), ("parse_delimited_files", "delimited"))
            },
            "azureml.pipeline.core.graph.PortDataReference.download": (
                "`ml_client.jobs.download(name, download_path=..., output_name=...)` of the job that wrote the output"
            ),
        },
    ),
    Rule(
        "AML302", "W7431", "azureml-pipeline-step", Tier.REPLACEMENT,
        "SDK v1 pipeline steps that map to an SDK v2 job or component type.",
        "pipeline",
        targets={
            _STEPS + "python_script_step.PythonScriptStep": use(
                _COMMAND_STEP,
                renames={
                    "source_directory": "code", "script_name": "command", "compute_target": "compute",
                    "arguments": "inputs and outputs", "allow_reuse": "is_deterministic",
                },
                positional=("script_name", "name", "arguments", "compute_target"),
            ),
            _STEPS + "command_step.CommandStep": _COMMAND_STEP,
            _STEPS + "estimator_step.EstimatorStep": _COMMAND_STEP,
            _STEPS + "mpi_step.MpiStep": _COMMAND_STEP + " with distribution=`azure.ai.ml.MpiDistribution()`",
            _STEPS + "r_script_step.RScriptStep": _COMMAND_STEP + " running Rscript",
            _STEPS + "automl_step.AutoMLStep": "an AutoML node built with a task factory of `azure.ai.ml.automl` (`azure.ai.ml.automl.classification()` ...) inside the `@azure.ai.ml.dsl.pipeline` function",
            _STEPS + "hyper_drive_step.HyperDriveStep": "`command_node.sweep(...)` inside the `@azure.ai.ml.dsl.pipeline` function (a sweep job; there is no sweep component)",
            _STEPS + "parallel_run_step.ParallelRunStep": use(
                "`azure.ai.ml.parallel.parallel_run_function(task=azure.ai.ml.parallel.RunFunction(...))` (a parallel job)",
                renames={
                    "arguments": "`azure.ai.ml.parallel.RunFunction(program_arguments=...)`", "side_inputs": "inputs",
                    "output": "outputs", "allow_reuse": "is_deterministic",
                },
                positional=("name", "parallel_run_config", "inputs", "output", "side_inputs", "arguments"),
            ),
            _STEPS + "synapse_spark_step.SynapseSparkStep": "`azure.ai.ml.spark()` (a spark job or component)",
        },
    ),
    Rule(
        "AML303", "E7432", "azureml-step-no-equivalent", Tier.NO_EQUIVALENT,
        "SDK v1 pipeline steps that have no SDK v2 job or component type (Microsoft's current step table).",
        "pipeline",
        targets={
            _STEPS + "adla_step.AdlaStep": "port the U-SQL job to a Spark job (`azure.ai.ml.spark`) or run it outside the pipeline",
            _STEPS + "azurebatch_step.AzureBatchStep": "run the work as a command component on Azure ML compute, or call Azure Batch from a command component",
            _STEPS + "kusto_step.KustoStep": "run the Kusto query from a command component (azure-kusto-data) or outside the pipeline",
            _STEPS + "data_transfer_step.DataTransferStep": "copy the data in a command component or with Azure Data Factory (v2 jobs read datastores directly through `azure.ai.ml.Input` paths)",
            _STEPS + "module_step.ModuleStep": "re-create the module as a command component (`azure.ai.ml.load_component`) and call it in an `@azure.ai.ml.dsl.pipeline` function",
            **{
                f"azureml.core.databricks.{library}": instead(
                    "install the library on the Databricks cluster itself (DatabricksStep, which used it, has no v2 equivalent)"
                )
                for library in ("EggLibrary", "JarLibrary", "MavenLibrary", "PyPiLibrary", "RCranLibrary")
            },
            _STEPS + "databricks_step.DatabricksStep": "run the notebook or job from Azure Databricks (or Azure Data Factory), or call the Databricks Jobs API from a command component",
        },
    ),
    Rule(
        "AML304", "W7433", "azureml-published-pipeline", Tier.REPLACEMENT,
        "Published pipelines and pipeline endpoints, replaced by batch endpoints with pipeline component deployments.",
        "pipeline-endpoints",
        targets={
            _PIPELINE + ".publish": _BATCH_DEPLOY,
            "azureml.pipeline.core.run.PipelineRun.publish_pipeline": _BATCH_DEPLOY,
            _PUBLISHED: "`azure.ai.ml.entities.PipelineComponentBatchDeployment`",
            _PUBLISHED + ".get": "`ml_client.batch_deployments.get(name, endpoint_name=...)`",
            _PUBLISHED + ".list": "`ml_client.batch_endpoints.list()` and `ml_client.batch_deployments.list(endpoint_name=...)`",
            _PUBLISHED + ".get_all": "`ml_client.batch_endpoints.list()` and `ml_client.batch_deployments.list(endpoint_name=...)`",
            _PUBLISHED + ".submit": "`ml_client.batch_endpoints.invoke(endpoint_name=..., deployment_name=..., inputs={...})`",
            _PUBLISHED + ".endpoint": "`ml_client.batch_endpoints.get(name).scoring_uri`",
            _PUBLISHED + ".id": (
                "the batch deployment's name as a plain string (the name= of `azure.ai.ml.entities.PipelineComponentBatchDeployment`), "
                "passed as deployment_name= to `ml_client.batch_endpoints.invoke` to invoke it; "
                "to schedule it, no id: the pipeline job itself, as "
                "`azure.ai.ml.entities.JobSchedule(name=..., trigger=..., create_job=pipeline_job)` created with "
                "`ml_client.schedules.begin_create_or_update`"
            ),
            # the fields of a published pipeline: those of the batch deployment it becomes
            **{
                _PUBLISHED + f".{field}": (
                    f"the {attr} of each `azure.ai.ml.entities.BatchDeployment` of `ml_client.batch_deployments.list(endpoint_name=...)` "
                    "(a published pipeline becomes a pipeline component deployment of a batch endpoint)"
                )
                for field, attr in (("name", "name"), ("description", "description"), ("status", "provisioning_state"))
            },
            _PIPE_ENDPOINT: "`azure.ai.ml.entities.BatchEndpoint`",
            _PIPE_ENDPOINT + ".publish": _BATCH_DEPLOY,
            _PIPE_ENDPOINT + ".get": "`ml_client.batch_endpoints.get(name)`",
            _PIPE_ENDPOINT + ".list": "`ml_client.batch_endpoints.list()`",
            _PIPE_ENDPOINT + ".list_versions": (
                "`ml_client.batch_deployments.list(endpoint_name=...)` (each version becomes a deployment of the "
                "batch endpoint) and `ml_client.components.list(name=...)` for the pipeline component's versions"
            ),
            _PIPE_ENDPOINT + ".submit": "`ml_client.batch_endpoints.invoke(endpoint_name=..., inputs={...})`",
            _PIPE_ENDPOINT + ".add_default": "the endpoint's default_deployment_name, `azure.ai.ml.entities.BatchEndpoint(name=..., default_deployment_name=...)` updated with `ml_client.batch_endpoints.begin_create_or_update`",
            _PIPE_ENDPOINT + ".endpoint": "`ml_client.batch_endpoints.get(name).scoring_uri`",
            # a version of a pipeline endpoint is a deployment of the batch endpoint
            _PIPE_ENDPOINT + ".get_pipeline": (
                "the batch deployment of that version, `ml_client.batch_deployments.get(name, endpoint_name=...)` "
                "(each pipeline version becomes a deployment; its pipeline component is the deployment's component)"
            ),
            _PIPE_ENDPOINT + ".get_default_version": (
                "the endpoint's default deployment, named in the defaults of `ml_client.batch_endpoints.get(name)`"
            ),
            _PIPE_ENDPOINT + ".default_version": (
                "the endpoint's default deployment, named in the defaults of `ml_client.batch_endpoints.get(name)`"
            ),
            _PIPE_ENDPOINT + ".set_default_version": "the endpoint's default_deployment_name, `azure.ai.ml.entities.BatchEndpoint(name=..., default_deployment_name=...)` updated with `ml_client.batch_endpoints.begin_create_or_update`",
            _PIPE_ENDPOINT + ".add": (
                "one more `azure.ai.ml.entities.PipelineComponentBatchDeployment` under the endpoint, created with "
                "`ml_client.batch_deployments.begin_create_or_update`"
            ),
            _PIPE_ENDPOINT + ".get_all_versions": "`ml_client.batch_deployments.list(endpoint_name=...)` (each version becomes a deployment of the batch endpoint)",
            _PIPE_ENDPOINT + ".list_pipelines": "`ml_client.batch_deployments.list(endpoint_name=...)` (each version becomes a deployment of the batch endpoint)",
            _PIPE_ENDPOINT + ".name": "the batch endpoint's name as a plain string, the name= of `azure.ai.ml.entities.BatchEndpoint`",
            # a pipeline endpoint's id and fields: the batch endpoint's, which is named, not identified
            _PIPE_ENDPOINT + ".id": "the batch endpoint's name as a plain string, the name= of `azure.ai.ml.entities.BatchEndpoint`",
            _PIPE_ENDPOINT + ".description": "`ml_client.batch_endpoints.get(name).description` (a pipeline endpoint becomes a batch endpoint)",
            _PIPE_ENDPOINT + ".status": "`ml_client.batch_endpoints.get(name).provisioning_state` (a pipeline endpoint becomes a batch endpoint)",
        },
    ),
    Rule(
        "AML305", "W7434", "azureml-pipeline-schedule", Tier.REPLACEMENT,
        "SDK v1 pipeline schedules.",
        "pipeline",
        targets={
            "azureml.pipeline.core.schedule.Schedule": "`azure.ai.ml.entities.JobSchedule` created with `ml_client.schedules.begin_create_or_update`",
            "azureml.pipeline.core.schedule.Schedule.create": "`azure.ai.ml.entities.JobSchedule` created with `ml_client.schedules.begin_create_or_update`",
            # a schedule that polls a datastore for changes: v2 schedules only on time
            "azureml.pipeline.core.schedule.Schedule.create(datastore)": instead(
                "create a time-based schedule of the pipeline job instead, an `azure.ai.ml.entities.JobSchedule(name=..., trigger=..., create_job=...)` "
                "with an `azure.ai.ml.entities.RecurrenceTrigger(frequency=\"day\", interval=1)` or an "
                "`azure.ai.ml.entities.CronTrigger(expression=...)`, or start it from an Event Grid subscription on the "
                "storage account: v2 schedules do not watch a datastore for changes"
            ),
            "azureml.pipeline.core.schedule.ScheduleRecurrence": use(
                '`azure.ai.ml.entities.RecurrenceTrigger(frequency=..., interval=...)` (frequency in lower case, "day" ...; '
                "or `azure.ai.ml.entities.CronTrigger`)",
                renames={
                    "hours": "`azure.ai.ml.entities.RecurrencePattern(hours=..., minutes=...)` as schedule=",
                    "minutes": "`azure.ai.ml.entities.RecurrencePattern(hours=..., minutes=...)` as schedule=",
                    "week_days": "`azure.ai.ml.entities.RecurrencePattern(hours=..., minutes=..., week_days=...)` as schedule=",
                },
                positional=("frequency", "interval", "start_time", "time_zone", "hours", "minutes", "week_days"),
            ),
            "azureml.pipeline.core.schedule.Schedule.id": (
                "the schedule's name, the name= of its `azure.ai.ml.entities.JobSchedule` (v2 addresses a schedule by name, "
                "not by ID: `ml_client.schedules.get(name)`)"
            ),
            "azureml.pipeline.core.schedule.Schedule.get": "`ml_client.schedules.get(name)`",
            "azureml.pipeline.core.schedule.Schedule.list": "`ml_client.schedules.list()`",
            "azureml.pipeline.core.schedule.Schedule.disable": "`ml_client.schedules.begin_disable(name)`",
        },
    ),
    # ------------------------------------------------------------------ AML4xx data
    Rule(
        "AML401", "W7440", "azureml-dataset", Tier.REPLACEMENT,
        "SDK v1 datasets (FileDataset, TabularDataset) and their consumption as job inputs.",
        "data",
        targets={
            _DS: "`azure.ai.ml.entities.Data` (data assets) or `azure.ai.ml.Input`",
            "azureml.data.dataset_factory.FileDatasetFactory.from_files": use(
                '`azure.ai.ml.Input(type="uri_file" or "uri_folder", path=...)` or `azure.ai.ml.entities.Data` registered with `ml_client.data.create_or_update`',
                positional=("path",),
                # the pipeline fix: a file when the path's last part has an extension, else a folder
                # {mode}: how the command job that consumes it reads it (as_mount, as_download)
                fixes=(v2("Input(type={type}, path={path}, mode={mode})", "from azure.ai.ml import Input"),
                       v2("Input(type={type}, path={path})", "from azure.ai.ml import Input")),
            ),
            "azureml.data.dataset_factory.TabularDatasetFactory": (
                "an MLTable data asset: a folder with an MLTable file (`mltable.from_delimited_files(paths=[...]).save(path)`, "
                "`mltable.from_parquet_files` ...) registered as "
                "`azure.ai.ml.entities.Data(path=..., type=azure.ai.ml.constants.AssetTypes.MLTABLE)` with "
                "`ml_client.data.create_or_update`, or given to a job as " + _MLTABLE_INPUT
            ),
            # column types of a tabular dataset: an MLTable's, with mltable.DataType
            **{
                f"azureml.data.dataset_factory.DataType.{v1}": (
                    f"`mltable.DataType.{v2}()` in the column types of an MLTable "
                    "(`mltable.from_json_lines_files(paths=[...]).convert_column_types({...})`, saved and registered as an "
                    "MLTable data asset)"
                )
                for v1, v2 in (("to_stream", "to_stream"), ("to_string", "to_string"), ("to_long", "to_int"),
                               ("to_float", "to_float"), ("to_bool", "to_bool"), ("to_datetime", "to_datetime"))
            },
            "azureml.data.datapath.DataPathComputeBinding": use(
                'the mode of the datastore path\'s input, `azure.ai.ml.Input(type="uri_folder", '
                'path="azureml://datastores/<name>/paths/<path>", mode="ro_mount")` (an input of the '
                "`@azure.ai.ml.dsl.pipeline` function where the path was a pipeline parameter)",
                renames={"mode": '`azure.ai.ml.Input(mode="ro_mount")` for "mount", `azure.ai.ml.Input(mode="download")` for "download"',
                         "path_on_compute": "`azure.ai.ml.Input(path_on_compute=...)`"},
                positional=("mode", "path_on_compute", "overwrite"),
            ),
            _CONSUME: use(
                "a named input of the step's component, `azure.ai.ml.Input(type=..., path=..., mode=...)` "
                "(for a dataset given as a PipelineParameter, an input of the `@azure.ai.ml.dsl.pipeline` function "
                "passed on to the node)",
                renames={"name": "the input's key in the component's inputs", "dataset": "`azure.ai.ml.Input(path=...)`",
                         "mode": '`azure.ai.ml.Input(mode="ro_mount")` for "mount", `azure.ai.ml.Input(mode="download")` for "download"'},
                positional=("name", "dataset", "mode", "path_on_compute"),
            ),
            "azureml.data.dataset_factory.TabularDatasetFactory.from_delimited_files": "an MLTable file and `azure.ai.ml.entities.Data(type=azure.ai.ml.constants.AssetTypes.MLTABLE)` or " + _MLTABLE_INPUT,
            "azureml.data.dataset_factory.TabularDatasetFactory.from_parquet_files": "an MLTable file and `azure.ai.ml.entities.Data(type=azure.ai.ml.constants.AssetTypes.MLTABLE)` or " + _MLTABLE_INPUT,
            "azureml.data.dataset_factory.TabularDatasetFactory.from_json_lines_files": "an MLTable file and `azure.ai.ml.entities.Data(type=azure.ai.ml.constants.AssetTypes.MLTABLE)` or " + _MLTABLE_INPUT,
            _DS + ".get_by_name": use(
                '`ml_client.data.get(name, version=...)` or `azure.ai.ml.Input(path="azureml:<name>:<version>")` '
                '(`azure.ai.ml.Input(type="mltable", path=...)` for tabular data, the input an AutoML job takes)',
                positional=("workspace", "name", "version"),
                # the script-run fix, for a dataset a job mounts or downloads (only a FileDataset can be):
                # {path} is "azureml:<name>@latest", or "azureml:<name>:<version>" when v1 named one
                fixes=(v2('Input(type="uri_folder", path={path}, mode={mode})', "from azure.ai.ml import Input",
                          why="a registered v1 file dataset is read as a folder (uri_folder)"),),
            ),
            _DS + ".get_by_id": _BY_NAME_NOT_ID,
            _DS + ".get_all": "`ml_client.data.list()`",
            _ABSTRACT_DS + ".get_by_name": (
                '`ml_client.data.get(name, version=...)` or `azure.ai.ml.Input(path="azureml:<name>:<version>")` '
                '(`azure.ai.ml.Input(type="mltable", path=...)` for tabular data, the input an AutoML job takes)'
            ),
            _ABSTRACT_DS + ".get_by_id": _BY_NAME_NOT_ID,
            _ABSTRACT_DS + ".get_all": "`ml_client.data.list()`",
            _ABSTRACT_DS + ".name": (
                "the data asset's name as a plain string, the name= of `azure.ai.ml.entities.Data` "
                '(jobs take it as `azure.ai.ml.Input(path="azureml:<name>:<version>")`)'
            ),
            _ABSTRACT_DS + ".data_changed_time": "`ml_client.data.get(name, version=...).creation_context` (its last_modified_at)",
            # register_model(datasets=[(Dataset.Scenario.TRAINING, ds)]): model-to-data lineage
            **{
                f"{_DS}.Scenario.{scenario}": instead(
                    "drop it: an `azure.ai.ml.entities.Model` records no datasets; register the model from the output of the "
                    'job that trained it (path="azureml://jobs/<job>/outputs/artifacts/paths/model/"), whose inputs are its lineage'
                )
                for scenario in ("TRAINING", "VALIDATION", "INFERENCING")
            },
            _ABSTRACT_DS + ".version": (
                "the data asset's version as a string, the version= of `azure.ai.ml.entities.Data` "
                '(the latest one\'s is `ml_client.data.get(name, label="latest").version`)'
            ),
            _ABSTRACT_DS + ".id": (
                "the data asset's ID (`ml_client.data.get(name, version=...).id`); to hand the data to a job, "
                '`azure.ai.ml.Input(path="azureml:<name>:<version>")` in its inputs, not an ID the job looks up'
            ),
            _ABSTRACT_DS + ".register": "`ml_client.data.create_or_update(azure.ai.ml.entities.Data(...))`",
            _ABSTRACT_DS + ".as_named_input": "an `azure.ai.ml.Input` passed in the job's inputs={...}",
            _FILE_DS + ".as_mount": '`azure.ai.ml.Input(..., mode="ro_mount")`',
            _FILE_DS + ".as_download": '`azure.ai.ml.Input(..., mode="download")`',
            # HDFS was the Spark path of a dataset: a v2 Spark job takes its inputs in direct mode only
            _FILE_DS + ".as_hdfs": _SPARK_INPUT,
            _FILE_DS + ".to_path": (
                "`azureml.fsspec.AzureMachineLearningFileSystem(uri).ls()` (or its find method) to list the files from "
                "outside a job; inside a job, the mounted path of an `azure.ai.ml.Input` (os.listdir)"
            ),
            _FILE_DS + ".download": "`ml_client.data.get(...)` and `azureml.fsspec.AzureMachineLearningFileSystem` (or Input with mode=download in a job)",
            _FILE_DS + ".mount": "`azureml.fsspec.AzureMachineLearningFileSystem`, or an `azure.ai.ml.Input` with mode=ro_mount in a job",
            _TAB_DS + ".to_pandas_dataframe": "`mltable.load(path).to_pandas_dataframe()` (or pandas on the Input path inside a job)",
            _TAB_DS + ".to_spark_dataframe": "mltable or Spark on the Input path inside a spark job",
            _TAB_DS + ".drop_columns": "`mltable.load(path).drop_columns(...)` or pandas inside the job",
            _TAB_DS + ".keep_columns": "`mltable.load(path).keep_columns(...)` or pandas inside the job",
            # a TabularDataset: its v2 form is an MLTable data asset, which AutoML jobs take
            "azureml.data.dataset_factory.TabularDatasetFactory.register_pandas_dataframe": (
                "an MLTable data asset: the DataFrame saved as a CSV file with an MLTable file beside it "
                '(`mltable.from_delimited_files(paths=[{"file": "data.csv"}]).save(folder)`), registered with '
                "`ml_client.data.create_or_update(azure.ai.ml.entities.Data(path=folder, type=azure.ai.ml.constants.AssetTypes.MLTABLE))`"
            ),
            "azureml.data.dataset_factory.FileDatasetFactory.upload_directory": "`ml_client.data.create_or_update(azure.ai.ml.entities.Data(path='./local_folder', type=azure.ai.ml.constants.AssetTypes.URI_FOLDER))` (uploads the folder)",
            _TAB_DS + ".random_split": "`mltable.load(path).random_split(percent=..., seed=...)` on an MLTable of the data (v2 data assets themselves have no split)",
            _TAB_DS + ".time_between": "`mltable.load(path).filter(...)` with a condition on the timestamp column",
            _TAB_DS + ".time_after": "`mltable.load(path).filter(...)` with a condition on the timestamp column",
            _TAB_DS + ".time_before": "`mltable.load(path).filter(...)` with a condition on the timestamp column",
            _TAB_DS + ".time_recent": "`mltable.load(path).filter(...)` with a condition on the timestamp column",
            _TAB_DS + ".with_timestamp_columns": (
                "`azure.ai.ml.automl.ForecastingJob.set_forecast_settings(time_column_name=...)` where it names a "
                "forecasting job's time column; elsewhere nothing replaces it: read the data with "
                "`mltable.load(path).to_pandas_dataframe()` and work on the DataFrame"
            ),
            _TAB_DS + ".partition_by": instead(
                "write the partitions yourself (a folder per key value, with pandas for instance) and pass the folder as "
                '`azure.ai.ml.Input(type="uri_folder", path=...)`, or give an MLTable input to '
                "`azure.ai.ml.parallel.parallel_run_function(partition_keys=[...])`"
            ),
            _CONSUME + ".as_mount": '`azure.ai.ml.Input(..., mode="ro_mount")`',
            _CONSUME + ".as_download": '`azure.ai.ml.Input(..., mode="download")`',
            "azureml.datadrift.datadriftdetector.DataDriftDetector": _MONITOR,
            "azureml.datadrift.datadriftdetector.DataDriftDetector.create_from_datasets": _MONITOR,
            "azureml.datadrift.datadriftdetector.DataDriftDetector.backfill": _MONITOR,
            "azureml.datadrift.datadriftdetector.DataDriftDetector.enable_schedule": _MONITOR,
            "azureml.data.datapath.DataPath": (
                'an "azureml://datastores/<name>/paths/<path>" URI in `azure.ai.ml.Input(path=...)`; as the target of an '
                "upload, the data asset that "
                '`ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="<local folder>", type="uri_folder"))` '
                "uploads to the default datastore"
            ),
            "azureml.data.dataset_factory.TabularDatasetFactory.from_sql_query": _DATA_IMPORT,
            "azureml.data.data_reference.DataReference": 'an "azureml://datastores/<name>/paths/<path>" URI in `azure.ai.ml.Input(path=...)`',
        },
    ),
    Rule(
        "AML402", "W7441", "azureml-output-dataset-config", Tier.REPLACEMENT,
        "OutputFileDatasetConfig and friends, replaced by typed job and node outputs.",
        "pipeline",
        targets={
            _OUT_FILE: use(
                "`azure.ai.ml.Output`",
                renames={"destination": '`azure.ai.ml.Output(path="azureml://datastores/<name>/paths/<path>")`'},
                positional=("name", "destination", "source"),
            ),
            "azureml.data.output_dataset_config.OutputDatasetConfig": "`azure.ai.ml.Output`",
            "azureml.data.output_dataset_config.OutputTabularDatasetConfig": '`azure.ai.ml.Output(type="mltable")`',
            _OUT_FILE + ".as_input": "`node.outputs` (an output by name) passed to the next node",
            _OUT_FILE + ".as_mount": '`azure.ai.ml.Output(mode="rw_mount")`',
            _OUT_FILE + ".as_upload": '`azure.ai.ml.Output(mode="upload")`',
            _OUT_FILE + ".read_delimited_files": '`azure.ai.ml.Output(type="mltable")`',
            _OUT_FILE + ".register_on_complete": (
                '`azure.ai.ml.Output(type="uri_folder", path=..., name=..., version=...)`, an output that the job registers '
                "as a data asset when it completes (the name given here is its name=)"
            ),
        },
    ),
    Rule(
        "AML403", "W7442", "azureml-datastore", Tier.REPLACEMENT,
        "SDK v1 datastore registration and access.",
        "datastore",
        targets={
            _DATASTORE: (
                "the datastore class of the storage, `azure.ai.ml.entities.AzureBlobDatastore`, "
                "`azure.ai.ml.entities.AzureDataLakeGen1Datastore`, `azure.ai.ml.entities.AzureDataLakeGen2Datastore` or "
                "`azure.ai.ml.entities.AzureFileDatastore`, created with `ml_client.datastores.create_or_update`; "
                "an existing one is `ml_client.datastores.get(name)`"
            ),
            _DATASTORE + ".get": '`ml_client.datastores.get(name)` or an "azureml://datastores/<name>/paths/..." URI',
            _DATASTORE + ".get_default": "`ml_client.datastores.get_default()`",
            _DATASTORE + ".name": _DATASTORE_NAME,
            "azureml.data.abstract_datastore.AbstractDatastore.name": _DATASTORE_NAME,
            _DATASTORE + ".register_azure_blob_container": "`azure.ai.ml.entities.AzureBlobDatastore(...)` created with `ml_client.datastores.create_or_update`",
            _DATASTORE + ".register_azure_file_share": "`azure.ai.ml.entities.AzureFileDatastore(...)` created with `ml_client.datastores.create_or_update`",
            _DATASTORE + ".register_azure_data_lake": "`azure.ai.ml.entities.AzureDataLakeGen1Datastore(...)` created with `ml_client.datastores.create_or_update`",
            _DATASTORE + ".register_azure_data_lake_gen2": "`azure.ai.ml.entities.AzureDataLakeGen2Datastore(...)` created with `ml_client.datastores.create_or_update`",
            _BLOB: "`azure.ai.ml.entities.AzureBlobDatastore`",
            _BLOB + ".upload": _UPLOAD,
            _BLOB + ".upload_files": _UPLOAD,
            _BLOB + ".download": "`azureml.fsspec.AzureMachineLearningFileSystem` or an `azure.ai.ml.Input` with mode=download in a job",
            _BLOB + ".path": 'an "azureml://datastores/<name>/paths/<path>" URI',
            "azureml.data.azure_storage_datastore.AzureFileDatastore": "`azure.ai.ml.entities.AzureFileDatastore`",
            "azureml.data.azure_data_lake_datastore.AzureDataLakeDatastore": "`azure.ai.ml.entities.AzureDataLakeGen1Datastore`",
            "azureml.data.azure_data_lake_datastore.AzureDataLakeGen2Datastore": "`azure.ai.ml.entities.AzureDataLakeGen2Datastore`",
        },
    ),
    Rule(
        "AML404", "E7443", "azureml-sql-datastore", Tier.NO_EQUIVALENT,
        "SQL-family datastores, which SDK v2 does not support.",
        "datastore",
        targets={
            # a query of a SQL datastore as a step input: v2 imports its result into a data asset
            "azureml.data.sql_data_reference.SqlDataReference": instead(
                "import the query's result into a data asset, `ml_client.data.import_data(azure.ai.ml.entities.DataImport("
                "name=..., path=..., source=azure.ai.ml.data_transfer.Database(query=..., connection=...)))` "
                "(or `azure.ai.ml.data_transfer.import_data(source=..., outputs=...)` as a pipeline node), "
                "and pass that to the step as an `azure.ai.ml.Input`"
            ),
            "azureml.data.azure_sql_database_datastore.AzureSqlDatabaseDatastore": "import the data into a data asset (`ml_client.data.import_data`) or export it to blob storage",
            "azureml.data.azure_my_sql_datastore.AzureMySqlDatastore": "import the data into a data asset (`ml_client.data.import_data`) or export it to blob storage",
            "azureml.data.azure_postgre_sql_datastore.AzurePostgreSqlDatastore": "import the data into a data asset (`ml_client.data.import_data`) or export it to blob storage",
            _DATASTORE + ".register_azure_sql_database": "import the data into a data asset (`ml_client.data.import_data`) or export it to blob storage",
            _DATASTORE + ".register_azure_my_sql": "import the data into a data asset (`ml_client.data.import_data`) or export it to blob storage",
            _DATASTORE + ".register_azure_postgre_sql": "import the data into a data asset (`ml_client.data.import_data`) or export it to blob storage",
        },
    ),
    # ------------------------------------------------------------------ AML5xx compute
    Rule(
        "AML501", "W7450", "azureml-compute", Tier.REPLACEMENT,
        "SDK v1 compute targets: lookup, provisioning and waiting.",
        "compute",
        targets={
            _CT: use("`ml_client.compute.get(name)` (attached Data Lake Analytics, Batch, Kusto, Data Factory and "
                     "Databricks computes have no v2 equivalent)", positional=("workspace", "name"),
                     fixes=(v2("ml_client.compute.get({name})"),)),
            _CT + ".create": use(
                "`ml_client.compute.begin_create_or_update(compute)`",
                positional=("workspace", "name", "provisioning_configuration"),
                # .result(): the wait that v1's wait_for_completion() was (the fix removes that call)
                fixes=(v2("ml_client.compute.begin_create_or_update({provisioning_configuration}).result()"),),
            ),
            _CT + ".attach": (
                "`ml_client.compute.begin_attach(compute)` for a virtual machine, Kubernetes cluster or Synapse Spark pool "
                "(`azure.ai.ml.entities.VirtualMachineCompute`, `azure.ai.ml.entities.KubernetesCompute`, "
                "`azure.ai.ml.entities.SynapseSparkCompute`)"
            ),
            _CT + ".wait_for_completion": (
                ".result() on the poller returned by `ml_client.compute.begin_create_or_update` "
                "(`ml_client.compute.begin_attach` for an attached compute)"
            ),
            _CT + ".delete": "`ml_client.compute.begin_delete(name)`",
            _CT + ".get_status": (
                "`ml_client.compute.get(name).provisioning_state` (the nodes of a cluster: `ml_client.compute.list_nodes(name)`)"
            ),
            _CT + ".list": "`ml_client.compute.list()`",
            _CT + ".vm_size": "the size of the compute, `ml_client.compute.get(name).size`",
            _CT + ".name": (
                "the compute's name as a plain string, the value passed as `azure.ai.ml.command(compute=...)` "
                "(each compute of `ml_client.compute.list()` has its .name)"
            ),
            _CT + ".status": "the compute's provisioning state (`ml_client.compute.get(name).provisioning_state`)",
            _CT + ".type": (
                'the compute\'s type, `ml_client.compute.get(name).type`, which v2 writes in lower case ("amlcompute", '
                '"computeinstance", "kubernetes", "virtualmachine"): compare with those, not v1\'s "AmlCompute"'
            ),
            _CT + ".provisioning_state": "`ml_client.compute.get(name).provisioning_state`",
            "azureml.core.compute.amlcompute.AmlCompute": "`azure.ai.ml.entities.AmlCompute`",
            "azureml.core.compute.amlcompute.AmlCompute.provisioning_configuration": use(
                '`azure.ai.ml.entities.AmlCompute(name=..., type="amlcompute", size=..., max_instances=...)`',
                renames={
                    "vm_size": "size", "max_nodes": "max_instances", "min_nodes": "min_instances",
                    "idle_seconds_before_scaledown": "idle_time_before_scale_down", "vm_priority": 'tier ("low_priority" for "lowpriority")',
                },
                positional=("vm_size", "vm_priority", "min_nodes", "max_nodes", "idle_seconds_before_scaledown"),
            ),
            # v2 updates the entity itself (ComputeTarget.update: a compute found by name, whose
            # update v1 defines on AmlCompute and AksCompute)
            # (the real ComputeTarget has no update of its own to check renames against: the text names the fields)
            _CT + ".update": replace(_CLUSTER_UPDATE, renames=MappingProxyType({}), positional=()),
            "azureml.core.compute.amlcompute.AmlCompute.update": _CLUSTER_UPDATE,
            "azureml.core.compute.dsvm.DsvmCompute.provisioning_configuration": _DSVM_CREATE,
            "azureml.core.compute.amlcompute.AmlCompute.supported_vmsizes": "`ml_client.compute.list_sizes()`",
            "azureml.core.compute.computeinstance.ComputeInstance": "`azure.ai.ml.entities.ComputeInstance`",
            "azureml.core.compute.computeinstance.ComputeInstance.provisioning_configuration": use(
                "`azure.ai.ml.entities.ComputeInstance(name=..., size=...)`",
                renames={"vm_size": "size"}, positional=("vm_size",),
            ),
            "azureml.core.compute.remote.RemoteCompute": "`azure.ai.ml.entities.VirtualMachineCompute(name=..., resource_id=...)` attached with `ml_client.compute.begin_attach`",
            # attach configurations: the v2 compute entity itself, attached with begin_attach
            "azureml.core.compute.remote.RemoteCompute.attach_configuration": use(
                f"`azure.ai.ml.entities.VirtualMachineCompute(name=..., resource_id=..., ssh_settings=...)` {_ATTACH}",
                renames={
                    "username": "`azure.ai.ml.entities.VirtualMachineSshSettings(admin_username=...)`",
                    "password": "`azure.ai.ml.entities.VirtualMachineSshSettings(admin_password=...)`",
                    "private_key_file": "`azure.ai.ml.entities.VirtualMachineSshSettings(ssh_private_key_file=...)`",
                    "ssh_port": "`azure.ai.ml.entities.VirtualMachineSshSettings(ssh_port=...)`",
                },
                positional=("username", "subscription_id", "resource_group", "vm_name", "resource_id", "address", "ssh_port",
                            "password", "private_key_file"),
            ),
            "azureml.core.compute.synapse.SynapseCompute": "`azure.ai.ml.entities.SynapseSparkCompute`",
            "azureml.core.compute.synapse.SynapseCompute.attach_configuration": (
                f"`azure.ai.ml.entities.SynapseSparkCompute(name=..., resource_id=...)` (the Spark pool's resource ID) {_ATTACH}, "
                "or serverless Spark in `azure.ai.ml.spark()`, which needs no compute attached"
            ),
            "azureml.core.compute.aks.AksCompute.attach_configuration": _KUBERNETES_ATTACH,
            "azureml.core.compute.kubernetescompute.KubernetesCompute.attach_configuration": _KUBERNETES_ATTACH,
            # SDK v2 creates no AKS cluster: it attaches one made elsewhere
            "azureml.core.compute.aks.AksCompute.provisioning_configuration": (
                "an AKS cluster created outside Azure ML (Azure CLI or portal), then "
                + _KUBERNETES_ATTACH + "; SDK v2 creates no AKS clusters"
            ),
            "azureml.core.compute.hdinsight.HDInsightCompute": instead(
                "run the Spark work as a spark job (`azure.ai.ml.spark()`) on serverless Spark or an attached Synapse Spark "
                "pool (`azure.ai.ml.entities.SynapseSparkCompute`): SDK v2 cannot attach HDInsight clusters"
            ),
            # v2 attaches a Kubernetes cluster; it cannot create one
            "azureml.core.compute.aks.AksCompute": (
                "`azure.ai.ml.entities.KubernetesCompute(name=..., resource_id=..., namespace=...)` attached with "
                "`ml_client.compute.begin_attach` to an AKS cluster created outside Azure ML (Azure CLI or ARM, with the "
                "Azure ML extension installed): SDK v2 cannot create AKS clusters, and a managed online endpoint "
                "(`azure.ai.ml.entities.ManagedOnlineEndpoint`) serves models without one"
            ),
            "azureml.exceptions.ComputeTargetException": use(
                "`azure.core.exceptions.ResourceNotFoundError` raised by `ml_client.compute.get`",
                fixes=(v2("ResourceNotFoundError", "from azure.core.exceptions import ResourceNotFoundError"),),
            ),
        },
    ),
    Rule(
        "AML502", "E7451", "azureml-compute-no-equivalent", Tier.NO_EQUIVALENT,
        "SDK v1 compute targets that exist only for the pipeline steps with no v2 equivalent.",
        "pipeline",
        targets={
            "azureml.core.compute.adla.AdlaCompute": "port the U-SQL jobs that AdlaStep ran on this compute to Spark (`azure.ai.ml.spark`): AdlaStep has no v2 equivalent either",
            "azureml.core.compute.batch.BatchCompute": "run the work that AzureBatchStep ran on this compute on Azure ML compute (`azure.ai.ml.entities.AmlCompute`): AzureBatchStep has no v2 equivalent either",
            "azureml.core.compute.kusto.KustoCompute": "query Kusto from a command component (KustoStep, which this compute serves, has no v2 equivalent either)",
            "azureml.core.compute.datafactory.DataFactoryCompute": "copy the data with Azure Data Factory itself or in a command component (DataTransferStep, which this compute serves, has no v2 equivalent either)",
            "azureml.core.compute.databricks.DatabricksCompute": "run the notebook or job in Azure Databricks itself, or call the Databricks Jobs API from a command component (DatabricksStep, which this compute serves, has no v2 equivalent either)",
        },
    ),
    # ------------------------------------------------------------------ AML6xx models and endpoints
    Rule(
        "AML601", "W7460", "azureml-model", Tier.REPLACEMENT,
        "SDK v1 model registration and lookup.",
        "model",
        targets={
            _MODEL: (
                "`azure.ai.ml.entities.Model` registered with `ml_client.models.create_or_update`, got with "
                "`ml_client.models.get(name, version=...)` and listed with `ml_client.models.list()`"
            ),
            # v2 keeps every model version: archiving hides one
            _MODEL + ".delete": "`ml_client.models.archive(name, version=...)` (SDK v2 deletes no model versions)",
            _MODEL + ".register": use(
                "`ml_client.models.create_or_update(azure.ai.ml.entities.Model(path=..., name=..., type=azure.ai.ml.constants.AssetTypes.CUSTOM_MODEL))`",
                **_MODEL_REGISTER_CALL,
            ),
            # the artifact path is the v1 call's own model_path, under the job that logged it
            _RUN + ".register_model": (
                '`ml_client.models.create_or_update(azure.ai.ml.entities.Model(path="azureml://jobs/<job>/outputs/artifacts/paths/<model_path>", name=...))`, '
                "<model_path> being the call's model_path"
            ),
            _MODEL + ".list": (
                "`ml_client.models.list()` for the models' names and `ml_client.models.list(name=...)` for one model's versions "
                "(v2 filters on no tag or property: for v1's tags= and properties=, test each version's tags or properties "
                'yourself; for latest=True, `ml_client.models.get(name, label="latest")`)'
            ),
            **{
                _MODEL + f".{field}": (
                    f"the {field} of the `azure.ai.ml.entities.Model` that `ml_client.models.create_or_update`, "
                    '`ml_client.models.get(name, version=...)` (label="latest" for the latest version) or '
                    "`ml_client.models.list(name=...)` returned"
                )
                for field in ("name", "version", "tags")
            },
            _MODEL + ".download": "`ml_client.models.download(name, version)`",
            _MODEL + ".created_time": "the model's creation time, `ml_client.models.get(name, version=...).creation_context.created_at`",
            _MODEL + ".get_model_path": _MODEL_DIR + "; in a job, " + _MODEL_INPUT,
        },
    ),
    Rule(
        "AML602", "W7461", "azureml-webservice", Tier.REPLACEMENT,
        "SDK v1 web service deployment (ACI, AKS, local), replaced by online endpoints.",
        "endpoints",
        targets={
            # a v1 service could serve several models; a v2 deployment serves one model asset
            _MODEL + ".deploy": _ONLINE_DEPLOY + "; a deployment serves one model, so several models' files go into one registered model folder",
            _WEBSERVICE + ".deploy": _ONLINE_DEPLOY,
            _WEBSERVICE: "`ml_client.online_endpoints.get(name)`",
            _WEBSERVICE + ".run": "`ml_client.online_endpoints.invoke(endpoint_name=..., request_file=...)`",
            _WEBSERVICE + ".delete": "`ml_client.online_endpoints.begin_delete(name=...)`",
            _WEBSERVICE + ".wait_for_deployment": ".result() on the poller returned by `ml_client.online_deployments.begin_create_or_update`",
            _WEBSERVICE + ".get_logs": "`ml_client.online_deployments.get_logs(name, endpoint_name, lines)`",
            _WEBSERVICE + ".get_keys": "`ml_client.online_endpoints.get_keys(name)`",
            _WEBSERVICE + ".scoring_uri": "the endpoint's scoring URI (`ml_client.online_endpoints.get(name).scoring_uri`)",
            _WEBSERVICE + ".state": (
                "the deployment's provisioning state (`ml_client.online_deployments.get(name, endpoint_name).provisioning_state`)"
            ),
            _WEBSERVICE + ".update": "`ml_client.online_deployments.begin_create_or_update(deployment)`",
            "azureml.core.model.InferenceConfig": use(
                "`azure.ai.ml.entities.CodeConfiguration(code=..., scoring_script=...)` with the environment on the deployment",
                renames={"source_directory": "code", "entry_script": "scoring_script"},
                positional=("entry_script", "runtime", "conda_file", "extra_docker_file_steps", "source_directory"),
            ),
            "azureml.core.webservice.aci.AciWebservice": "`azure.ai.ml.entities.ManagedOnlineEndpoint` + `azure.ai.ml.entities.ManagedOnlineDeployment`",
            "azureml.core.webservice.aci.AciWebservice.deploy_configuration": use(
                '`azure.ai.ml.entities.ManagedOnlineDeployment(instance_type="Standard_DS3_v2", instance_count=1)` (a VM SKU, not cores and memory)',
                renames={
                    "cpu_cores": "instance_type (a VM SKU)", "memory_gb": "instance_type (the same SKU: its cores and memory come together)",
                    "auth_enabled": '`azure.ai.ml.entities.ManagedOnlineEndpoint(auth_mode="key")`',
                },
                positional=("cpu_cores", "memory_gb", "tags", "properties", "description", "location", "auth_enabled"),
            ),
            "azureml.core.webservice.aks.AksWebservice": "`azure.ai.ml.entities.KubernetesOnlineEndpoint` + `azure.ai.ml.entities.KubernetesOnlineDeployment` (or managed online endpoints)",
            "azureml.core.webservice.aks.AksWebservice.deploy_configuration": use(
                "`azure.ai.ml.entities.KubernetesOnlineDeployment(name=..., endpoint_name=..., model=..., instance_count=...)` "
                "(or `azure.ai.ml.entities.ManagedOnlineDeployment(instance_type=...)`, a VM SKU)",
                renames={
                    "cpu_cores": "`azure.ai.ml.entities.KubernetesOnlineDeployment(resources=azure.ai.ml.entities.ResourceRequirementsSettings(requests=azure.ai.ml.entities.ResourceSettings(cpu=...)))`",
                    "memory_gb": '`azure.ai.ml.entities.ResourceSettings(memory="<n>Gi")` in the same requests',
                    "gpu_cores": "`azure.ai.ml.entities.ResourceSettings(gpu=...)` in the same requests",
                    **dict.fromkeys(
                        ("autoscale_enabled", "autoscale_min_replicas", "autoscale_max_replicas",
                         "autoscale_target_utilization", "autoscale_refresh_seconds"),
                        "`azure.ai.ml.entities.KubernetesOnlineDeployment(scale_settings=azure.ai.ml.entities.TargetUtilizationScaleSettings("
                        "min_instances=..., max_instances=..., target_utilization_percentage=..., polling_interval=...))`",
                    ),
                    "num_replicas": "`azure.ai.ml.entities.KubernetesOnlineDeployment(instance_count=...)`",
                    "enable_app_insights": "`azure.ai.ml.entities.KubernetesOnlineDeployment(app_insights_enabled=...)`",
                    "scoring_timeout_ms": "`azure.ai.ml.entities.OnlineRequestSettings(request_timeout_ms=...)` as request_settings",
                    "replica_max_concurrent_requests": (
                        "`azure.ai.ml.entities.OnlineRequestSettings(max_concurrent_requests_per_instance=...)` as request_settings"
                    ),
                    "max_request_wait_time": "`azure.ai.ml.entities.OnlineRequestSettings(max_queue_wait_ms=...)` as request_settings",
                    "auth_enabled": '`azure.ai.ml.entities.KubernetesOnlineEndpoint(auth_mode="key")`',
                },
                positional=(
                    "autoscale_enabled", "autoscale_min_replicas", "autoscale_max_replicas", "autoscale_refresh_seconds",
                    "autoscale_target_utilization", "collect_model_data", "auth_enabled", "cpu_cores", "memory_gb",
                    "enable_app_insights", "scoring_timeout_ms", "replica_max_concurrent_requests",
                    "max_request_wait_time", "num_replicas",
                ),
            ),
            _LOCAL_WEBSERVICE: "a local online endpoint: `ml_client.online_endpoints.begin_create_or_update(endpoint, local=True)`",
            _LOCAL_WEBSERVICE + ".deploy_configuration": "a local online deployment: `ml_client.online_deployments.begin_create_or_update(deployment, local=True)`",
            # a local web service's members answer for the local endpoint (local=True), not a cloud one
            _LOCAL_WEBSERVICE + ".delete": "`ml_client.online_endpoints.begin_delete(name=..., local=True)`",
            _LOCAL_WEBSERVICE + ".get_logs": "`ml_client.online_deployments.get_logs(name=..., endpoint_name=..., lines=..., local=True)`",
            _LOCAL_WEBSERVICE + ".wait_for_deployment": ".result() on the poller returned by `ml_client.online_deployments.begin_create_or_update(deployment, local=True)`",
            _LOCAL_WEBSERVICE + ".run": "`ml_client.online_endpoints.invoke(endpoint_name=..., request_file=..., local=True)`",
            _LOCAL_WEBSERVICE + ".scoring_uri": "`ml_client.online_endpoints.get(name, local=True).scoring_uri`",
            _LOCAL_WEBSERVICE + ".update": "`ml_client.online_deployments.begin_create_or_update(deployment, local=True)`",
            _LOCAL_WEBSERVICE + ".reload": "`ml_client.online_endpoints.get(name, local=True)`",
        },
    ),
    Rule(
        "AML603", "E7462", "azureml-webservice-no-equivalent", Tier.NO_EQUIVALENT,
        "ACI web service settings and deployment paths that SDK v2 does not support.",
        "managed-online-endpoints",
        targets={
            "azureml.core.webservice.aci.ContainerResourceRequirements": "choose a VM SKU as `azure.ai.ml.entities.ManagedOnlineDeployment(instance_type=...)`: online endpoints take no CPU and memory settings",
            "azureml.core.webservice.aci.EncryptionProperties": "remove them: managed online endpoints do not support ACI's customer-managed encryption properties",
            "azureml.core.webservice.aci.AciWebservice.deploy_configuration(dns_name_label)": "remove it and have clients call the endpoint's scoring URI (`ml_client.online_endpoints.get(name).scoring_uri`): managed online endpoints do not support custom DNS names",
            "azureml.core.webservice.aci.AciWebservice.deploy_configuration(ssl_cert_pem_file)": "remove it: TLS is always on for managed online endpoints, which do not take custom certificates",
            _WEBSERVICE + ".deploy_from_model": "redeploy the model as an `azure.ai.ml.entities.ManagedOnlineDeployment` (Microsoft's upgrade tool does not handle this path)",
            _WEBSERVICE + ".deploy_from_image": "redeploy the model as an `azure.ai.ml.entities.ManagedOnlineDeployment` (Microsoft's upgrade tool does not handle this path)",
        },
    ),
    # ------------------------------------------------------------------ AML7xx automl, sweep, parallel
    Rule(
        "AML701", "W7470", "azureml-automl", Tier.REPLACEMENT,
        "AutoMLConfig and AutoML runs, replaced by the per-task `azure.ai.ml.automl` factories.",
        "automl",
        targets={
            "azureml.train.automl.automlconfig.AutoMLConfig": use(
                "the factory of the task (`azure.ai.ml.automl.classification()`, `azure.ai.ml.automl.regression()`, "
                "`azure.ai.ml.automl.forecasting()` ...) submitted with `ml_client.jobs.create_or_update`, " + _AUTOML_NODE,
                renames={
                    "compute_target": "compute", "label_column_name": "target_column_name",
                    "enable_early_stopping": "`job.set_limits(enable_early_termination=...)`",
                    "validation_data": 'an MLTable input, `azure.ai.ml.Input(type="mltable", path=...)`',
                    "test_data": 'an MLTable input, `azure.ai.ml.Input(type="mltable", path=...)`',
                    "max_concurrent_iterations": "`job.set_limits(max_concurrent_trials=...)`",
                    "experiment_timeout_hours": "`job.set_limits(timeout_minutes=...)` (minutes)",
                    "training_data": 'an MLTable input, `azure.ai.ml.Input(type="mltable", path=...)`',
                    "forecasting_parameters": "`job.set_forecast_settings(time_column_name=..., forecast_horizon=...)`",
                    "featurization": "`job.set_featurization(mode=...)` (or its column settings)",
                    "max_cores_per_iteration": "`job.set_limits(max_cores_per_trial=...)`",
                    "debug_log": "a removed argument: SDK v2 has no debug_log setting (the job's logs are among its outputs)",
                    "verbosity": "a removed argument: SDK v2 has no AutoML verbosity setting",
                },
                positional=("task",),
            ),
            "azureml.train.automl.automlimageconfig.AutoMLImageConfig": (
                "the factory of the image task (`azure.ai.ml.automl.image_classification()`, "
                "`azure.ai.ml.automl.image_object_detection()`, `azure.ai.ml.automl.image_instance_segmentation()` ...) "
                "submitted with `ml_client.jobs.create_or_update`"
            ),
            # each forecasting constant is the plain string of its v1 setting; v2 names some settings otherwise
            **{f"{_TIME_SERIES}.{constant}": use(_time_series_advice(value)) for constant, value in AUTOML_TIME_SERIES_NAMES.items()},
            # v1 looked a curated environment up by scenario (JasmineClient.get_curated_environment); v2 names it
            "azureml.train.automl.constants.Scenarios": (
                'the curated environment named in the job, such as `azure.ai.ml.command(environment="azureml:AzureML-AutoML@latest")` '
                "(an AutoML job brings its own environment)"
            ),
            # AutoML's metric names: plain strings in v2, an enum where a job takes its primary metric
            "azureml.automl.core.shared.constants.Metric": (
                'the metric\'s name as a string ("accuracy", "AUC_weighted" ...), the name the v2 AutoML job logs it under '
                "to MLflow; for a job's primary metric, the task's enum, such as "
                "`azure.ai.ml.automl.ClassificationPrimaryMetrics.ACCURACY` "
                "(`azure.ai.ml.automl.RegressionPrimaryMetrics`, `azure.ai.ml.automl.ForecastingPrimaryMetrics`)"
            ),
            # each metric constant is the plain string v2 logs the metric under (AUTOML_METRIC_NAMES)
            **{f"{_METRIC}.{constant}": use(_metric_advice(name)) for constant, name in AUTOML_METRIC_NAMES.items()},
            # forecasting parameter names: keywords of the v2 forecast settings
            "azureml.automl.core.shared.constants.TimeSeries": (
                'the setting\'s name as a plain string (TimeSeries.TIME_COLUMN_NAME is "time_column_name"; the grain or time '
                'series ID columns are time_series_id_column_names), a keyword of '
                "`azure.ai.ml.automl.ForecastingJob.set_forecast_settings` in a v2 forecasting job"
            ),
            # ModelProxy ran the best model on remote compute: a v2 AutoML job tests its model itself
            "azureml.train.automl.model_proxy.ModelProxy": _MODEL_TEST,
            "azureml.train.automl.model_proxy.ModelProxy.test": _MODEL_TEST,
            "azureml.train.automl.model_proxy.ModelProxy.predict": _MODEL_PREDICT,
            "azureml.train.automl.model_proxy.ModelProxy.forecast": _MODEL_PREDICT,
            # featurization: keywords of the task job's set_featurization
            _FEATURIZATION: use(
                _set_featurization("column_name_and_types=..., transformer_params=..., blocked_transformers=...")
                + " (v1's prediction transform type has no v2 setting)",
                renames={"column_purposes": "column_name_and_types"},
                positional=("blocked_transformers", "column_purposes", "transformer_params", "drop_columns", "dataset_language"),
            ),
            _FEATURIZATION + ".add_column_purpose": (
                'column_name_and_types={"<column>": "<feature type>"} of ' + _set_featurization("column_name_and_types=...")
            ),
            _FEATURIZATION + ".add_transformer_params": (
                'transformer_params={"<transformer>": [`azure.ai.ml.automl.ColumnTransformer(fields=[...], parameters={...})`]} of '
                + _set_featurization("transformer_params=...")
            ),
            _FEATURIZATION + ".add_blocked_transformers": "blocked_transformers=[...] of " + _set_featurization("blocked_transformers=..."),
            _FEATURIZATION + ".add_prediction_transform_type": instead(
                "cast or round the predictions yourself after the job (no setting of a v2 AutoML job sets their type)"
            ),
            _FEATURIZATION + ".add_drop_columns": instead(
                "drop the columns from the training data before the job (pandas, or `mltable.load(path).drop_columns(...)`): "
                "the featurization settings of a v2 AutoML job take no columns to drop"
            ),
            # the task is the factory that builds the job, not a constant
            "azureml.automl.core.shared.constants.ImageTask": (
                "the factory of the task instead of a task constant: `azure.ai.ml.automl.image_classification()`, "
                "`azure.ai.ml.automl.image_classification_multilabel()`, `azure.ai.ml.automl.image_object_detection()` or "
                "`azure.ai.ml.automl.image_instance_segmentation()`"
            ),
            # a typing alias of AutoML's runtime, used to annotate time-series IDs in scoring scripts
            "azureml.automl.core.shared.types.GrainType": instead(
                "annotate with a plain typing type, such as Union[str, Tuple[str, ...], List[str]], which is all GrainType "
                "was (a time-series ID); SDK v2 has no such type"
            ),
            "azureml.train.automl.run.AutoMLRun": "the job returned by `ml_client.jobs.create_or_update` (`ml_client.jobs.get(name)`)",
            "azureml.automl.core.forecasting_parameters.ForecastingParameters": "`job.set_forecast_settings(...)` on `azure.ai.ml.automl.forecasting()` (`azure.ai.ml.automl.ForecastingSettings`)",
            "azureml.train.automl.run.AutoMLRun.model_id": (
                "the name and version of the model registered from the job's output "
                "(`ml_client.models.create_or_update(azure.ai.ml.entities.Model(path=..., name=...))`)"
            ),
            "azureml.train.automl.run.AutoMLRun.get_output": (
                'the best model as a job output: `ml_client.jobs.download(name, output_name="best_model")` or MLflow; with '
                "iteration= or metric=, the chosen trial's child job among `ml_client.jobs.list(parent_job_name=name)`"
            ),
            "azureml.train.automl.run.AutoMLRun.get_best_child": (
                "the best child job, `ml_client.jobs.get(best_child_name)`, best_child_name being " + _BEST_CHILD_NAME
                + " (its MLflow run, `mlflow.get_run(best_child_name)`)"
            ),
        },
    ),
    Rule(
        "AML702", "W7471", "azureml-hyperdrive", Tier.REPLACEMENT,
        "HyperDrive configuration, sampling, policies and parameter expressions, replaced by sweep jobs.",
        "hyperdrive",
        targets={
            _HD + "runconfig.HyperDriveConfig": use(
                "`command_job.sweep(sampling_algorithm=..., primary_metric=..., goal=...)` (`azure.ai.ml.sweep.SweepJob`)",
                renames={
                    "run_config": "the command job that `command_job.sweep()` is called on",
                    "hyperparameter_sampling": "sampling_algorithm", "primary_metric_name": "primary_metric",
                    "primary_metric_goal": "goal", "policy": "early_termination_policy (or `sweep_job.early_termination`)",
                    "max_total_runs": "`sweep_job.set_limits(max_total_trials=...)`",
                    "max_concurrent_runs": "`sweep_job.set_limits(max_concurrent_trials=...)`",
                    "max_duration_minutes": "`sweep_job.set_limits(timeout=...)` (seconds)",
                },
                positional=(
                    "hyperparameter_sampling", "primary_metric_name", "primary_metric_goal", "max_total_runs",
                    "max_concurrent_runs", "max_duration_minutes", "policy",
                ),
            ),
            _HD + "runconfig.HyperDriveRunConfig": "`azure.ai.ml.sweep.SweepJob`",
            # HyperDrive's sampling and policies serve a command sweep and AutoMLImageConfig alike
            **{
                _HD + f"sampling.{sampling}ParameterSampling": (
                    f'sampling_algorithm="{algorithm}" in `command_job.sweep(sampling_algorithm=...)`, with `azure.ai.ml.sweep` '
                    "search spaces as the job's inputs; for an AutoML image job, "
                    f'`azure.ai.ml.automl.ImageClassificationJob.set_sweep(sampling_algorithm="{algorithm}")` with its search '
                    "space given to `azure.ai.ml.automl.ImageClassificationJob.extend_search_space` "
                    "(`azure.ai.ml.automl.ImageClassificationSearchSpace(model_name=azure.ai.ml.sweep.Choice(values=[...]))`, "
                    "`azure.ai.ml.automl.ImageObjectDetectionSearchSpace` for detection)"
                )
                for sampling, algorithm in (("Random", "random"), ("Grid", "grid"), ("Bayesian", "bayesian"))
            },
            **{
                _HD + f"policy.{policy}": (
                    f"`azure.ai.ml.sweep.{policy}(...)` as early_termination_policy= of `command_job.sweep()` "
                    "(`sweep_job.early_termination`), or for an AutoML image job "
                    "`azure.ai.ml.automl.ImageClassificationJob.set_sweep(sampling_algorithm=..., early_termination=...)`"
                )
                for policy in ("BanditPolicy", "MedianStoppingPolicy", "TruncationSelectionPolicy")
            },
            _HD + "policy.NoTerminationPolicy": "a sweep job without an early_termination policy",
            _HD + "runconfig.PrimaryMetricGoal": 'goal="maximize" or goal="minimize" in `command_job.sweep(goal=...)`',
            _HD + "runconfig.PrimaryMetricGoal.MAXIMIZE": 'goal="maximize" in `command_job.sweep(goal=...)`',
            _HD + "runconfig.PrimaryMetricGoal.MINIMIZE": 'goal="minimize" in `command_job.sweep(goal=...)`',
            _HD + "parameter_expressions.choice": (
                "`azure.ai.ml.sweep.Choice(values=[...])` (in an AutoML image job's search space, a list of "
                "`azure.ai.ml.automl.SearchSpace(...)` given to the job's extend_search_space)"
            ),
            _HD + "parameter_expressions.randint": "`azure.ai.ml.sweep.Randint(upper=...)`",
            _HD + "parameter_expressions.uniform": "`azure.ai.ml.sweep.Uniform(min_value=..., max_value=...)`",
            _HD + "parameter_expressions.quniform": "`azure.ai.ml.sweep.QUniform(min_value=..., max_value=..., q=...)`",
            _HD + "parameter_expressions.loguniform": "`azure.ai.ml.sweep.LogUniform(min_value=..., max_value=...)`",
            _HD + "parameter_expressions.qloguniform": "`azure.ai.ml.sweep.QLogUniform(min_value=..., max_value=..., q=...)`",
            _HD + "parameter_expressions.normal": "`azure.ai.ml.sweep.Normal(mu=..., sigma=...)`",
            _HD + "parameter_expressions.qnormal": "`azure.ai.ml.sweep.QNormal(mu=..., sigma=..., q=...)`",
            _HD + "parameter_expressions.lognormal": "`azure.ai.ml.sweep.LogNormal(mu=..., sigma=...)`",
            _HD + "parameter_expressions.qlognormal": "`azure.ai.ml.sweep.QLogNormal(mu=..., sigma=..., q=...)`",
            _HD + "run.HyperDriveRun.get_best_run_by_primary_metric": '`ml_client.jobs.download(name, output_name="model")` of the sweep job (its best trial)',
        },
    ),
    Rule(
        "AML703", "W7472", "azureml-parallel-run", Tier.REPLACEMENT,
        "ParallelRunConfig, replaced by a parallel job built with parallel_run_function.",
        "parallel",
        targets={
            _STEPS + "parallel_run_config.ParallelRunConfig": use(
                "`azure.ai.ml.parallel.parallel_run_function(task=azure.ai.ml.parallel.RunFunction(...))` (a parallel job; "
                "error_threshold and mini_batch_size keep their names and meanings)",
                renames={
                    "environment": "`azure.ai.ml.parallel.RunFunction(environment=...)`",
                    "entry_script": "`azure.ai.ml.parallel.RunFunction(entry_script=...)`",
                    "source_directory": "`azure.ai.ml.parallel.RunFunction(code=...)`",
                    "output_action": "`azure.ai.ml.parallel.RunFunction(append_row_to=...)`",
                    "append_row_file_name": "`azure.ai.ml.parallel.RunFunction(append_row_to=...)`",
                    "node_count": "instance_count", "process_count_per_node": "max_concurrency_per_instance",
                    "run_invocation_timeout": "retry_settings (timeout)", "run_max_try": "retry_settings (max_retries)",
                    # error_threshold (failed items over the whole input) keeps its name in v2
                    "allowed_failed_count": "mini_batch_error_threshold",
                    "allowed_failed_percent": "`azure.ai.ml.parallel.RunFunction(program_arguments=...)` (--allowed_failed_percent)",
                    "compute_target": "compute",
                },
                positional=("environment", "entry_script", "error_threshold", "output_action", "compute_target", "node_count"),
            ),
            # where v1 wrote the appended rows: the output that append_row_to names in v2
            "azureml.pipeline.steps.parallel_run_config._ParallelRunConfigBase.append_row_file_name": (
                'the output the parallel job appends its rows to, `azure.ai.ml.parallel.RunFunction(append_row_to="${{outputs.<name>}}")`, '
                "downloaded with `ml_client.jobs.download(name, output_name=...)`"
            ),
        },
    ),
    Rule(
        "AML704", "W7473", "azureml-parallel-partition-keys", Tier.REPLACEMENT,
        "ParallelRunConfig(partition_keys=...): partitioned parallel runs.",
        "parallel",
        targets={
            _STEPS + "parallel_run_config.ParallelRunConfig(partition_keys)": "`azure.ai.ml.parallel.parallel_run_function(partition_keys=[...])` (the inputs must be partitioned data; Microsoft's migration article still calls this under development, azure-ai-ml 1.35 has it)",
        },
    ),
    # ------------------------------------------------------------------ AML8xx tracking, secrets
    Rule(
        "AML801", "W7480", "azureml-run-context", Tier.REPLACEMENT,
        "Run.get_context() and run attributes used inside a training script.",
        "mlflow",
        targets={
            _RUN + ".get_context": (
                _MLFLOW_IN_JOB + " for logging; read inputs from the command line (`azure.ai.ml.Input`); to reach the "
                "workspace or submit jobs from inside the job, " + _MLCLIENT_IN_JOB + " (or a managed identity credential)"
            ),
            _RUN + ".submit_child": instead(
                "run each job with `ml_client.jobs.create_or_update(job)` from an " + _MLCLIENT_IN_JOB
                + " created inside the job: SDK v2 has no child runs, the jobs it submits are jobs of their own"
            ),
            "azureml.core.run._SubmittedRun.input_datasets": "an `azure.ai.ml.Input` passed on the command line (${{inputs.<name>}})",
            "azureml.core.run._SubmittedRun.output_datasets": "an `azure.ai.ml.Output` passed on the command line (${{outputs.<name>}})",
            _EXP + ".start_logging": "`mlflow.set_experiment(name)` and `mlflow.start_run()`",
            _RUN + ".complete": use("`mlflow.end_run()`", positional=("_set_status",), fixes=(mlflow("mlflow.end_run()"),)),
            _RUN + ".tag": use(
                "`mlflow.set_tag(key, value)`", positional=("key", "value"),
                fixes=(mlflow("mlflow.set_tag({key}, {value})"), mlflow('mlflow.set_tag({key}, "")')),
            ),
            _RUN + ".set_tags": use("`mlflow.set_tags(tags)`", positional=("tags",), fixes=(mlflow("mlflow.set_tags({tags})"),)),
            _RUN + ".upload_file": use(
                "`mlflow.log_artifact(local_path)`", positional=("name", "path_or_stream", "datastore_name"),
                fixes=(mlflow("mlflow.log_artifact({path_or_stream})",
                              why="the file is logged under its own name at the artifacts' root, not under the v1 name"),),
            ),
            _RUN + ".upload_folder": "`mlflow.log_artifacts(local_dir)`",
            _RUN + ".child_run": "`mlflow.start_run(nested=True)`",
        },
    ),
    Rule(
        "AML802", "W7481", "azureml-run-logging", Tier.REPLACEMENT,
        "Run.log* metric and artifact logging, replaced by MLflow.",
        "mlflow",
        targets={
            _RUN + ".log": use(
                "`mlflow.log_metric(name, value)` (numbers, and booleans as 1/0); text as a tag with `mlflow.set_tag(name, value)`",
                positional=("name", "value", "description", "step"),
                fixes=(
                    mlflow("mlflow.log_metric({name}, {value}, step={step})", when=("value", "number")),
                    mlflow("mlflow.log_metric({name}, {value})", when=("value", "number")),
                    mlflow("mlflow.log_metric({name}, int({value}))", when=("value", "bool")),
                    mlflow("mlflow.set_tag({name}, {value})", when=("value", "text")),
                    mlflow("mlflow.log_metric({name}, {value}, step={step})", why=_UNKNOWN_VALUE),
                    mlflow("mlflow.log_metric({name}, {value})", why=_UNKNOWN_VALUE),
                ),
            ),
            _RUN + ".log_image": use(
                "`mlflow.log_figure(figure, file)` for a plot, `mlflow.log_artifact(path)` for a file",
                positional=("name", "path", "plot", "description"),
                fixes=(
                    mlflow("mlflow.log_artifact({path})", why="the image is an artifact under its file name, not an image named by the v1 name"),
                    mlflow("mlflow.log_figure({plot}.gcf(), {name} + \".png\")", why="the current figure of the plot module is logged as <name>.png"),
                ),
            ),
            _RUN + ".log_list": use(
                "`mlflow.log_metric(name, value, step=step)` for each value (or "
                "`mlflow.tracking.MlflowClient().log_batch(run_id, metrics=[mlflow.entities.Metric(...)])`)",
                positional=("name", "value", "description"),
                fixes=(mlflow("for step, value in enumerate({value}):\n    mlflow.log_metric({name}, value, step=step)",
                              why=_LIST_VALUES),),
            ),
            _RUN + ".log_row": use(
                '`mlflow.log_metrics({"name.column": value})` (one key per column)',
                positional=("name", "description", "**columns"),
                fixes=(
                    mlflow("mlflow.log_metrics({columns})", when=("columns", "number"), why=_ROW_METRICS, key_prefix="name"),
                    mlflow("mlflow.log_metrics({columns})", when=("columns", "unknown"),
                           why=_ROW_METRICS + "; " + _UNKNOWN_VALUE, key_prefix="name"),
                ),
            ),
            _RUN + ".log_table": use(
                "`mlflow.log_metrics(...)` per row or the table as an artifact, `mlflow.log_dict(value, file)`",
                positional=("name", "value", "description"),
                fixes=(mlflow('mlflow.log_dict({value}, {name} + ".json")', why=_TABLE_ARTIFACT),),
            ),
            **{_RUN + "." + method: _json_artifact() for method in _JSON_LOGS},
            _RUN + ".flush": use(
                "`mlflow.flush_async_logging()` (MLflow logs synchronously unless asked not to)",
                positional=("timeout_seconds",), fixes=(mlflow("mlflow.flush_async_logging()"),),
            ),
        },
    ),
    Rule(
        "AML803", "E7482", "azureml-secrets", Tier.NO_EQUIVALENT,
        "SDK v1 secret access (Run.get_secret, Keyvault), which SDK v2 does not have.",
        "secrets",
        targets={
            _RUN + ".get_secret": instead(f"read it with {_VAULT}: `secret_client.get_secret(name).value`"),
            _RUN + ".get_secrets": instead(f"read each secret with {_VAULT}: `secret_client.get_secret(name).value`"),
            _KEYVAULT: instead(f"work with the workspace's key vault through {_VAULT}"),
            _KEYVAULT + ".get_secret": instead(f"read it with {_VAULT}: `secret_client.get_secret(name).value`"),
            _KEYVAULT + ".get_secrets": instead(f"read each secret with {_VAULT}: `secret_client.get_secret(name).value`"),
            _KEYVAULT + ".set_secret": instead(f"write it with {_VAULT}: `secret_client.set_secret(name, value)`"),
            _KEYVAULT + ".set_secrets": instead(f"write each secret with {_VAULT}: `secret_client.set_secret(name, value)`"),
            _KEYVAULT + ".list_secrets": instead(f"list them with {_VAULT}: `secret_client.list_properties_of_secrets()`"),
            _KEYVAULT + ".delete_secret": instead(f"delete it with {_VAULT}: `secret_client.begin_delete_secret(name)`"),
        },
    ),
    # ------------------------------------------------------------------ AML9xx dependency pins
    Rule(
        "AML901", "W7490", "azureml-dependency", Tier.REPLACEMENT,
        "A dependency file (requirements, pyproject.toml, setup.cfg, setup.py, conda environment) or a notebook's "
        "%pip install names an Azure ML SDK v1 package.",
        "overview",
        # lower-case package names; a key ending in "*" is a prefix
        targets={
            "azureml-sdk": "azure-ai-ml + azure-identity (mlflow + azureml-mlflow for metrics and tracking)",
            "azureml-core": "azure-ai-ml + azure-identity (mlflow + azureml-mlflow for metrics and tracking)",
            "azureml-pipeline": "azure-ai-ml (pipelines: `azure.ai.ml.dsl.pipeline` and components)",
            "azureml-pipeline-core": "azure-ai-ml (pipelines: `azure.ai.ml.dsl.pipeline` and components)",
            "azureml-pipeline-steps": "azure-ai-ml (pipelines: `azure.ai.ml.dsl.pipeline` and components)",
            "azureml-train": "azure-ai-ml (command and sweep jobs)",
            "azureml-train-core": "azure-ai-ml (command and sweep jobs)",
            "azureml-train-automl": "azure-ai-ml (`azure.ai.ml.automl`)",
            "azureml-train-automl-client": "azure-ai-ml (`azure.ai.ml.automl`)",
            "azureml-defaults": "azureml-inference-server-http in scoring images; mlflow + azureml-mlflow in training images",
            "azureml-widgets": "azure-ai-ml (the job's studio_url, `ml_client.jobs.stream`)",
            "azureml-dataset-runtime": "azure-ai-ml data assets, read with mltable or azureml-fsspec",
            "azureml-contrib-*": "azure-ai-ml",
            "azureml-datadrift": "azure-ai-ml (model monitoring: `azure.ai.ml.entities.MonitorSchedule`)",
            "azureml-interpret": "azure-ai-ml (Responsible AI dashboard components)",
            "azureml-tensorboard": "tensorboard itself, run on the job's logs, or a job service (`azure.ai.ml.entities.TensorBoardJobService`)",
            "azureml-telemetry": instead("remove it: azure-ai-ml needs no telemetry package"),
        },
    ),
)

# What Experiment.submit(config) becomes in v2, by the type of config; the
# analysis appends it to AML202's advice. Keys are canonical qualified names.
_COMMAND_JOB_KIND = f"{_JOBS_SUBMIT} with a command job built with `azure.ai.ml.command()`"
SUBMIT_JOB_KINDS: Mapping[str, Advice] = MappingProxyType({
    qname: use(text) for qname, text in {
        "azureml.core.script_run_config.ScriptRunConfig": _COMMAND_JOB_KIND,
        _PIPELINE: f"{_JOBS_SUBMIT} with a pipeline job built by an `@azure.ai.ml.dsl.pipeline` function",
        _HD + "runconfig.HyperDriveConfig": f"{_JOBS_SUBMIT} with a sweep job built with `command_job.sweep()`",
        "azureml.train.automl.automlconfig.AutoMLConfig": f"{_JOBS_SUBMIT} with an AutoML job built with a task factory of `azure.ai.ml.automl` (`azure.ai.ml.automl.classification()` ...)",
        "azureml.train.automl.automlimageconfig.AutoMLImageConfig": (
            f"{_JOBS_SUBMIT} with an AutoML image job built with the image task's factory "
            "(`azure.ai.ml.automl.image_classification()`, `azure.ai.ml.automl.image_object_detection()` ...)"
        ),
        "azureml.train.estimator.Estimator": _COMMAND_JOB_KIND,
        # submitting a published pipeline or a pipeline endpoint invokes it
        _PUBLISHED: "`ml_client.batch_endpoints.invoke(endpoint_name=..., deployment_name=..., inputs={...})` (a published pipeline becomes a pipeline component deployment of a batch endpoint)",
        _PIPE_ENDPOINT: "`ml_client.batch_endpoints.invoke(endpoint_name=..., inputs={...})` (a pipeline endpoint becomes a batch endpoint)",
    }.items()
})

# The attach configuration -> the compute class ComputeTarget.attach returns for it (TYPED_RETURNS), for
# the computes that only served steps with no v2 equivalent.
ATTACHED_COMPUTES: Mapping[str, str] = MappingProxyType({
    f"azureml.core.compute.{module}.{configuration}": f"azureml.core.compute.{module}.{compute}"
    for module, configuration, compute in (
        ("adla", "DataLakeAnalyticsAttachConfiguration", "AdlaCompute"),
        ("batch", "BatchAttachConfiguration", "BatchCompute"),
        ("kusto", "KustoAttachConfiguration", "KustoCompute"),
        ("datafactory", "DataFactoryAttachConfiguration", "DataFactoryCompute"),
        ("databricks", "DatabricksAttachConfiguration", "DatabricksCompute"),
    )
})
# What ComputeTarget.attach(workspace, name, attach_configuration) becomes, by the class of the
# configuration: those computes have no v2 equivalent, so attaching one has none either (AML502's advice).
_NO_EQUIVALENT_COMPUTES = next(rule for rule in RULES if rule.code == "AML502").targets
ATTACH_KINDS: Mapping[str, Advice] = MappingProxyType({
    configuration: _NO_EQUIVALENT_COMPUTES[compute] for configuration, compute in ATTACHED_COMPUTES.items()
})

# ComputeTarget.create(workspace, name, provisioning_configuration) by the class of the configuration:
# v2 creates Azure ML clusters and instances only; an AKS cluster or a VM is made outside and attached.
_AKS_CREATE = instead(
    "create the AKS cluster outside Azure ML (Azure CLI or ARM, with the Azure ML extension installed), attach it as "
    "an `azure.ai.ml.entities.KubernetesCompute(name=..., resource_id=...)` with `ml_client.compute.begin_attach`, and "
    "deploy to it with `azure.ai.ml.entities.KubernetesOnlineEndpoint` and `azure.ai.ml.entities.KubernetesOnlineDeployment`: "
    "SDK v2 creates no AKS clusters"
)
CREATE_KINDS: Mapping[str, Advice] = MappingProxyType({
    "azureml.core.compute.aks.AksProvisioningConfiguration": _AKS_CREATE,
    "azureml.core.compute.dsvm.DsvmProvisioningConfiguration": _DSVM_CREATE,
    "azureml.core.compute.datafactory.DataFactoryProvisioningConfiguration":
        _NO_EQUIVALENT_COMPUTES["azureml.core.compute.datafactory.DataFactoryCompute"],
})

# Calls whose advice follows the class of the argument their TYPED_RETURNS entry names
# (searched from the class up its ancestors): argument class -> the call's advice.
# Model.deploy(..., deployment_config) by the class of the configuration: AKS becomes a Kubernetes endpoint
DEPLOY_KINDS: Mapping[str, Advice] = MappingProxyType({
    "azureml.core.webservice.aks.AksServiceDeploymentConfiguration": use(
        "`azure.ai.ml.entities.KubernetesOnlineEndpoint` + `azure.ai.ml.entities.KubernetesOnlineDeployment` on the "
        "AKS cluster attached as a Kubernetes compute, created with `ml_client.online_endpoints.begin_create_or_update` "
        "and `ml_client.online_deployments.begin_create_or_update` (or managed online endpoints); a deployment serves "
        "one model, so several models' files go into one registered model folder"
    ),
})
ARGUMENT_KINDS: Mapping[str, Mapping[str, Advice]] = MappingProxyType({
    _EXP + ".submit": SUBMIT_JOB_KINDS,
    _MODEL + ".deploy": DEPLOY_KINDS,
    _CT + ".attach": ATTACH_KINDS,
    _CT + ".create": CREATE_KINDS,
})

# Calls whose advice follows a string literal given as one argument (argument name, its
# position, literal -> the call's advice): AutoMLConfig(task="forecasting") is a forecasting job.
_AUTOML_CONFIG_ADVICE = next(rule for rule in RULES if rule.code == "AML701").targets[
    "azureml.train.automl.automlconfig.AutoMLConfig"]
# AutoMLConfig's task literals; each names its v2 factory, azure.ai.ml.automl.<task with "_" for "-">
AUTOML_TASKS = ("classification", "regression", "forecasting", "text-classification", "text-classification-multilabel",
                "text-ner")
# Experiment.submit(config) of an AutoMLConfig(task=<literal>): that task's job (the config's own
# literal, found where the submitted name is bound)
SUBMIT_TASK_KINDS: Mapping[str, Advice] = MappingProxyType({
    task: use(f"{_JOBS_SUBMIT} with the {task} job of `azure.ai.ml.automl.{task.replace('-', '_')}()`")
    for task in AUTOML_TASKS
})
LITERAL_KINDS: Mapping[str, tuple[str, int, Mapping[str, Advice]]] = MappingProxyType({
    "azureml.train.automl.automlconfig.AutoMLConfig": ("task", 0, MappingProxyType({
        task: replace(_AUTOML_CONFIG_ADVICE, text=(
            f"the {task} job of `azure.ai.ml.automl.{task.replace('-', '_')}()` submitted with `ml_client.jobs.create_or_update`, "
            f"{_AUTOML_NODE}"))
        for task in AUTOML_TASKS
    })),
})

# Advice for code that runs inside a job (see IN_JOB below): there the v2
# answer is MLflow and job inputs, not MLClient.
IN_JOB_ADVICE: Mapping[str, Advice] = MappingProxyType({
    qname: text if isinstance(text, Advice) else use(text) for qname, text in {
        _RUN: (
            "MLflow (`mlflow.start_run()`, `mlflow.log_metric`) for tracking inside the job, and job inputs for its data "
            '(an `azure.ai.ml.Input(type="uri_folder", path=...)` of the job, its path read from the command line, '
            "${{inputs.<name>}}, where v1 read run.input_datasets); nothing to import from Azure ML"
        ),
        _RUN + ".id": use("`mlflow.active_run().info.run_id`", fixes=(mlflow("mlflow.active_run().info.run_id"),)),
        # the model the job trains is logged; one another run logged (an AutoML best child's) is registered by path
        _RUN + ".register_model": (
            "the log_model function of the model's MLflow flavor (`mlflow.sklearn.log_model` ...) for a model the job trains; "
            "for a model another run logged (an AutoML best child's), "
            '`ml_client.models.create_or_update(azure.ai.ml.entities.Model(path="azureml://jobs/<job>/outputs/artifacts/paths/<model_path>", '
            'type="mlflow_model"))` from an ' + _MLCLIENT_IN_JOB + " created in the job"
        ),
        _DS + ".get_by_name": _JOB_INPUT,
        _FILE_DS + ".to_path": "the mounted path of the job's `azure.ai.ml.Input`, listed with os.listdir or glob",
        "azureml.data.abstract_dataset.AbstractDataset.get_by_name": _JOB_INPUT,
        _WS + ".from_config": "job inputs read from the command line and MLflow tracking; where the job must call Azure ML, " + _MLCLIENT_IN_JOB,
        # run.experiment.workspace: the workspace the job runs in, reached with the job's own identity
        _EXP + ".workspace": use(
            _MLCLIENT_IN_JOB + ", the client of the workspace the job runs in",
            fixes=(v2('MLClient(credential=AzureMLOnBehalfOfCredential(), subscription_id=os.environ["AZUREML_ARM_SUBSCRIPTION"], '
                      'resource_group_name=os.environ["AZUREML_ARM_RESOURCEGROUP"], '
                      'workspace_name=os.environ["AZUREML_ARM_WORKSPACE_NAME"])',
                      "import os", "from azure.ai.ml import MLClient", "from azure.ai.ml.identity import AzureMLOnBehalfOfCredential",
                      why=_ON_BEHALF_OF),),
        ),
        _MODEL + ".get_model_path": _MODEL_INPUT,
        # a job script's data: an input of the job, not a data asset it looks up
        _DS: (
            'the data as an input of the job, `azure.ai.ml.Input(type="uri_folder", path=...)` (type="mltable" for tabular '
            "data), its path read from the command line (${{inputs.<name>}}); to look a data asset up from inside the job, "
            '`ml_client.data.get(name, label="latest")` with ' + _MLCLIENT_IN_JOB
        ),
        # a model looked up, listed or registered from inside a job
        **{
            _MODEL + f".{field}": (
                f'the {field} of `ml_client.models.get(name, label="latest")` (or of a version) from an '
                + _MLCLIENT_IN_JOB + " created in the job, or the value passed to the job as an input"
            )
            for field in ("name", "version", "tags")
        },
        _MODEL + ".list": (
            "the model passed to the job as an input, " + _MODEL_INPUT_ONLY + ", or `ml_client.models.list(name=...)` "
            "from an " + _MLCLIENT_IN_JOB + " created in the job"
        ),
        _MODEL + ".register": use(
            'a model output of the job, `azure.ai.ml.Output(type="custom_model", name=..., version=...)`, which registers '
            "the folder the job writes there (${{outputs.<name>}}) when the job completes; or "
            "`ml_client.models.create_or_update` from an " + _MLCLIENT_IN_JOB + " created in the job",
            **_MODEL_REGISTER_CALL,
        ),
        _DS + ".get_by_id": _INPUT_NOT_ID,
        _ABSTRACT_DS + ".get_by_id": _INPUT_NOT_ID,
    }.items()
})


class RunKind(enum.Enum):
    """What the run a RUN_SOURCES call returns is in SDK v2."""

    JOB = "job"  # a job that ran elsewhere (submitted, fetched)
    CHILD = "child"  # a child job: of a pipeline or sweep (get_children), an AutoML trial chosen by get_output
    BEST_CHILD = "best-child"  # the best child of an AutoML job
    INTERACTIVE = "interactive"  # Experiment.start_logging(): an MLflow run, not a job


# The calls that return a run; see FETCHED_RUN below.
RUN_SOURCES: Mapping[str, RunKind] = MappingProxyType({
    "azureml.train.automl.run.AutoMLRun.get_output": RunKind.BEST_CHILD,  # (best child run, fitted model)
    "azureml.train.automl.run.AutoMLRun.get_best_child": RunKind.BEST_CHILD,
    _EXP + ".submit": RunKind.JOB,
    _EXP + ".get_runs": RunKind.JOB,
    _EXP + ".start_logging": RunKind.INTERACTIVE,
    _RUN + ".get_children": RunKind.CHILD,
    _RUN + ".get": RunKind.JOB,
    "azureml.core.run.get_run": RunKind.JOB,
    # re-attached by ID: Run(experiment, run_id), AutoMLRun(...), PipelineRun(...)
    _RUN: RunKind.JOB,
    "azureml.train.automl.run.AutoMLRun": RunKind.JOB,
    "azureml.pipeline.core.run.PipelineRun": RunKind.JOB,
})
# get_output(iteration=..., metric=...) (or either passed by position) returns the trial it names, a child, not the best child
CHOSEN_TRIAL_ARGUMENTS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "azureml.train.automl.run.AutoMLRun.get_output": ("iteration", "metric"),
})
# The children of an interactive run (child_run()) are MLflow runs nested in its MLflow run
INTERACTIVE_RUN_ADVICE: Mapping[str, Advice] = MappingProxyType({
    _RUN + ".get_children": use(
        "the MLflow runs nested in this run (`mlflow.start_run(nested=True)`), "
        """`mlflow.search_runs(filter_string="tags.mlflow.parentRunId = '<run_id>'")`"""
    ),
})
# MLflow's fluent API logs to the active run: the run of a job only inside that job. From outside,
# MLflow's client names the run, with tracking set to the workspace.
_TO_THE_JOB = (
    ", MLflow tracking set to the workspace (`mlflow.set_tracking_uri(ml_client.workspaces.get(name).mlflow_tracking_uri)`); "
    "`mlflow.log_artifact` and the other fluent calls outside the job log to a new run of their own"
)
FETCHED_RUN_ADVICE: Mapping[str, Advice] = MappingProxyType({
    qname: use(text + _TO_THE_JOB) for qname, text in {
        _RUN + ".upload_file": "`mlflow.tracking.MlflowClient().log_artifact(run_id, local_path, artifact_path=...)`",
        _RUN + ".upload_folder": "`mlflow.tracking.MlflowClient().log_artifacts(run_id, local_dir, artifact_path=...)`",
        _RUN + ".log": (
            "`mlflow.tracking.MlflowClient().log_metric(run_id, key, value)` (text as a tag, "
            "`mlflow.tracking.MlflowClient().set_tag(run_id, key, value)`)"
        ),
        _RUN + ".tag": "`mlflow.tracking.MlflowClient().set_tag(run_id, key, value)`",
    }.items()
})
# a child job is not the job create_or_update returned: it is got by its name
CHILD_RUN_ADVICE: Mapping[str, Advice] = MappingProxyType({
    _RUN + ".get_portal_url": use(
        "the child job's studio_url, `ml_client.jobs.get(name).studio_url`, its name among the jobs of "
        "`ml_client.jobs.list(parent_job_name=...)`"
    ),
})
BEST_CHILD_ADVICE: Mapping[str, Advice] = MappingProxyType({
    _RUN + ".get_portal_url": use(
        f"the best child job's studio_url, `ml_client.jobs.get(best_child_name).studio_url`, best_child_name being {_BEST_CHILD_NAME}"
    ),
    _RUN + ".id": use(f"the best child job's name, {_BEST_CHILD_NAME}"),
    # an AutoML trial is no command job: its environment is the conda file of the MLflow model it logged
    _RUN + ".get_environment": use(
        "the conda file of the best child's MLflow model, "
        '`mlflow.artifacts.download_artifacts(run_id=best_child_name, artifact_path="outputs/mlflow-model/conda.yaml")`, '
        f"given to `azure.ai.ml.entities.Environment(conda_file=..., image=...)`, best_child_name being {_BEST_CHILD_NAME} "
        "(an MLflow model deploys without one)"
    ),
    # any other member: the best child job itself
    _RUN: use(f"the best child job, `ml_client.jobs.get(best_child_name)`, best_child_name being {_BEST_CHILD_NAME}"),
})
BEST_CHILD_NOTE = f"; this run is the AutoML job's best child, whose job name is {_BEST_CHILD_NAME}"

# The run class Experiment.submit(config) returns, by config type; used by the
# brain's inference tip so run.<method>() resolves on the right class.
SUBMIT_RUN_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "azureml.core.script_run_config.ScriptRunConfig": "azureml.core.script_run.ScriptRun",
        _PIPELINE: "azureml.pipeline.core.run.PipelineRun",
        _HD + "runconfig.HyperDriveConfig": _HD + "run.HyperDriveRun",
        "azureml.train.automl.automlconfig.AutoMLConfig": "azureml.train.automl.run.AutoMLRun",
        "azureml.train.estimator.Estimator": "azureml.core.script_run.ScriptRun",
    }
)


@dataclass(frozen=True)
class TypedReturn:
    """A call whose return class follows the class of one argument, which the
    stubs' single return type cannot say (the brain's inference tip applies it)."""

    argument: str
    position: int  # of the argument among the call's positional arguments
    returns: Mapping[str, str]  # argument class (or an ancestor) -> returned class


TYPED_RETURNS: Mapping[str, TypedReturn] = MappingProxyType({
    "azureml.core.experiment.Experiment.submit": TypedReturn("config", 0, SUBMIT_RUN_TYPES),
    "azureml.core.run.Run.submit_child": TypedReturn("config", 0, SUBMIT_RUN_TYPES),
    # an attached compute is of the class of its attach configuration (an AdlaCompute has no v2 equivalent)
    _CT + ".attach": TypedReturn("attach_configuration", 2, ATTACHED_COMPUTES),
    # named for its argument (CREATE_KINDS); the stub's return type stands
    _CT + ".create": TypedReturn("provisioning_configuration", 2, MappingProxyType({})),
    # a local deployment is a LocalWebservice, whose v2 answer is a *local* endpoint
    _MODEL + ".deploy": TypedReturn(
        "deployment_config", 4, MappingProxyType({_LOCAL_WEBSERVICE + "DeploymentConfiguration": _LOCAL_WEBSERVICE})
    ),
})

# Top-level packages of the v1 SDK. Everything else under ``azureml`` (mlflow,
# fsspec, ai.monitoring, featurestore, rag, acft, metrics, evaluate, ...) is
# v2-era and must never be flagged.
# Under a v1 root but part of the v2-era inference server's scoring interface
# (AMLRequest, rawhttp), used by v2 online-endpoint scoring scripts.
V2_ERA_UNDER_V1_ROOTS: tuple[str, ...] = ("azureml.contrib.services",)
# ... and the distribution that ships it (AML901 must not flag it either)
V2_ERA_PACKAGES: frozenset[str] = frozenset({"azureml-contrib-services"})


def _under(modname: str, roots: tuple[str, ...]) -> bool:
    return any(modname == root or modname.startswith(root + ".") for root in roots)


def is_v1_module(modname: str) -> bool:
    return _under(modname, V1_MODULE_ROOTS) and not _under(modname, V2_ERA_UNDER_V1_ROOTS)


def module_advice(name: str) -> Advice:
    """AML001's advice for a v1 module, or a name in one: the longest matching key's
    (a key may name a class of a module the stubs leave out, ``azureml.interpret.ExplanationClient``)."""
    targets = RULES_BY_CODE["AML001"].targets
    parts = name.split(".")
    for end in range(len(parts), 1, -1):
        advice = targets.get(".".join(parts[:end]))
        if advice:
            return advice
    return use("`azure.ai.ml`")


def unmodelled_advice(qname: str) -> Advice | None:
    """The advice of a v1 name the stubs do not model (a private class, a package
    they leave out), from its own AML001 entry; None: its module's."""
    return RULES_BY_CODE["AML001"].targets.get(qname)


RULES_BY_CODE: Mapping[str, Rule] = MappingProxyType({rule.code: rule for rule in RULES})
RULES_BY_SYMBOL: Mapping[str, Rule] = MappingProxyType({rule.symbol: rule for rule in RULES})

# The rules the analysis reports by role rather than by a target's name.
UNANALYSABLE = RULES_BY_CODE["AML000"]
IMPORT = RULES_BY_CODE["AML001"]
MIXED_SDKS = RULES_BY_CODE["AML002"]
WARNING_SILENCED = RULES_BY_CODE["AML003"]
COMPAT_GUARD = RULES_BY_CODE["AML004"]
LEGACY_MODE = RULES_BY_CODE["AML005"]
MEMBER = RULES_BY_CODE["AML007"]
SUBMIT = RULES_BY_CODE["AML202"]
DEPENDENCY = RULES_BY_CODE["AML901"]
# Rules matched by structure (file state, imports, environment variables)
# rather than by the qualified name an expression resolves to.
STRUCTURAL_CODES = frozenset(
    rule.code for rule in (UNANALYSABLE, IMPORT, MIXED_SDKS, WARNING_SILENCED, COMPAT_GUARD, MEMBER, DEPENDENCY)
)
LEGACY_MODE_TARGET = _WS + ".update(v1_legacy_mode)"
# the rules a file may have besides AML005 and still be only enabling v2
LEGACY_MODE_CODES = frozenset({IMPORT.code, LEGACY_MODE.code, RULES_BY_CODE["AML101"].code})
RUN_TARGET = _RUN
RUN_CONTEXT_TARGET = _RUN + ".get_context"


@dataclass(frozen=True)
class Context:
    """Where a finding sits changes its advice; the analysis applies these in
    the order of ADVICE_CONTEXTS, after name resolution decided what a node is."""

    name: str
    description: str


ARGUMENT_KIND = Context(
    "argument-kind",
    "a call whose advice follows the class of one argument (ARGUMENT_KINDS, the argument of its TYPED_RETURNS "
    "entry): Experiment.submit(config) gets the "
    "advice of the job kind config's class makes (SUBMIT_JOB_KINDS); ComputeTarget.attach(workspace, name, "
    "attach_configuration) of a compute with no v2 equivalent has none either (ATTACH_KINDS); a call whose advice "
    "follows a string literal argument (LITERAL_KINDS): AutoMLConfig(task=\"forecasting\") gets the forecasting factory, "
    "and so does the submit of that config (SUBMIT_TASK_KINDS); Model.deploy(..., deployment_config) of an AKS "
    "configuration gets a Kubernetes endpoint (DEPLOY_KINDS)",
)
IN_JOB = Context(
    "in-job",
    "code that runs inside a job: the module (a script or one %%writefile cell) that calls Run.get_context() at "
    "module level or has no v1 code outside functions but imports, else the top-level function that calls it; "
    "and the functions decorated with @command_component; advice from IN_JOB_ADVICE",
)
LEGACY_MODE_FILE = Context(
    "legacy-mode", "a file whose only v1 work is enabling v2 (Workspace.update(v1_legacy_mode=False)) is AML005 throughout"
)
IN_COMPAT_GUARD = Context(
    "compat-guard", "an SDK v1 import in the except ImportError: of a try that imports azure.ai.ml is AML004"
)
# the advice of the rest of such a file
LEGACY_MODE_SUPPORT = note(
    "SDK v1 serves here only to enable SDK v2 on a private-endpoint workspace; remove it with the "
    "Workspace.update(v1_legacy_mode=False) call once that is done"
)
MANY_MODELS_SETTINGS = Context(
    "many-models-settings",
    "an AutoMLConfig that only carries the settings of hierarchical-forecasting or many-models training "
    "(passed as automl_settings to MANY_MODELS_PARAMETERS), and its import when every AutoMLConfig of the "
    "file is one: the advice of those pipeline components, not of an AutoML job; the ForecastingParameters "
    "such an AutoMLConfig takes as forecasting_parameters= (and their import likewise): the forecasting section "
    "of those components' automl_config YAML",
)
MANY_MODELS_PARAMETERS = frozenset({
    "azureml.train.automl.runtime._hts.hts_parameters.HTSTrainParameters",
    "azureml.train.automl.runtime._many_models.many_models_parameters.ManyModelsTrainParameters",
})
AUTOML_CONFIG = "azureml.train.automl.automlconfig.AutoMLConfig"
MANY_MODELS_ADVICE = use(_MANY_MODELS)
# ForecastingParameters(...) passed as forecasting_parameters= of such an AutoMLConfig
FORECASTING_PARAMETERS = "azureml.automl.core.forecasting_parameters.ForecastingParameters"
MANY_MODELS_FORECASTING_ADVICE = use(
    "the forecasting section (time_column_name, forecast_horizon, time_series_id_column_names, cv_step_size ...) of "
    "the YAML file given as the automl_config input of the registry component automl_many_models_training "
    "(automl_hts_training for hierarchical forecasting), got with "
    '`azure.ai.ml.MLClient(credential=..., registry_name="azureml").components.get(name=..., label="latest")`; '
    "not the settings of an AutoML job"
)
SCORING_SCRIPT = Context(
    "scoring-script",
    "a module (a script or one %%writefile cell) that defines init() and run() at module level, the entry "
    "script of a web service, an online deployment or a parallel job: it runs at inference time, so its names "
    "get SCORING_ADVICE (a key is a name or a module whose names it covers)",
)
SCORING_ADVICE: Mapping[str, Advice] = MappingProxyType({
    "azureml.train.automl.runtime.automl_explain_utilities": _SCORING_EXPLANATIONS,
    "azureml.interpret": _SCORING_EXPLANATIONS,
    # an entry script that also calls Run.get_context() still reads its model where the deployment put it
    _MODEL + ".get_model_path": use(_MODEL_DIR),
})


def scoring_advice(qname: str) -> Advice | None:
    """SCORING_ADVICE of ``qname``, or of the nearest module that holds it."""
    parts = qname.split("(")[0].split(".")
    for end in range(len(parts), 0, -1):
        advice = SCORING_ADVICE.get(".".join(parts[:end]))
        if advice is not None:
            return advice
    return None


FETCHED_RUN = Context(
    "fetched-run",
    "a member of a run that a call of RUN_SOURCES returned (a submitted or fetched job, a child, the best child of "
    "an AutoML run), outside in-job code: logging to it gets MLflow's client form (FETCHED_RUN_ADVICE), and a "
    "member of an AutoML best child is said of that child job, found through its parent's automl_best_child_run_id "
    "tag (BEST_CHILD_ADVICE, else the member's own advice with BEST_CHILD_NOTE); get_output with a trial chosen "
    "(CHOSEN_TRIAL_ARGUMENTS) is a child job, not the best child, and a child job is got by its own name "
    "(CHILD_RUN_ADVICE); the children of an interactive run (start_logging(), "
    "also bound by with ... as) are its nested MLflow runs (INTERACTIVE_RUN_ADVICE)",
)

READ_EXPERIMENT = Context(
    "read-experiment",
    "an Experiment(...) of a file that never submits to one (EXPERIMENT_SUBMIT): where the file logs in it "
    "interactively (EXPERIMENT_LOGS) it is an MLflow experiment (INTERACTIVE_EXPERIMENT_ADVICE), else where it reads "
    "runs from one (EXPERIMENT_READS) it names the runs to read (READ_EXPERIMENT_ADVICE), not a job to submit",
)
EXPERIMENT = _EXP
EXPERIMENT_READS = frozenset({_EXP + ".get_runs"})
EXPERIMENT_SUBMIT = _EXP + ".submit"
EXPERIMENT_LOGS = _EXP + ".start_logging"
# Run(experiment, run_id), PipelineRun(experiment, run_id): the experiment only re-attaches to a run,
# and v2 gets a job by its name alone
EXPERIMENT_REATTACHES = frozenset({_RUN, "azureml.pipeline.core.run.PipelineRun"})
EXPERIMENT_LOOKUP = _WS + ".experiments"
REATTACH_EXPERIMENT_ADVICE = use(
    "`ml_client.jobs.get(name)` with the run's ID as the name (v2 needs no experiment to get a job)",
)
INTERACTIVE_EXPERIMENT_ADVICE = use(
    "the experiment's name as MLflow's experiment, `mlflow.set_experiment(name)`, and `mlflow.start_run()` to log in it "
    "(`mlflow.start_run(nested=True)` for its child runs)",
    positional=("workspace", "name"),
)
READ_EXPERIMENT_ADVICE = use(
    "the experiment's name to find its jobs with: the jobs of `ml_client.jobs.list()` whose experiment_name is that name, "
    "or its MLflow runs, `mlflow.search_runs(experiment_names=[name])` (a v2 experiment is only a name on a job)",
    positional=("workspace", "name"),
)

SPARK_RUN = Context(
    "spark-run",
    "a file whose every RunConfiguration(...) runs its script on PySpark (the framework argument, SPARK_FRAMEWORK): "
    "that configuration, its compute target, the ScriptRunConfig, the submit and the datasets passed as named inputs "
    "are a Spark job's (SPARK_RUN_ADVICE), their imports too",
)
RUN_CONFIGURATION = "azureml.core.runconfig.RunConfiguration"
# (argument, position, its value lower-cased) of RunConfiguration(script, arguments, framework, ...)
SPARK_FRAMEWORK = ("framework", 2, "pyspark")
SPARK_RUN_ADVICE: Mapping[str, Advice] = MappingProxyType({
    RUN_CONFIGURATION: use(
        'the settings of a Spark job, `azure.ai.ml.spark(code=..., entry={"file": ...}, conf={...}, driver_memory=..., '
        "executor_instances=..., compute=...)` (the attached Synapse Spark pool as compute, or "
        "`azure.ai.ml.spark(resources=...)` for serverless Spark)"
    ),
    RUN_CONFIGURATION + ".target": use(
        "the attached Synapse Spark pool's name passed as `azure.ai.ml.spark(compute=...)` "
        "(or `azure.ai.ml.spark(resources=...)` for serverless Spark)"
    ),
    "azureml.core.script_run_config.ScriptRunConfig": use(
        '`azure.ai.ml.spark(code=..., entry={"file": ...}, args=...)` (a Spark job: the source directory becomes code, '
        "the script the entry file, the arguments args)"
    ),
    _EXP + ".submit": use(f"{_JOBS_SUBMIT} with a Spark job built with `azure.ai.ml.spark()`"),
    _ABSTRACT_DS + ".as_named_input": use(_SPARK_INPUT),
})

ONE_MEMBER_IMPORT = Context(
    "one-member-import",
    "an import whose every use in the file is one member with advice of its own (`import azureml.core` for "
    "azureml.core.VERSION, `from azureml.core import Model` for Model.deploy) gets that member's advice "
    "(only_member_advice); a name that `from ... import` or `import ... as` binds and the file never reads gets "
    "UNUSED_IMPORT_ADVICE (not in a package's __init__ or its __all__, where an import re-exports)",
)
UNUSED_IMPORT_ADVICE = note("an SDK v1 import the file never uses; remove it")

NO_EQUIVALENT_PIPELINE = Context(
    "no-equivalent-pipeline",
    "a file whose every pipeline step has no SDK v2 equivalent (DatabricksStep, AdlaStep ...): its Pipeline(...) "
    "and the submits of it have none either (NO_EQUIVALENT_PIPELINE_ADVICE)",
)
DATABASE_DATASTORE = Context(
    "database-datastore",
    "a datastore got by name (Datastore.get, Datastore(ws, name)) into a name that a registration of a database "
    "datastore also binds (get or register: Datastore.register_azure_sql_database ...): a database, which SDK v2 "
    "has no datastore for (DATABASE_DATASTORE_ADVICE)",
)
DATASTORE_GETS = frozenset({_DATASTORE + ".get", _DATASTORE})
DATABASE_REGISTERS = frozenset({
    _DATASTORE + ".register_azure_sql_database", _DATASTORE + ".register_azure_my_sql",
    _DATASTORE + ".register_azure_postgre_sql",
})
DATABASE_DATASTORE_ADVICE = instead(
    "import the database's data into a data asset (`ml_client.data.import_data`) or export it to blob storage: "
    "SDK v2 has no database datastores"
)
STEPS_MODULE = _STEPS
PIPELINE_TARGET = _PIPELINE
NO_EQUIVALENT_PIPELINE_TARGETS = frozenset({_PIPELINE, _PIPELINE + ".submit", _EXP + ".submit"})
NO_EQUIVALENT_PIPELINE_ADVICE = instead(
    "port the pipeline's steps first: none of them has an SDK v2 equivalent (run each as its service's own job, "
    "such as a Databricks job or an Azure Data Factory pipeline), so there is no v2 pipeline to build from them"
)


def only_member_advice(member: Advice, tier: Tier, written: str) -> Advice:
    """The advice of an import used only for ``written``, a member whose advice is ``member``
    (of tier ``tier``, its rule's when the advice has none)."""
    return Advice(f"{member.text} (the file imports it only for {written})", member.tier or tier)


def context_advice() -> Iterator[tuple[str, str, Advice]]:
    """(where, rule code, advice) for every advice an advice context can give, so that the tests
    of messages and of v2 names see each of them (a rule's own targets: Rule.targets)."""
    tables = {
        "SUBMIT_JOB_KINDS": ("AML202", SUBMIT_JOB_KINDS), "ATTACH_KINDS": ("AML501", ATTACH_KINDS),
        "CREATE_KINDS": ("AML501", CREATE_KINDS), "IN_JOB_ADVICE": ("AML204", IN_JOB_ADVICE),
        "INTERACTIVE_RUN_ADVICE": ("AML204", INTERACTIVE_RUN_ADVICE), "FETCHED_RUN_ADVICE": ("AML204", FETCHED_RUN_ADVICE),
        "BEST_CHILD_ADVICE": ("AML204", BEST_CHILD_ADVICE), "SCORING_ADVICE": ("AML001", SCORING_ADVICE),
        "SPARK_RUN_ADVICE": ("AML205", SPARK_RUN_ADVICE), "SUBMIT_TASK_KINDS": ("AML202", SUBMIT_TASK_KINDS),
        "DEPLOY_KINDS": ("AML602", DEPLOY_KINDS), "CHILD_RUN_ADVICE": ("AML204", CHILD_RUN_ADVICE),
        **{f"LITERAL_KINDS {qname}": (TARGETS[qname][0].code, kinds) for qname, (_, _, kinds) in LITERAL_KINDS.items()},
    }
    for table, (code, entries) in tables.items():
        for key, advice in entries.items():
            yield f"{table} {key}", code, advice
    for name, code, advice in (
        ("LEGACY_MODE_SUPPORT", "AML005", LEGACY_MODE_SUPPORT), ("MANY_MODELS_ADVICE", "AML701", MANY_MODELS_ADVICE),
        ("MANY_MODELS_FORECASTING_ADVICE", "AML701", MANY_MODELS_FORECASTING_ADVICE),
        ("READ_EXPERIMENT_ADVICE", "AML201", READ_EXPERIMENT_ADVICE),
        ("INTERACTIVE_EXPERIMENT_ADVICE", "AML201", INTERACTIVE_EXPERIMENT_ADVICE),
        ("REATTACH_EXPERIMENT_ADVICE", "AML201", REATTACH_EXPERIMENT_ADVICE),
        ("UNUSED_IMPORT_ADVICE", "AML001", UNUSED_IMPORT_ADVICE),
        ("NO_EQUIVALENT_PIPELINE_ADVICE", "AML301", NO_EQUIVALENT_PIPELINE_ADVICE),
        ("DATABASE_DATASTORE_ADVICE", "AML403", DATABASE_DATASTORE_ADVICE),
    ):
        yield name, code, advice


ADVICE_CONTEXTS: tuple[Context, ...] = (
    ARGUMENT_KIND, SPARK_RUN, NO_EQUIVALENT_PIPELINE, DATABASE_DATASTORE, READ_EXPERIMENT, MANY_MODELS_SETTINGS, IN_JOB, FETCHED_RUN,
    SCORING_SCRIPT, LEGACY_MODE_FILE, ONE_MEMBER_IMPORT, IN_COMPAT_GUARD,
)
# decorators whose function body runs inside a job (mldesigner builds a command component of it)
JOB_DECORATORS = frozenset({"mldesigner.command_component"})

_SYMBOL_RULES = tuple(rule for rule in RULES if rule.code not in STRUCTURAL_CODES)
TARGETS: Mapping[str, tuple[Rule, Advice]] = MappingProxyType(
    {qname: (rule, advice) for rule in _SYMBOL_RULES for qname, advice in rule.targets.items()}
)
# Last dotted component of every target: the cheap filter that decides which
# calls and attributes are worth inferring.
CANDIDATE_NAMES: frozenset[str] = frozenset(
    qname.split("(")[0].rsplit(".", 1)[-1] for qname in TARGETS
)
