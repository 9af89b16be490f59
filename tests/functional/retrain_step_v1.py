"""A pipeline step that retrains with AutoML in a child run (Microsoft's continuous-retraining sample)."""
from azureml.core import Run  # [azureml-import]
from azureml.train.automl import AutoMLConfig  # [azureml-import]

step_run = Run.get_context()  # [azureml-run-context]
training = step_run.input_datasets["training"]  # [azureml-run-context]
automl_config = AutoMLConfig(task="classification", training_data=training, label_column_name="y")  # [azureml-automl]
automl_run = step_run.submit_child(automl_config, show_output=True)  # [azureml-run-context]
best_run, fitted_model = automl_run.get_output()  # [azureml-automl]
best_run.register_model(model_name="retrained", model_path="outputs/model.pkl")  # [azureml-model]
step_run.complete()  # [azureml-run-context]
