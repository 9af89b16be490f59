"""In-job advice is a scope: the function that calls Run.get_context() and the
@command_component functions run in a job; control-plane code beside them does not."""
from azureml.core import Dataset, Run, Workspace  # [azureml-import, azureml-import, azureml-import]
from mldesigner import command_component


def register_data():
    ws = Workspace.from_config()  # [azureml-workspace]
    return Dataset.get_by_name(ws, "iris")  # [azureml-dataset]


def train():
    run = Run.get_context()  # [azureml-run-context]
    data = Dataset.get_by_name(run.experiment.workspace, "iris")  # [azureml-dataset, azureml-experiment]
    run.log("rows", len(data.to_pandas_dataframe()))  # [azureml-run-logging, azureml-dataset]


@command_component(name="prep")
def prep():
    ws = Workspace.from_config()  # [azureml-workspace]
    return ws.name  # [azureml-workspace]
