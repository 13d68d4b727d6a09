"""Cloud Composer / Airflow: the medallion chain as four Dataproc jobs on an existing cluster.

Each task runs one layer's main class from the prodi jar with its gcp.prod.yml. Set the Airflow
variable prodi_force_dry_run to "true" to validate the whole chain on the cluster with no side effect.
"""
from datetime import datetime

from airflow import DAG
from airflow.models import Variable
from airflow.providers.google.cloud.operators.dataproc import DataprocSubmitJobOperator

PROJECT = "datalake-prod"
REGION = "us-central1"
CLUSTER = "datalake-prod"
JAR = "gs://datalake-artifacts/libs/prodi_2.12-0.1.0.jar"
LAYERS = [
    ("raw", "io.prodi.layers.RawLayer", "gs://datalake-artifacts/cfg/raw/gcp.prod.yml"),
    ("bronze", "io.prodi.layers.BronzeLayer", "gs://datalake-artifacts/cfg/bronze/gcp.prod.yml"),
    ("silver", "io.prodi.layers.SilverLayer", "gs://datalake-artifacts/cfg/silver/gcp.prod.yml"),
    ("gold", "io.prodi.layers.GoldLayer", "gs://datalake-artifacts/cfg/gold/gcp.prod.yml"),
]

with DAG("prodi_medallion", start_date=datetime(2024, 6, 1), schedule="0 3 * * *", catchup=False) as dag:
    previous = None
    for layer, main_class, config in LAYERS:
        task = DataprocSubmitJobOperator(
            task_id=f"prodi_{layer}",
            project_id=PROJECT,
            region=REGION,
            job={
                "placement": {"cluster_name": CLUSTER},
                "spark_job": {
                    "main_class": main_class,
                    "jar_file_uris": [JAR],
                    "args": ["--config", config, "--vars", "ds={{ ds }}",
                             "--env.PRODI_FORCE_DRY_RUN=" + Variable.get("prodi_force_dry_run", default_var="false")],
                },
            },
        )
        if previous is not None:
            previous >> task
        previous = task
