"""An AutoML run as Microsoft's automated-ml notebooks write it: split, submit,
unpack the best run and its model, walk the children."""
import logging

from azureml.core import Dataset, Experiment, Workspace  # [azureml-import, azureml-import, azureml-import]
from azureml.train.automl import AutoMLConfig  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
dataset = Dataset.get_by_name(ws, name="nyc-taxi")  # [azureml-dataset]
train_data, test_data = dataset.random_split(percentage=0.8, seed=223)  # [azureml-dataset]
test_frame = test_data.to_pandas_dataframe()  # [azureml-dataset]

automl_config = AutoMLConfig(  # [azureml-automl]
    task="regression",
    primary_metric="spearman_correlation",
    training_data=train_data,
    label_column_name="totalAmount",
    debug_log="automated_ml_errors.log",
    verbosity=logging.INFO,
)
experiment = Experiment(ws, "automl-regression")  # [azureml-experiment]
remote_run = experiment.submit(automl_config, show_output=True)  # [azureml-experiment-submit]

best_run, fitted_model = remote_run.get_output()  # [azureml-automl]
print(best_run.get_file_names())  # [azureml-run]
best_run.download_file("outputs/conda_env_v_1_0_0.yml", "env.yml")  # [azureml-run]
model = best_run.register_model(model_name="taxi-best", model_path="outputs/model.pkl")  # [azureml-model]
predictions = fitted_model.predict(test_frame.drop(columns=["totalAmount"]))

for child in remote_run.get_children():  # [azureml-run]
    metrics = child.get_metrics()  # [azureml-run]
