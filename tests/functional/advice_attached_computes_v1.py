"""A setup notebook exported to a script: attach the compute targets a pipeline
needs, register its datastores and models, and get tokens for REST calls.
Data Lake Analytics, Batch, Kusto, Data Factory and Databricks attachments have no
SDK v2 equivalent; a remote VM still attaches, and an AmlCompute is created."""
from azureml.core import Datastore, Workspace  # [azureml-import, azureml-import]
from azureml.core.authentication import Audience, InteractiveLoginAuthentication  # [azureml-import, azureml-import]
from azureml.core.compute import AdlaCompute, AmlCompute, BatchCompute, ComputeTarget, RemoteCompute  # [azureml-import, azureml-import, azureml-import, azureml-import, azureml-import]
from azureml.core.compute import DatabricksCompute  # [azureml-import]
from azureml.core.model import Model  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]

adla_config = AdlaCompute.attach_configuration(resource_group="analytics-rg", account_name="usqlacct")  # [azureml-compute-no-equivalent]
adla = ComputeTarget.attach(ws, "adla-compute", adla_config)  # [azureml-compute]

batch = ComputeTarget.attach(  # [azureml-compute]
    workspace=ws,
    name="batch-compute",
    attach_configuration=BatchCompute.attach_configuration(resource_group="batch-rg", account_name="batchacct"),  # [azureml-compute-no-equivalent]
)


def attach_databricks(workspace, token):
    config = DatabricksCompute.attach_configuration(resource_group="dbx-rg", workspace_name="dbx", access_token=token)  # [azureml-compute-no-equivalent]
    return ComputeTarget.attach(workspace, "databricks", config)  # [azureml-compute]


vm_config = RemoteCompute.attach_configuration(resource_id="/subscriptions/x/vm", ssh_port=22, username="azureuser")  # [azureml-compute]
vm = ComputeTarget.attach(ws, "dsvm", vm_config)  # [azureml-compute]

cluster = ComputeTarget.create(ws, "cpu-cluster", AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=4))  # [azureml-compute, azureml-compute]

lake = Datastore.register_azure_data_lake(  # [azureml-datastore]
    workspace=ws, datastore_name="adls_gen1", store_name="adlsgen1store", tenant_id="t", client_id="c", client_secret="s",
)
existing = Datastore.get(ws, "adls_gen1")  # [azureml-datastore]

models = Model.list(ws, tags=[["stage", "production"]])  # [azureml-model]
registered = Model.register(ws, model_path="outputs/model.onnx", model_name="style-transfer")  # [azureml-model]

auth = InteractiveLoginAuthentication()  # [azureml-authentication]
aml_token = auth.get_token(Audience.AZUREML)  # [azureml-authentication]
arm_token = auth.get_token(Audience.ARM)  # [azureml-authentication]

# an attached compute of a kind with no v2 equivalent: its members have none either
adla.wait_for_completion(show_output=True)  # [azureml-compute-no-equivalent]
print(batch.provisioning_state)  # [azureml-compute-no-equivalent]
legacy = AdlaCompute.attach(ws, "adla-legacy", "/subscriptions/x/providers/Microsoft.DataLakeAnalytics/accounts/a")  # [azureml-compute-no-equivalent]
vm.wait_for_completion(show_output=True)  # [azureml-compute]
