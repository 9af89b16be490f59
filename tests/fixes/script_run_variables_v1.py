# Submit a training script whose settings are module-level variables, the way the
# workflow samples of azureml-examples (v1) write their job.py.
import os
from pathlib import Path

from azureml.core import Environment, Experiment, ScriptRunConfig, Workspace

ws = Workspace.from_config()

prefix = Path(__file__).parent
script_dir = str(prefix.joinpath("src"))
script_name = "train.py"
environment_file = str(prefix.joinpath("environment.yml"))

environment_name = "sklearn-ridge"
experiment_name = "sklearn-ridge-diabetes"
compute_name = "cpu-cluster"

# script arguments
model_dir = os.path.join("./outputs", "model")
arguments = ["--alpha", 0.5, "--max-iter", 100, "--model-dir", model_dir]

env = Environment.from_conda_specification(environment_name, environment_file)

src = ScriptRunConfig(
    source_directory=script_dir,
    script=script_name,
    arguments=arguments,
    environment=env,
    compute_target=compute_name,
)

run = Experiment(ws, experiment_name).submit(src)
run.wait_for_completion(show_output=True)
