# A three-step pipeline (prepare, train, score), as Microsoft's pipeline migration
# article writes it in SDK v1.
from azureml.core import Dataset, Experiment, Workspace
from azureml.core.compute import AmlCompute, ComputeTarget
from azureml.core.compute_target import ComputeTargetException
from azureml.data import OutputFileDatasetConfig
from azureml.pipeline.core import Pipeline
from azureml.pipeline.steps import PythonScriptStep

ws = Workspace.from_config()

# a cluster to run on: the existing one, or a new one
cluster_name = "cpu-cluster"
try:
    cpu_cluster = ComputeTarget(workspace=ws, name=cluster_name)
    print("Found existing cluster, use it.")
except ComputeTargetException:
    compute_config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", min_nodes=0, max_nodes=4)
    cpu_cluster = ComputeTarget.create(ws, cluster_name, compute_config)
    cpu_cluster.wait_for_completion(show_output=True)

# the raw data, a file on the web
raw_data = Dataset.File.from_files(path="https://azuremlexamples.blob.core.windows.net/datasets/iris.csv")

prepared_data = OutputFileDatasetConfig(name="prepared_data")
model_output = OutputFileDatasetConfig(name="model_output")
score_output = OutputFileDatasetConfig(name="score_output")

prep_step = PythonScriptStep(
    name="prep",
    script_name="prep.py",
    arguments=["--raw_data", raw_data.as_named_input("raw_data").as_mount(), "--prep_data", prepared_data],
    source_directory="./src/prep",
    compute_target=cpu_cluster,
    allow_reuse=True,
)
train_step = PythonScriptStep(
    name="train",
    script_name="train.py",
    arguments=["--training_data", prepared_data.as_input("training_data"), "--model_output", model_output],
    source_directory="./src/train",
    compute_target=cpu_cluster,
    allow_reuse=True,
)
score_step = PythonScriptStep(
    name="score",
    script_name="score.py",
    arguments=["--model_input", model_output.as_input("model_input"),
               "--test_data", prepared_data.as_input("test_data"), "--score_output", score_output],
    source_directory="./src/score",
    compute_target=cpu_cluster,
    allow_reuse=False,
)

pipeline = Pipeline(workspace=ws, steps=[prep_step, train_step, score_step])
pipeline_run = Experiment(ws, "pipeline-article").submit(pipeline)
