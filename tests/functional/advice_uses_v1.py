"""Advice that follows how a name is used: an import used for one member only, an
import never used, the submit of an AutoML config of a literal task, an AutoML
trial chosen by iteration, the best child's environment, a deployment to AKS, a
forecasting constant read as a settings key, a database datastore got or registered,
and a text-classification task."""
from azureml.automl.core.shared import constants  # [azureml-import]
from azureml.core import Dataset, Datastore, Experiment, Workspace  # [azureml-import, azureml-import, azureml-import, azureml-import]
from azureml.core.model import InferenceConfig, Model  # [azureml-import, azureml-import]
from azureml.core.webservice import AksWebservice, Webservice  # [azureml-import, azureml-import]
from azureml.exceptions import UserErrorException  # [azureml-import]
from azureml.train.automl import AutoMLConfig  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
sales = Dataset.get_by_name(ws, "sales")  # [azureml-dataset]
settings = AutoMLConfig(task="forecasting", training_data=sales, label_column_name="units")  # [azureml-automl]
automl_run = Experiment(ws, "sales-forecast").submit(settings)  # [azureml-experiment, azureml-experiment-submit]

trial, _ = automl_run.get_output(iteration=2)  # [azureml-automl]
print(trial.get_portal_url())  # [azureml-run]
best_run, fitted_model = automl_run.get_output()  # [azureml-automl]
environment = best_run.get_environment()  # [azureml-run]

aks_config = AksWebservice.deploy_configuration(cpu_cores=1, memory_gb=2)  # [azureml-webservice]
inference = InferenceConfig(entry_script="score.py", environment=environment)  # [azureml-webservice]
service = Model.deploy(ws, "sales-forecast", [Model(ws, "sales-model")], inference, aks_config)  # [azureml-webservice, azureml-model]

grains = {"grain_column_names": ["store"]}.get(constants.TimeSeries.GRAIN_COLUMN_NAMES)  # [azureml-automl]
try:
    orders = Datastore.get(ws, "orders-sql")  # [azureml-datastore]
except UserErrorException:  # [azureml-sdk-member]
    orders = Datastore.register_azure_sql_database(ws, "orders-sql", "orders-server", "orders")  # [azureml-sql-datastore]
reviews = AutoMLConfig(task="text-classification", training_data=sales, label_column_name="label")  # [azureml-automl]
