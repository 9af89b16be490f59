# Distributed PyTorch training on a GPU image, the way the distributed workflow
# samples of azureml-examples (v1) write their job.py.
from azureml.core import Dataset, Environment, Experiment, ScriptRunConfig, Workspace
from azureml.core.runconfig import PyTorchConfiguration

ws = Workspace.from_config()

env = Environment.from_conda_specification(name="pytorch-gpu", file_path="environment.yml")

# specify a GPU base image
env.docker.enabled = True
env.docker.base_image = (
    "mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.1-cudnn8-ubuntu20.04"
)
env.environment_variables = {"NCCL_DEBUG": "INFO"}

cifar = Dataset.File.from_files("https://azuremlexamples.blob.core.windows.net/datasets/cifar10/")

# two nodes, two processes each
distr_config = PyTorchConfiguration(process_count=4, node_count=2)

src = ScriptRunConfig(
    source_directory="src",
    script="train.py",
    arguments=["--data-dir", cifar.as_download(), "--epochs", 25],
    compute_target="gpu-V100-2",
    environment=env,
    distributed_job_config=distr_config,
)

run = Experiment(ws, "pytorch-cifar10-distributed").submit(src)
print(run.get_portal_url())
