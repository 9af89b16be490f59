"""The entry script of a web service that also looks at the run context (an
offline run when it is not in a job): it still reads its model where the
deployment put it."""
import joblib

from azureml.core import Run  # [azureml-import]
from azureml.core.model import Model  # [azureml-import]

model = None


def init():
    global model
    run = Run.get_context()  # [azureml-run-context]
    print("scoring under", run.id)  # [azureml-run]
    model = joblib.load(Model.get_model_path("credit-default"))  # [azureml-model]


def run(raw_data):
    return model.predict(raw_data).tolist()
