"""The entry script of a deployment explains its predictions at scoring time:
SDK v2 has nothing that replaces AutoML's explanation helpers there (an AutoML
job explains its model only while it trains)."""
import json
import os

import joblib
from azureml.train.automl.runtime.automl_explain_utilities import automl_setup_model_explanations  # [azureml-import]


def init():
    global model, explainer
    model_dir = os.environ["AZUREML_MODEL_DIR"]
    model = joblib.load(os.path.join(model_dir, "model.pkl"))
    explainer = joblib.load(os.path.join(model_dir, "scoring_explainer.pkl"))


def run(raw_data):
    data = json.loads(raw_data)["data"]
    setup = automl_setup_model_explanations(model, X_test=data, task="regression")  # [azureml-sdk-member]
    importance = explainer.explain(setup.X_test_transform)  # [azureml-sdk-member]
    return {"predictions": model.predict(data).tolist(), "importance": importance}
