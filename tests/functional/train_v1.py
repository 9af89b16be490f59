"""A training script that runs inside a v1 job: run context, inputs, logging, secrets."""
import argparse

import numpy as np
from azureml.core import Run  # [v1-import]

parser = argparse.ArgumentParser()
parser.add_argument("--learning-rate", type=float, default=0.1)
args = parser.parse_args()

run = Run.get_context()  # [v1-run-context]
training = run.input_datasets["training_data"]  # [v1-run-context]
frame = training.to_pandas_dataframe()  # [v1-dataset]
api_key = run.get_secret("api-key")  # [v1-secrets]

accuracy = float(np.mean(frame["label"] == 1))
run.log("accuracy", accuracy)  # [v1-run-logging]
run.log_list("losses", [0.9, 0.5, 0.2])  # [v1-run-logging]
Run.get_context().log("learning_rate", args.learning_rate)  # [v1-run-context, v1-run-logging]
run.parent.log("best_accuracy", accuracy)  # [v1-run-logging]
run.register_model(model_name="sklearn-model", model_path="outputs/model.pkl")  # [v1-model]
run.complete()  # [v1-run-context]
