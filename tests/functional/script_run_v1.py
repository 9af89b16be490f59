"""Submit a training script: the SDK v1 side of Microsoft's script-run migration article."""
from azureml.core import Workspace, Experiment, Environment, ScriptRunConfig  # [azureml-import, azureml-import, azureml-import, azureml-import]

# connect to the workspace
ws = Workspace.from_config()  # [azureml-workspace]

# define and configure the experiment
experiment = Experiment(workspace=ws, name="day1-experiment-train")  # [azureml-experiment]
config = ScriptRunConfig(  # [azureml-script-run-config]
    source_directory="./src", script="train.py", compute_target="cpu-cluster"
)

# set up pytorch environment
env = Environment.from_conda_specification(name="pytorch-env", file_path="pytorch-env.yml")  # [azureml-environment]
config.run_config.environment = env  # [azureml-script-run-config]

run = experiment.submit(config)  # [azureml-experiment-submit]

aml_url = run.get_portal_url()  # [azureml-run]
print(aml_url)
