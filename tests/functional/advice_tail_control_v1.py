"""A forecasting setup notebook exported to a script: featurization, image sweeps,
Spark and distributed job settings, an AKS deployment and the outputs of a
finished pipeline. Each v1 kind here gets its own v2 advice."""
from azureml.automl.core.featurization import FeaturizationConfig  # [azureml-import]
from azureml.automl.core.shared.constants import ImageTask  # [azureml-import]
from azureml.core import Workspace  # [azureml-import]
from azureml.core.compute import AksCompute, ComputeTarget  # [azureml-import, azureml-import]
from azureml.core.runconfig import DEFAULT_CPU_IMAGE, MpiConfiguration, PyTorchConfiguration, RunConfiguration  # [azureml-import, azureml-import, azureml-import, azureml-import]
from azureml.core.webservice import AksWebservice  # [azureml-import]
from azureml.data import OutputFileDatasetConfig  # [azureml-import]
from azureml.data.dataset_consumption_config import DatasetConsumptionConfig  # [azureml-import]
from azureml.data.dataset_factory import DataType, TabularDatasetFactory  # [azureml-import, azureml-import]
from azureml.data.datapath import DataPath, DataPathComputeBinding  # [azureml-import, azureml-import]
from azureml.data.sql_data_reference import SqlDataReference  # [azureml-import]
from azureml.pipeline.core import PipelineParameter  # [azureml-import]
from azureml.pipeline.steps import ParallelRunConfig  # [azureml-import]
from azureml.telemetry import set_diagnostics_collection  # [azureml-import]
from azureml.train.automl import AutoMLImageConfig  # [azureml-import]
from azureml.train.automl.model_proxy import ModelProxy  # [azureml-import]
from azureml.train.hyperdrive import BanditPolicy, GridParameterSampling, choice  # [azureml-import, azureml-import, azureml-import]

set_diagnostics_collection(send_diagnostics=True)  # [azureml-sdk-member]
ws = Workspace.from_config()  # [azureml-workspace]
print(ws.sku)  # [azureml-workspace]

featurization_config = FeaturizationConfig()  # [azureml-automl]
featurization_config.add_column_purpose("CPWVOL5", "Numeric")  # [azureml-automl]
featurization_config.add_transformer_params("Imputer", ["Quantity"], {"strategy": "constant", "fill_value": 0})  # [azureml-automl]

image_config = AutoMLImageConfig(  # [azureml-automl]
    task=ImageTask.IMAGE_CLASSIFICATION,  # [azureml-automl]
    compute_target="gpu-cluster",
    training_data=TabularDatasetFactory.from_json_lines_files(path="https://mlsamples.blob.core.windows.net/images/train.jsonl"),  # [azureml-dataset]
    iterations=10,
    hyperparameter_sampling=GridParameterSampling({"model_name": choice("vitb16r224")}),  # [azureml-hyperdrive, azureml-hyperdrive]
    early_termination_policy=BanditPolicy(evaluation_interval=2, slack_factor=0.2),  # [azureml-hyperdrive]
)

cluster = ComputeTarget(ws, "cpu-cluster")  # [azureml-compute]
if cluster.type == "AmlCompute":  # [azureml-compute]
    print("training on", cluster.name)  # [azureml-compute]

run_config = RunConfiguration(framework="pyspark")  # [azureml-run-configuration]
run_config.spark.configuration["spark.driver.memory"] = "2g"  # [azureml-run-configuration]
run_config.environment.docker.base_image = DEFAULT_CPU_IMAGE  # [azureml-environment]
distributed = PyTorchConfiguration(process_count=8, node_count=2)  # [azureml-run-configuration]
mpi = MpiConfiguration(node_count=2)  # [azureml-run-configuration]

parallel_config = ParallelRunConfig(  # [azureml-parallel-run]
    entry_script="score.py",
    environment=run_config.environment,  # [azureml-run-configuration]
    error_threshold=5,
    allowed_failed_count=2,
    output_action="append_row",
    compute_target="cpu-cluster",
    node_count=2,
)

training_data = TabularDatasetFactory.from_json_lines_files(  # [azureml-dataset]
    path=[(ws.get_default_datastore(), "train_annotations.jsonl")],  # [azureml-workspace]
    set_column_types={"image_url": DataType.to_stream(ws.service_context)},  # [azureml-dataset]
)
data_path = DataPath(datastore=ws.get_default_datastore(), path_on_datastore="titanic/")  # [azureml-dataset, azureml-workspace]
path_parameter = PipelineParameter(name="input_data", default_value=data_path)  # [azureml-pipeline]
path_binding = (path_parameter, DataPathComputeBinding(mode="mount"))  # [azureml-dataset]
named_input = DatasetConsumptionConfig("titanic", path_parameter)  # [azureml-dataset]
sales = SqlDataReference(datastore=ws.datastores["sqlstore"], data_reference_name="sales", sql_query="SELECT * FROM sales")  # [azureml-sql-datastore, azureml-workspace]
scored = OutputFileDatasetConfig(name="scored", destination=(ws.get_default_datastore(), "scored/"))  # [azureml-output-dataset-config, azureml-workspace]
scored.register_on_complete(name="scored-data")  # [azureml-output-dataset-config]

aks = AksCompute(ws, "aks-cluster")  # [azureml-compute]
aks_config = AksWebservice.deploy_configuration(cpu_cores=1, memory_gb=2, autoscale_enabled=True, enable_app_insights=True)  # [azureml-webservice]


def predictions(best_run, test_data):
    return ModelProxy(best_run).predict(test_data)  # [azureml-automl, azureml-automl]
