"""Training script: runs inside the Azure ML job (SDK v1 run context)."""
import argparse

import joblib
from azureml.core import Run
from sklearn.linear_model import LogisticRegression

parser = argparse.ArgumentParser()
parser.add_argument("--data")
parser.add_argument("--lr", type=float)
args = parser.parse_args()

run = Run.get_context()
frame = run.input_datasets["prepared"].to_pandas_dataframe()
model = LogisticRegression(C=1 / args.lr).fit(frame.drop(columns="label"), frame["label"])
run.log("accuracy", model.score(frame.drop(columns="label"), frame["label"]))
joblib.dump(model, "outputs/model.pkl")
run.register_model(model_name="credit-card", model_path="outputs/model.pkl")
