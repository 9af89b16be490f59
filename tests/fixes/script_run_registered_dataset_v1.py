# Train on a file dataset registered in the workspace, mounted into the job, as
# Microsoft's "train with datasets" article consumes a registered dataset in SDK v1.
from azureml.core import Dataset, Environment, Experiment, ScriptRunConfig, Workspace

ws = Workspace.from_config()

# the dataset registered earlier under this name, its latest version
mnist = Dataset.get_by_name(ws, name="mnist-dataset")

env = Environment.from_conda_specification(name="sklearn-env", file_path="conda_dependencies.yml")

experiment = Experiment(workspace=ws, name="train-on-registered-data")
config = ScriptRunConfig(
    source_directory="./src",
    script="train.py",
    arguments=["--data-folder", mnist.as_named_input("mnist").as_mount(), "--regularization", 0.5],
    compute_target="cpu-cluster",
    environment=env,
)
run = experiment.submit(config)
run.wait_for_completion(show_output=True)
