# Control-plane code: the run is a submitted job's, so its logging gets no MLflow fix.
from azureml.core import Experiment, ScriptRunConfig, Workspace

ws = Workspace.from_config()
config = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu-cluster")
run = Experiment(ws, "diabetes").submit(config)
run.log("submitted", 1)
run.wait_for_completion(show_output=True)
