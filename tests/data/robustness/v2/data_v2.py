"""SDK v2 data assets, datastores and mltable: silent."""
import mltable
from azure.ai.ml import MLClient
from azure.ai.ml.constants import AssetTypes
from azure.ai.ml.entities import AzureBlobDatastore, Data
from azure.identity import DefaultAzureCredential

ml_client = MLClient.from_config(credential=DefaultAzureCredential())
datastore = AzureBlobDatastore(name="raw", account_name="acct", container_name="azureml-blobstore")
ml_client.datastores.create_or_update(datastore)
data = Data(path="azureml://datastores/raw/paths/titanic.csv", type=AssetTypes.URI_FILE, name="titanic")
ml_client.data.create_or_update(data)
table = mltable.load("azureml://datastores/raw/paths/titanic/")
frame = table.to_pandas_dataframe()
asset = ml_client.data.get("titanic", version="1")
print(asset.path, frame.shape, ml_client.workspaces.get("ws").location)
