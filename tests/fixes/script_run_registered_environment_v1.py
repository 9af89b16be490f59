# A multi-worker TensorFlow job in an environment registered earlier, fetched by name.
from azureml.core import Environment, Experiment, ScriptRunConfig, Workspace
from azureml.core.runconfig import TensorflowConfiguration

ws = Workspace.from_config()
experiment = Experiment(workspace=ws, name="tf-mnist-multi-worker")

tf_env = Environment.get(ws, name="tensorflow-gpu-env")

config = ScriptRunConfig(
    source_directory="./tf-mnist",
    script="train.py",
    arguments=["--epochs", 10],
    compute_target="gpu-cluster",
    environment=tf_env,
    distributed_job_config=TensorflowConfiguration(worker_count=2, parameter_server_count=0),
)
run = experiment.submit(config)
run.wait_for_completion(show_output=True)
