"""Members without a catalogue target of their own, references and writes (issue 10).

Every line that touches a v1 object is reported; members borrow their class's
advice, names of modules without a catalogued class the module's (AML007).
"""
from azureml.core import Experiment, Run, Workspace  # [azureml-import, azureml-import, azureml-import]
from azureml.core.compute import AmlCompute, ComputeTarget  # [azureml-import, azureml-import]
from azureml.core.runconfig import DEFAULT_CPU_IMAGE, RunConfiguration  # [azureml-import, azureml-import]
from azureml.exceptions import ComputeTargetException, UserErrorException  # [azureml-import, azureml-import]
from azureml.pipeline.core import PipelineRun  # [azureml-import]
from azureml.pipeline.steps import PythonScriptStep  # [azureml-import]
from azureml.train.hyperdrive import PrimaryMetricGoal  # [azureml-import]


class Tags:
    """A look-alike: a local class with v1 member names stays silent."""

    def get_tags(self):
        return {}


class LoggingStep(PythonScriptStep):  # [azureml-pipeline-step]
    def describe(self):
        return self.name  # [azureml-pipeline-step]

    def own_helper(self):
        return "local"


def summarise(run):
    return {"id": run.id, "tags": run.get_tags()}  # [azureml-run, azureml-run]


ws = Workspace.from_config()  # [azureml-workspace]
experiment = Experiment(ws, "train")  # [azureml-experiment]
experiment.set_tags({"team": "ml"})  # [azureml-experiment]
for past in experiment.get_runs():  # [azureml-experiment]
    print(past.get_details()["status"])  # [azureml-run]
    print(summarise(past))

try:
    cluster = ComputeTarget(ws, "cpu")  # [azureml-compute]
except ComputeTargetException:  # [azureml-compute]
    cluster = None
except UserErrorException:  # [azureml-sdk-member]
    cluster = None
if isinstance(cluster, AmlCompute):  # [azureml-compute]
    print(cluster.get_status().serialize())  # [azureml-compute]

config = RunConfiguration()  # [azureml-run-configuration]
config.environment.docker.base_image = DEFAULT_CPU_IMAGE  # [azureml-environment]
config.target = "cpu"  # [azureml-run-configuration]
goal = PrimaryMetricGoal.MAXIMIZE  # [azureml-hyperdrive]

run = experiment.start_logging()  # [azureml-run-context]
workspace_again = run.experiment.workspace  # [azureml-experiment]
parent_id = run.parent.id  # [azureml-run, azureml-run]
pipeline_run = PipelineRun(experiment, "run-id")  # [azureml-pipeline]
for step in pipeline_run.get_steps():  # [azureml-pipeline]
    step.get_output_data("scores").download(".")  # [azureml-pipeline]

step = LoggingStep(script_name="train.py")  # a user subclass: its class line is reported
step.own_helper()
Tags().get_tags()
