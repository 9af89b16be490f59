"""A pipeline step's script: it reads its data by dataset ID, looks the model up
and registers a new version from inside the job. In a job there is no ml_client
of the notebook: the advice is a job input or output, or a client of the job's
own identity."""
import argparse

from azureml.core import Dataset, Model, Run  # [azureml-import, azureml-import, azureml-import]
from azureml.core.run import _OfflineRun  # [azureml-import]
from azureml.automl.core.shared.types import GrainType  # [azureml-import]

parser = argparse.ArgumentParser()
parser.add_argument("--dataset_id")
parser.add_argument("--model_name")
args = parser.parse_args()

run = Run.get_context()  # [azureml-run-context]
ws = run.experiment.workspace  # [azureml-experiment]
if type(run) == _OfflineRun:  # [azureml-sdk-member]
    print("running locally")

data = Dataset.get_by_id(ws, id=args.dataset_id).to_pandas_dataframe()  # [azureml-dataset, azureml-dataset]
current = Model(ws, args.model_name)  # [azureml-model]
print(current.tags.get("mae"), current.version)  # [azureml-model, azureml-model]
for previous in Model.list(ws, name=args.model_name):  # [azureml-model]
    print(previous.name)  # [azureml-model]


def series_id(grain: GrainType) -> str:  # [azureml-automl]
    return "_".join(grain) if isinstance(grain, tuple) else str(grain)


model = Model.register(workspace=ws, model_name=args.model_name, model_path="outputs/model.pkl")  # [azureml-model]
