"""A job script with a compatibility guard: the guard's wording survives the in-job advice."""
try:
    import mlflow
    from azure.ai.ml import Input
except ImportError:
    from azureml.core import Run  # [azureml-import-in-compat-guard]

run = Run.get_context()  # [azureml-run-context]
run.log("loss", 0.1)  # [azureml-run-logging]
