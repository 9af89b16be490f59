"""Build and submit the training pipeline (Azure ML SDK v1)."""
from azureml.core import Dataset, Experiment, Workspace
from azureml.core.compute import AmlCompute, ComputeTarget
from azureml.core.compute_target import ComputeTargetException
from azureml.core.runconfig import RunConfiguration
from azureml.data import OutputFileDatasetConfig
from azureml.pipeline.core import Pipeline, PipelineParameter
from azureml.pipeline.steps import PythonScriptStep


def get_compute(ws, name="cpu-cluster"):
    try:
        return ComputeTarget(workspace=ws, name=name)
    except ComputeTargetException:
        config = AmlCompute.provisioning_configuration(vm_size="STANDARD_DS3_V2", max_nodes=4)
        target = ComputeTarget.create(ws, name, config)
        target.wait_for_completion(show_output=True)
        return target


ws = Workspace.from_config()
compute = get_compute(ws)
run_config = RunConfiguration()
raw = Dataset.get_by_name(ws, name="credit-card-raw")
learning_rate = PipelineParameter(name="learning_rate", default_value=0.01)
prepared = OutputFileDatasetConfig("prepared")

prep = PythonScriptStep(
    name="prep",
    script_name="prep.py",
    source_directory="src",
    arguments=["--raw", raw.as_named_input("raw").as_download(), "--out", prepared],
    compute_target=compute,
    runconfig=run_config,
)
train = PythonScriptStep(
    name="train",
    script_name="train.py",
    source_directory="src",
    arguments=["--data", prepared.as_input("prepared"), "--lr", learning_rate],
    compute_target=compute,
    runconfig=run_config,
)

pipeline = Pipeline(workspace=ws, steps=[prep, train])
run = Experiment(ws, "credit-card").submit(pipeline)
run.wait_for_completion(show_output=True)
pipeline.publish(name="credit-card-training", description="nightly retraining")
