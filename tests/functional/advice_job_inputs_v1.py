"""A job script whose run only hands it its input dataset: the import's in-job
advice names job inputs as well as MLflow."""
from azureml.core import Run  # [azureml-import]

run = Run.get_context()  # [azureml-run-context]
frame = run.input_datasets["normalized_data"].to_pandas_dataframe()  # [azureml-dataset, azureml-run-context]
