"""A training script that runs inside a v1 job: run context, inputs, logging, secrets."""
import argparse

import numpy as np
from azureml.core import Run  # [azureml-import]

parser = argparse.ArgumentParser()
parser.add_argument("--learning-rate", type=float, default=0.1)
args = parser.parse_args()

run = Run.get_context()  # [azureml-run-context]
training = run.input_datasets["training_data"]  # [azureml-run-context]
frame = training.to_pandas_dataframe()  # [azureml-dataset]
api_key = run.get_secret("api-key")  # [azureml-secrets]

accuracy = float(np.mean(frame["label"] == 1))
run.log("accuracy", accuracy)  # [azureml-run-logging]
run.log_list("losses", [0.9, 0.5, 0.2])  # [azureml-run-logging]
Run.get_context().log("learning_rate", args.learning_rate)  # [azureml-run-context, azureml-run-logging]
run.parent.log("best_accuracy", accuracy)  # [azureml-run-logging, azureml-run]
run.register_model(model_name="sklearn-model", model_path="outputs/model.pkl")  # [azureml-model]
run.complete()  # [azureml-run-context]
