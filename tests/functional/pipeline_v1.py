"""Train, score and evaluate: the SDK v1 pipeline of Microsoft's pipeline migration article."""
import os

import azureml.core  # [azureml-import]
from azureml.core import Workspace, Dataset  # [azureml-import, azureml-import]
from azureml.core import Experiment  # [azureml-import]
from azureml.core.compute import ComputeTarget, AmlCompute  # [azureml-import, azureml-import]
from azureml.core.compute_target import ComputeTargetException  # [azureml-import]
from azureml.data import OutputFileDatasetConfig  # [azureml-import]
from azureml.pipeline.steps import PythonScriptStep  # [azureml-import]
from azureml.pipeline.core import Pipeline  # [azureml-import]

print("Azure ML SDK Version: ", azureml.core.VERSION)  # [azureml-sdk-version]

workspace = Workspace.from_config()  # [azureml-workspace]
print("Workspace name: " + workspace.name)  # [azureml-workspace]

experiment = Experiment(workspace=workspace, name="train_score_eval_pipeline")  # [azureml-experiment]
script_folder = os.path.join(".", "src")
amlcompute_cluster_name = "cpu-cluster"

try:
    aml_compute = ComputeTarget(workspace=workspace, name=amlcompute_cluster_name)  # [azureml-compute]
    print("Found existing cluster, use it.")
except ComputeTargetException:  # [azureml-compute]
    compute_config = AmlCompute.provisioning_configuration(  # [azureml-compute]
        vm_size="STANDARD_DS12_V2", max_nodes=4
    )
    aml_compute = ComputeTarget.create(workspace, amlcompute_cluster_name, compute_config)  # [azureml-compute]
aml_compute.wait_for_completion(show_output=True)  # [azureml-compute]

data_urls = ["wasbs://demo@dprepdata.blob.core.windows.net/Titanic.csv"]
input_ds = Dataset.File.from_files(data_urls)  # [azureml-dataset]

model_output = OutputFileDatasetConfig("model_output")  # [azureml-output-dataset-config]
train_step = PythonScriptStep(  # [azureml-pipeline-step]
    name="train step",
    script_name="train.py",
    arguments=[
        "--training_data",
        input_ds.as_named_input("training_data").as_mount(),  # [azureml-dataset, azureml-dataset]
        "--model_output",
        model_output,
    ],
    source_directory=script_folder,
    compute_target=aml_compute,
    allow_reuse=True,
)

score_output = OutputFileDatasetConfig("score_output")  # [azureml-output-dataset-config]
score_step = PythonScriptStep(  # [azureml-pipeline-step]
    name="score step",
    script_name="score.py",
    arguments=[
        "--model_input",
        model_output.as_input("model_input"),  # [azureml-output-dataset-config]
        "--test_data",
        input_ds.as_named_input("test_data").as_mount(),  # [azureml-dataset, azureml-dataset]
        "--score_output",
        score_output,
    ],
    source_directory=script_folder,
    compute_target=aml_compute,
    allow_reuse=True,
)

eval_output = OutputFileDatasetConfig("eval_output")  # [azureml-output-dataset-config]
eval_step = PythonScriptStep(  # [azureml-pipeline-step]
    name="eval step",
    script_name="eval.py",
    arguments=["--scoring_result", score_output.as_input("scoring_result"), "--eval_output", eval_output],  # [azureml-output-dataset-config]
    source_directory=script_folder,
    compute_target=aml_compute,
    allow_reuse=True,
)

pipeline = Pipeline(workspace=workspace, steps=[train_step, score_step, eval_step])  # [azureml-pipeline]
pipeline_run = experiment.submit(pipeline, regenerate_outputs=False)  # [azureml-experiment-submit]
pipeline_run.wait_for_completion()  # [azureml-run]
published = pipeline.publish(name="train-score-eval")  # [azureml-published-pipeline]
