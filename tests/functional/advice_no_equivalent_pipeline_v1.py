"""A pipeline whose only step has no SDK v2 equivalent (Microsoft's Databricks
sample): there is no v2 pipeline to build, so the pipeline and its submit have none."""
from azureml.core import Experiment, Workspace  # [azureml-import, azureml-import]
from azureml.core.compute import DatabricksCompute  # [azureml-import]
from azureml.pipeline.core import Pipeline  # [azureml-import]
from azureml.pipeline.steps import DatabricksStep  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
databricks = DatabricksCompute(ws, "databricks")  # [azureml-compute-no-equivalent]
step = DatabricksStep(  # [azureml-step-no-equivalent]
    name="nightly-notebook",
    notebook_path="/Users/team/nightly",
    run_name="nightly",
    compute_target=databricks,
    existing_cluster_id="0101-000000-abcdefgh",
)
pipeline = Pipeline(workspace=ws, steps=[step])  # [azureml-pipeline]
run = Experiment(ws, "nightly").submit(pipeline)  # [azureml-experiment, azureml-experiment-submit]
