"""A notebook-style script that logs to an experiment interactively (no job is
submitted), lists models by tag, asks AutoML for integer forecasts and explains
the best model on its featurized test data."""
from azureml.core import Experiment, Model, Workspace  # [azureml-import, azureml-import, azureml-import]
from azureml.automl.core.featurization import FeaturizationConfig  # [azureml-import]
from azureml.train.automl.runtime.automl_explain_utilities import automl_setup_model_explanations  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
exp = Experiment(ws, "tensorboard-export")  # [azureml-experiment]
root_run = exp.start_logging()  # [azureml-run-context]
for step in range(3):
    root_run.log("loss", 1.0 / (step + 1))  # [azureml-run-logging]
root_run.complete()  # [azureml-run-context]

backtests = Model.list(ws, tags=[["experiment", "automl-backtesting"]])  # [azureml-model]
names = sorted({m.name for m in backtests})  # [azureml-model]

featurization_config = FeaturizationConfig()  # [azureml-automl]
featurization_config.add_prediction_transform_type("Integer")  # [azureml-automl]


def explain(fitted_model, X_train, X_test):
    setup = automl_setup_model_explanations(fitted_model, X=X_train, X_test=X_test, task="classification")  # [azureml-sdk-member]
    return setup.X_test_transform  # [azureml-sdk-member]
