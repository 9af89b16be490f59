"""A batch-inference pipeline notebook: the members of its step outputs, its
parallel configuration and its run configuration, each with an answer of its own."""
from azureml.core import Dataset, Workspace  # [azureml-import, azureml-import]
from azureml.core.runconfig import DockerConfiguration, RunConfiguration  # [azureml-import, azureml-import]
from azureml.data.dataset_factory import DataType  # [azureml-import]
from azureml.pipeline.core import PipelineData  # [azureml-import]
from azureml.pipeline.steps import ParallelRunConfig  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
images = Dataset.Tabular.from_delimited_files(  # [azureml-dataset]
    path=[(ws.get_default_datastore(), "images/urls.csv")],  # [azureml-workspace]
    set_column_types={"image_url": DataType.to_stream(ws)},  # [azureml-dataset]
)
output_dir = PipelineData(name="inferences", datastore=ws.get_default_datastore())  # [azureml-pipeline, azureml-workspace]
cleansed = output_dir.as_dataset().parse_parquet_files()  # [azureml-pipeline]
print("step output:", output_dir.name)  # [azureml-pipeline]

run_config = RunConfiguration()  # [azureml-run-configuration]
run_config.docker = DockerConfiguration(use_docker=True)  # [azureml-run-configuration]
run_config.spark.configuration["spark.driver.memory"] = "2g"  # [azureml-run-configuration]

parallel_run_config = ParallelRunConfig(  # [azureml-parallel-run]
    source_directory="scripts", entry_script="score.py", mini_batch_size="5", error_threshold=10,
    output_action="append_row", environment=run_config.environment, compute_target="cpu-cluster", node_count=2,  # [azureml-run-configuration]
)
result_file = "outputs/" + parallel_run_config.append_row_file_name  # [azureml-parallel-run]
