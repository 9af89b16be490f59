# Train a diabetes ridge regression and log to the run, as Microsoft's sklearn
# sample's train.py does.
import argparse
import os

import joblib
import numpy as np
from azureml.core.run import Run
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error

run = Run.get_context()

parser = argparse.ArgumentParser()
parser.add_argument("--alpha", type=float, default=0.5)
args = parser.parse_args()

X, y = np.random.rand(100, 3), np.random.rand(100)
model = Ridge(alpha=args.alpha).fit(X, y)
mse = mean_squared_error(y, model.predict(X))

run.log("alpha", 0.5)
run.log("mse", float(mse))  # a number: a metric
run.log("rmse", np.sqrt(mse))  # numpy: v2lint cannot tell
run.log("solver", "auto")
run.log("converged", True)
run.tag("framework", "sklearn")
run.set_tags({"dataset": "diabetes"})

os.makedirs("outputs", exist_ok=True)
joblib.dump(model, "outputs/model.pkl")
run.upload_file("outputs/model.pkl", "outputs/model.pkl")
print("run id:", run.id)
run.complete()
