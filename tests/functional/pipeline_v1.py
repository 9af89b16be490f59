"""Train, score and evaluate: the SDK v1 pipeline of Microsoft's pipeline migration article."""
import os

import azureml.core  # [v1-import]
from azureml.core import Workspace, Dataset  # [v1-import, v1-import]
from azureml.core import Experiment  # [v1-import]
from azureml.core.compute import ComputeTarget, AmlCompute  # [v1-import, v1-import]
from azureml.core.compute_target import ComputeTargetException  # [v1-import]
from azureml.data import OutputFileDatasetConfig  # [v1-import]
from azureml.pipeline.steps import PythonScriptStep  # [v1-import]
from azureml.pipeline.core import Pipeline  # [v1-import]

print("Azure ML SDK Version: ", azureml.core.VERSION)  # [v1-sdk-version]

workspace = Workspace.from_config()  # [v1-workspace]
print("Workspace name: " + workspace.name)  # [v1-workspace]

experiment = Experiment(workspace=workspace, name="train_score_eval_pipeline")  # [v1-experiment]
script_folder = os.path.join(".", "src")
amlcompute_cluster_name = "cpu-cluster"

try:
    aml_compute = ComputeTarget(workspace=workspace, name=amlcompute_cluster_name)  # [v1-compute]
    print("Found existing cluster, use it.")
except ComputeTargetException:
    compute_config = AmlCompute.provisioning_configuration(  # [v1-compute]
        vm_size="STANDARD_DS12_V2", max_nodes=4
    )
    aml_compute = ComputeTarget.create(workspace, amlcompute_cluster_name, compute_config)  # [v1-compute]
aml_compute.wait_for_completion(show_output=True)  # [v1-compute]

data_urls = ["wasbs://demo@dprepdata.blob.core.windows.net/Titanic.csv"]
input_ds = Dataset.File.from_files(data_urls)  # [v1-dataset]

model_output = OutputFileDatasetConfig("model_output")  # [v1-output-dataset-config]
train_step = PythonScriptStep(  # [v1-pipeline-step]
    name="train step",
    script_name="train.py",
    arguments=[
        "--training_data",
        input_ds.as_named_input("training_data").as_mount(),  # [v1-dataset, v1-dataset]
        "--model_output",
        model_output,
    ],
    source_directory=script_folder,
    compute_target=aml_compute,
    allow_reuse=True,
)

score_output = OutputFileDatasetConfig("score_output")  # [v1-output-dataset-config]
score_step = PythonScriptStep(  # [v1-pipeline-step]
    name="score step",
    script_name="score.py",
    arguments=[
        "--model_input",
        model_output.as_input("model_input"),  # [v1-output-dataset-config]
        "--test_data",
        input_ds.as_named_input("test_data").as_mount(),  # [v1-dataset, v1-dataset]
        "--score_output",
        score_output,
    ],
    source_directory=script_folder,
    compute_target=aml_compute,
    allow_reuse=True,
)

eval_output = OutputFileDatasetConfig("eval_output")  # [v1-output-dataset-config]
eval_step = PythonScriptStep(  # [v1-pipeline-step]
    name="eval step",
    script_name="eval.py",
    arguments=["--scoring_result", score_output.as_input("scoring_result"), "--eval_output", eval_output],  # [v1-output-dataset-config]
    source_directory=script_folder,
    compute_target=aml_compute,
    allow_reuse=True,
)

pipeline = Pipeline(workspace=workspace, steps=[train_step, score_step, eval_step])  # [v1-pipeline]
pipeline_run = experiment.submit(pipeline, regenerate_outputs=False)  # [v1-experiment-submit]
pipeline_run.wait_for_completion()  # [v1-run]
published = pipeline.publish(name="train-score-eval")  # [v1-published-pipeline]
