"""A Spark job on an attached Synapse pool, written as Microsoft's Synapse sample
writes it: a PySpark run configuration, its script run and the submit; and an
import of azureml.core used only to print the SDK version."""
import azureml.core  # [azureml-import]
from azureml.core import Dataset, Experiment, ScriptRunConfig, Workspace  # [azureml-import, azureml-import, azureml-import, azureml-import]
from azureml.core.runconfig import RunConfiguration  # [azureml-import]

print("SDK version:", azureml.core.VERSION)  # [azureml-sdk-version]

ws = Workspace.from_config()  # [azureml-workspace]
titanic = Dataset.get_by_name(ws, "titanic")  # [azureml-dataset]
run_config = RunConfiguration(framework="pyspark")  # [azureml-run-configuration]
run_config.target = "synapse-pool"  # [azureml-run-configuration]
run_config.spark.configuration["spark.executor.instances"] = 2  # [azureml-run-configuration]

config = ScriptRunConfig(  # [azureml-script-run-config]
    source_directory="./code",
    script="dataprep.py",
    arguments=["--input", titanic.as_named_input("titanic"), "--output_dir", "outputs"],  # [azureml-dataset]
    run_config=run_config,
)
run = Experiment(ws, "synapse-spark").submit(config)  # [azureml-experiment, azureml-experiment-submit]
