"""Submit a training script: the SDK v1 side of Microsoft's script-run migration article."""
from azureml.core import Workspace, Experiment, Environment, ScriptRunConfig  # [v1-import, v1-import, v1-import, v1-import]

# connect to the workspace
ws = Workspace.from_config()  # [v1-workspace]

# define and configure the experiment
experiment = Experiment(workspace=ws, name="day1-experiment-train")  # [v1-experiment]
config = ScriptRunConfig(  # [v1-script-run-config]
    source_directory="./src", script="train.py", compute_target="cpu-cluster"
)

# set up pytorch environment
env = Environment.from_conda_specification(name="pytorch-env", file_path="pytorch-env.yml")  # [v1-environment]
config.run_config.environment = env  # [v1-script-run-config]

run = experiment.submit(config)  # [v1-experiment-submit]

aml_url = run.get_portal_url()  # [v1-run]
print(aml_url)
