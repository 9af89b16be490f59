# Train a logistic regression on the iris data and log what the studio showed as
# tables and charts, as Microsoft's logging-api sample does it in a job script.
import json

from azureml.core import Run
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix

run = Run.get_context()

X, y = load_iris(return_X_y=True)
regularizations = [0.01, 0.1, 1.0]
accuracies = []
for c in regularizations:
    model = LogisticRegression(C=c, max_iter=200).fit(X, y)
    accuracy = model.score(X, y)
    accuracies.append(accuracy)
    run.log_row("accuracy by C", C=c, accuracy=float(accuracy))

run.log_list("accuracies", accuracies)
run.log_table("sweep", {"C": regularizations, "accuracy": accuracies})

matrix = confusion_matrix(y, model.predict(X))
run.log_confusion_matrix("confusion", json.dumps({
    "schema_type": "confusion_matrix",
    "data": {"class_labels": ["0", "1", "2"], "matrix": matrix.tolist()},
}))
run.log_predictions("predictions", {"schema_type": "predictions", "data": {"bin_averages": [0.1, 0.9]}})
run.flush()
