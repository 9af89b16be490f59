"""Members whose v2 form is an operation of their own, not their class's or module's:
a local AutoML run's best child (its studio page, an artifact uploaded to it), the
run of a submitted job logged to from the notebook, metric and forecasting names,
TensorBoard, explanations, attach configurations, a pipeline endpoint's version
the names read off v1 objects, featurization settings, a model proxy's test run
and the token header of a REST call."""
from azureml.automl.core.shared import constants  # [azureml-import]
from azureml.automl.core.featurization import FeaturizationConfig  # [azureml-import]
from azureml.automl.core.shared.constants import Metric  # [azureml-import]
from azureml.core import Datastore, Experiment, ScriptRunConfig, Workspace  # [azureml-import, azureml-import, azureml-import, azureml-import]
from azureml.core.authentication import InteractiveLoginAuthentication  # [azureml-import]
from azureml.core.run import Run  # [azureml-import]
from azureml.core.compute import ComputeTarget, HDInsightCompute, SynapseCompute  # [azureml-import, azureml-import, azureml-import]
from azureml.interpret import ExplanationClient  # [azureml-import]
from azureml.pipeline.core import PipelineEndpoint  # [azureml-import]
from azureml.tensorboard import Tensorboard  # [azureml-import]
from azureml.train.automl import AutoMLConfig  # [azureml-import]
from azureml.train.automl.model_proxy import ModelProxy  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
experiment = Experiment(ws, "automl-credit-card-fraud")  # [azureml-experiment]
local_run = experiment.submit(AutoMLConfig(task="classification", primary_metric="AUC_weighted"))  # [azureml-experiment-submit, azureml-automl]
best_run, fitted_model = local_run.get_output()  # [azureml-automl]
print("Explanations of the best model:", best_run.get_portal_url())  # [azureml-run]
best_run.upload_file("outputs/scoring_explainer.pkl", "scoring_explainer.pkl")  # [azureml-run-context]
print(best_run.get_metrics())  # [azureml-run]

scores = {Metric.F1Micro: 0.91}  # [azureml-automl]
scores[Metric.AUCWeighted] = 0.95  # [azureml-automl]
time_column = constants.TimeSeries.TIME_COLUMN_NAME  # [azureml-automl]

tb = Tensorboard([local_run])  # [azureml-sdk-member]
tb.start()  # [azureml-sdk-member]
client = ExplanationClient.from_run(best_run)  # [azureml-sdk-member]
explanation = client.download_model_explanation(raw=True)  # [azureml-sdk-member]

attach_config = SynapseCompute.attach_configuration(linked_service="synapse-link", type="SynapseSpark", pool_name="sparkpool")  # [azureml-compute]
synapse_pool = ComputeTarget.attach(ws, "sparkpool", attach_config)  # [azureml-compute]
hdi_config = HDInsightCompute.attach_configuration(address="cluster-ssh.azurehdinsight.net", username="sshuser")  # [azureml-compute]

endpoint = PipelineEndpoint.get(workspace=ws, name="training-endpoint")  # [azureml-published-pipeline]
first_version = endpoint.get_pipeline(version="0")  # [azureml-published-pipeline]

datastore = Datastore(ws, "workspaceblobstore")  # [azureml-datastore]
print(datastore.name, ws.sku)  # [azureml-datastore, azureml-workspace]

featurization_config = FeaturizationConfig()  # [azureml-automl]
featurization_config.add_column_purpose("week_starting", "DateTime")  # [azureml-automl]
featurization_config.add_transformer_params("Imputer", ["Quantity"], {"strategy": "constant", "fill_value": 0})  # [azureml-automl]

model_proxy = ModelProxy(best_run)  # [azureml-automl]
predictions, test_metrics = model_proxy.test(test_dataset)  # [azureml-automl]

training_run = experiment.submit(ScriptRunConfig(source_directory="src", script="train.py"))  # [azureml-experiment-submit, azureml-script-run-config]
training_run.wait_for_completion()  # [azureml-run]
training_run.upload_file("outputs/confusion_matrix.png", "confusion_matrix.png")  # [azureml-run-context]
print(experiment.id)  # [azureml-experiment]
for child in training_run.get_children():  # [azureml-run]
    child.tag("reviewed", "yes")  # [azureml-run-context]
rerun = Run(experiment, "train_1700000000_abc123")  # [azureml-run]
rerun.log("accuracy", 0.93)  # [azureml-run-logging]


def write_report():
    """Runs in the job (a script it starts): the fluent MLflow calls log to the job's own run."""
    run = Run.get_context()  # [azureml-run-context]
    run.upload_file("outputs/report.html", "report.html")  # [azureml-run-context]



auth = InteractiveLoginAuthentication()  # [azureml-authentication]
aad_token = auth.get_authentication_header()  # [azureml-authentication]
