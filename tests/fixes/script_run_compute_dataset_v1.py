# Train on a cluster made if missing, reading two datasets, as Microsoft's
# "train with datasets" article writes it in SDK v1.
from azureml.core import Dataset, Experiment, ScriptRunConfig, Workspace
from azureml.core.compute import AmlCompute, ComputeTarget
from azureml.core.compute_target import ComputeTargetException

ws = Workspace.from_config()

cluster_name = "gpu-cluster"
try:
    compute_target = ComputeTarget(workspace=ws, name=cluster_name)
    print("Found existing compute target")
except ComputeTargetException:
    print("Creating a new compute target...")
    compute_config = AmlCompute.provisioning_configuration(vm_size="STANDARD_NC6", max_nodes=4)
    compute_target = ComputeTarget.create(ws, cluster_name, compute_config)
    compute_target.wait_for_completion(show_output=True, min_node_count=None, timeout_in_minutes=20)

# the images, a folder of files on the web, and their labels, one file
images = Dataset.File.from_files(path="https://azureopendatastorage.blob.core.windows.net/mnist/images/")
labels = Dataset.File.from_files(path="https://azureopendatastorage.blob.core.windows.net/mnist/labels.csv")

experiment = Experiment(workspace=ws, name="train-with-datasets")
config = ScriptRunConfig(
    source_directory="./scripts",
    script="train.py",
    arguments=["--images", images.as_named_input("images").as_mount(),
               "--labels", labels.as_download(), "--epochs", 10],
    compute_target=compute_target,
)
run = experiment.submit(config)
print(run.get_portal_url())
run.wait_for_completion(show_output=True)
