"""Provisioning computes by their configuration, rescaling a cluster, re-attaching
to an earlier run to resume from its outputs, and retraining when a datastore
changes: the advice follows what each call is given."""
from azureml.core import Run, Workspace  # [azureml-import, azureml-import]
from azureml.core.compute import AksCompute, AmlCompute, ComputeTarget, DsvmCompute  # [azureml-import, azureml-import, azureml-import, azureml-import]
from azureml.pipeline.core import Schedule  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]

aks_config = AksCompute.provisioning_configuration(agent_count=3, vm_size="Standard_D3_v2")  # [azureml-compute]
aks_target = ComputeTarget.create(ws, "aks-inference", aks_config)  # [azureml-compute]
aks_target.wait_for_completion(show_output=True)  # [azureml-compute]

dsvm_config = DsvmCompute.provisioning_configuration(vm_size="Standard_D2_v2")  # [azureml-compute]
dsvm_target = ComputeTarget.create(ws, "dsvm", dsvm_config)  # [azureml-compute]

cluster_config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=4)  # [azureml-compute]
cpu_cluster = ComputeTarget.create(ws, "cpu-cluster", cluster_config)  # [azureml-compute]
cpu_cluster.update(min_nodes=0, max_nodes=8, idle_seconds_before_scaledown=300)  # [azureml-compute]

experiment = ws.experiments["tf-resume-training"]  # [azureml-workspace]
previous_run = Run(experiment, "tf-resume-training_1700000000_a1b2c3d4")  # [azureml-run]
checkpoints = previous_run._get_outputs_datapath()  # [azureml-run]
print("resuming from", checkpoints)

schedule = Schedule.create(  # [azureml-pipeline-schedule]
    ws, name="retrain-on-new-data", pipeline_id="0d3e5b1c", experiment_name="retraining",
    datastore=ws.get_default_datastore(), polling_interval=1440,  # [azureml-workspace]
)
