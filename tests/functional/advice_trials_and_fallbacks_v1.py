"""A control-plane notebook, exported: an interactive parent run with MLflow-style
children, an AutoML trial chosen by iteration beside the best child, a v1 error
handler around a time-series dataset call, a pipeline draft, Docker settings of an
environment, and the forecasting settings of a many-models training."""
from azureml.automl.core.forecasting_parameters import ForecastingParameters  # [azureml-import]
from azureml.core import Dataset, Environment, Experiment, Workspace  # [azureml-import, azureml-import, azureml-import, azureml-import]
from azureml.exceptions import UserErrorException  # [azureml-import]
from azureml.pipeline.core import PipelineDraft  # [azureml-import]
from azureml.pipeline.core.schedule import Schedule  # [azureml-import]
from azureml.train.automl.automlconfig import AutoMLConfig  # [azureml-import]
from azureml.train.automl.run import AutoMLRun  # [azureml-import]
from azureml.train.automl.runtime._many_models.many_models_parameters import ManyModelsTrainParameters  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
experiment = Experiment(ws, "manage-runs")  # [azureml-experiment]

# an interactive run: its children are nested runs, not jobs
with experiment.start_logging() as parent_run:  # [azureml-run-context]
    for index in range(3):
        with parent_run.child_run() as child:  # [azureml-run-context]
            child.log("index", index)  # [azureml-run-logging]
children = list(parent_run.get_children())  # [azureml-run]

automl_run = AutoMLRun(experiment, run_id="AutoML_5d2c")  # [azureml-automl]
best_run = automl_run.get_best_child()  # [azureml-automl]
# iteration= picks a trial: this run is not the best child
trial_run, trial_model = automl_run.get_output(iteration=2)  # [azureml-automl]
trial_run.register_model(model_name="scoring_explainer", model_path="outputs/scoring_explainer.pkl")  # [azureml-model]
best, fitted_model = automl_run.get_output()  # [azureml-automl]
best.register_model(model_name="best-model", model_path="outputs/model.pkl")  # [azureml-model]
automl_run.add_properties({"retrained": "true"})  # [azureml-run]

weather = Dataset.get_by_name(ws, "weather")  # [azureml-dataset]
try:
    series = weather.with_timestamp_columns(timestamp="datetime")  # [azureml-dataset]
except UserErrorException as error:  # [azureml-sdk-member]
    print(error)

draft = PipelineDraft.get(ws, id="4c1e9a")  # [azureml-sdk-member]
draft.submit_run()  # [azureml-sdk-member]

env = Environment("docker-env")  # [azureml-environment]
env.docker.shared_volumes = False  # [azureml-environment]
env.docker.shm_size = "2g"  # [azureml-environment]
env.docker.gpu_support = True  # [azureml-environment]
env.docker.base_dockerfile = "./docker/Dockerfile"  # [azureml-environment]

for schedule in Schedule.list(ws):  # [azureml-pipeline-schedule]
    print(schedule.id)  # [azureml-pipeline-schedule]

forecasting_parameters = ForecastingParameters(time_column_name="WeekStarting", forecast_horizon=6)  # [azureml-automl]
automl_settings = AutoMLConfig(  # [azureml-automl]
    task="forecasting", label_column_name="Quantity", forecasting_parameters=forecasting_parameters
)
mm_parameters = ManyModelsTrainParameters(automl_settings=automl_settings, partition_column_names=["Store", "Brand"])  # [azureml-sdk-member]
