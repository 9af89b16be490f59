"""In-job advice is a scope: in a file with control-plane code, only the function
that calls Run.get_context() and the @command_component functions run in a job."""
from azureml.core import Dataset, Run, Workspace  # [azureml-import, azureml-import, azureml-import]
from mldesigner import command_component

ws = Workspace.from_config()  # [azureml-workspace]
iris = Dataset.get_by_name(ws, "iris")  # [azureml-dataset]


def train():
    run = Run.get_context()  # [azureml-run-context]
    data = Dataset.get_by_name(run.experiment.workspace, "iris")  # [azureml-dataset, azureml-experiment]
    run.log("rows", len(data.to_pandas_dataframe()))  # [azureml-run-logging, azureml-dataset]


@command_component(name="prep")
def prep():
    workspace = Workspace.from_config()  # [azureml-workspace]
    return workspace.name  # [azureml-workspace]
