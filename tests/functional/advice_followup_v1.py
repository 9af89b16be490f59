"""Following work that was submitted earlier, as notebooks do: re-attach to a
pipeline run by its ID, read what the best AutoML trial and a deployed service
report, and partition a tabular dataset for a parallel job."""
from azureml.core import Dataset, Experiment, Workspace  # [azureml-import, azureml-import, azureml-import]
from azureml.core.model import Model  # [azureml-import]
from azureml.core.webservice import Webservice  # [azureml-import]
from azureml.pipeline.core import PipelineRun  # [azureml-import]
from azureml.train.hyperdrive import PrimaryMetricGoal  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
experiment = Experiment(ws, "forecasting-retrain")  # [azureml-experiment]
print("experiment:", experiment.name)  # [azureml-experiment]

pipeline_run = PipelineRun(experiment=experiment, run_id="b6f4e3a2")  # [azureml-pipeline]
for step in pipeline_run.get_steps():  # [azureml-pipeline]
    print(step.name, step.get_status())  # [azureml-run, azureml-run]
scores = pipeline_run.get_pipeline_output("scores")  # [azureml-pipeline]
scores.download(local_path="scores")  # [azureml-pipeline]

model = Model(ws, "forecaster")  # [azureml-model]
print(model.name, model.version, model.tags)  # [azureml-model, azureml-model, azureml-model]

service = Webservice(ws, "forecaster-aci")  # [azureml-webservice]
print(service.state, service.scoring_uri)  # [azureml-webservice, azureml-webservice]

sales = Dataset.get_by_name(ws, "oj-sales")  # [azureml-dataset]
partitioned = sales.partition_by(partition_keys=["Store"], target=(ws.get_default_datastore(), "partitioned"))  # [azureml-dataset, azureml-workspace]
goal = PrimaryMetricGoal.MAXIMIZE  # [azureml-hyperdrive]
