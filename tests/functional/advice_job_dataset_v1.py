"""A pipeline step's script that registers the model it was given: Dataset here is
data the job reads (an input of the job), and the model's dataset lineage has no v2 field."""
import argparse

from azureml.core.model import Dataset, Model  # [azureml-import, azureml-import]
from azureml.core.run import Run  # [azureml-import]

parser = argparse.ArgumentParser()
parser.add_argument("--model_path")
parser.add_argument("--ds_name")
args = parser.parse_args()

run = Run.get_context()  # [azureml-run-context]
ws = run.experiment.workspace  # [azureml-experiment]
train_ds = Dataset.get_by_name(ws, args.ds_name)  # [azureml-dataset]
datasets = [(Dataset.Scenario.TRAINING, train_ds)]  # [azureml-dataset]
Model.register(workspace=ws, model_path=args.model_path, model_name="forecaster", datasets=datasets)  # [azureml-model]
