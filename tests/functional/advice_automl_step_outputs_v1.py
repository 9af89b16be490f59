"""A forecasting pipeline notebook: an AutoMLStep whose best model and metrics
are PipelineData bound to its training outputs, a scoring step fed with the model,
then the submitted run's steps inspected to find the AutoML one."""
from azureml.automl.core.shared.constants import Metric  # [azureml-import]
from azureml.core import Experiment, Workspace  # [azureml-import, azureml-import]
from azureml.pipeline.core import Pipeline, PipelineData, TrainingOutput  # [azureml-import, azureml-import, azureml-import]
from azureml.pipeline.steps import AutoMLStep, PythonScriptStep  # [azureml-import, azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
datastore = ws.get_default_datastore()  # [azureml-workspace]

metrics_data = PipelineData(  # [azureml-pipeline]
    name="metrics_data",
    datastore=datastore,
    pipeline_output_name="metrics_output",
    training_output=TrainingOutput(type="Metrics"),  # [azureml-pipeline]
)
model_data = PipelineData("model_data", datastore=datastore, training_output=TrainingOutput(type="Model"))  # [azureml-pipeline, azureml-pipeline]
scores = PipelineData("scores", datastore=datastore)  # [azureml-pipeline]


def build_pipeline(automl_config, compute):
    train = AutoMLStep(name="automl_forecast", automl_config=automl_config, outputs=[metrics_data, model_data])  # [azureml-pipeline-step]
    score = PythonScriptStep(  # [azureml-pipeline-step]
        script_name="score.py", arguments=["--model", model_data, "--scores", scores],
        inputs=[model_data], outputs=[scores], compute_target=compute, source_directory="scripts",
    )
    return Pipeline(workspace=ws, steps=[train, score])  # [azureml-pipeline]


pipeline_run = Experiment(ws, "forecast-pipeline").submit(build_pipeline(None, "cpu-cluster"))  # [azureml-experiment, azureml-experiment-submit]
pipeline_run.wait_for_completion()  # [azureml-run]
for step in pipeline_run.get_steps():  # [azureml-pipeline]
    if step.properties["StepType"] == "AutoMLStep":  # [azureml-pipeline]
        automl_step_run = step


def accuracy_report(accuracy, f1_macro):
    report = {Metric.Accuracy: accuracy}  # [azureml-automl]
    report[Metric.F1Macro] = f1_macro  # [azureml-automl]
    return Metric.Accuracy + "\t" + format(accuracy, ".3f")  # [azureml-automl]
