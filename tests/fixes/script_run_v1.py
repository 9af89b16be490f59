# Submit train.py as a script run, as Microsoft's command-job migration article
# writes it in SDK v1.
from azureml.core import Environment, Experiment, ScriptRunConfig, Workspace

# connect to the workspace
ws = Workspace.from_config()

# define and configure the experiment
experiment = Experiment(workspace=ws, name="day1-experiment-train")
config = ScriptRunConfig(source_directory="./src", script="train.py", compute_target="cpu-cluster")

# set up pytorch environment
env = Environment.from_conda_specification(name="pytorch-env", file_path="pytorch-env.yml")
config.run_config.environment = env

run = experiment.submit(config)

aml_url = run.get_portal_url()
print(aml_url)
run.wait_for_completion(show_output=True)
