"""Objects v1 hands back without the stubs knowing their class (issue 10).

What an unmodelled v1 module (AutoML runtime, interpretability, open datasets)
returns is a v1 object of unknown class: its members are reported with the
module's advice. A member the stubs do not define on a v1 instance (a private
one, one of the run's runtime subclass) borrows its class's advice.
"""
from azureml.core import Run, Workspace  # [azureml-import, azureml-import]
from azureml.interpret import ExplanationClient  # [azureml-import]
from azureml.opendatasets import NoaaIsdWeather  # [azureml-import]
from azureml.pipeline.core import Pipeline  # [azureml-import]
from azureml.train.automl.runtime.automl_explain_utilities import automl_setup_model_explanations  # [azureml-import]
from azureml.fsspec import AzureMachineLearningFileSystem

ws = Workspace.from_config()  # [azureml-workspace]
run = Run.get(ws, "run-id")  # [azureml-run]
step_outputs = run.get_outputs()  # pylint: disable=no-member  # [azureml-run]
run._client.get_run()  # pylint: disable=no-member  # [azureml-run]
print(run.__class__.__name__)

train_pipeline = Pipeline(ws, steps=[])  # [azureml-pipeline]
train_pipeline._set_experiment_name("training")  # pylint: disable=no-member  # [azureml-pipeline]

setup = automl_setup_model_explanations(None, X=None, X_test=None, task="regression")  # [azureml-sdk-member]
features = setup.X_test_transform  # [azureml-sdk-member]
print(setup.__dict__)

weather = NoaaIsdWeather(cols=["temperature"])  # [azureml-sdk-member]
frame = weather.to_pandas_dataframe()  # [azureml-sdk-member]
frame.head()

client = ExplanationClient.from_run(run)  # [azureml-sdk-member]
client.upload_model_explanation(None, comment="global")  # [azureml-sdk-member]

all_children = [c for c in run.get_children()]  # [azureml-run]
automl_runs = [c for c in all_children if c.properties.get("runTemplate") == "AutoML"]  # [azureml-run]
best = automl_runs[0].get_metrics()  # [azureml-run]

fs = AzureMachineLearningFileSystem("azureml://subscriptions/s/resourcegroups/r/workspaces/w/datastores/d")
fs.ls()

scores = {"r2": 0.5}
scores.items()
