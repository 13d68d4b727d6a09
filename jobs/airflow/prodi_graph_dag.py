"""Cloud Composer / Airflow: a prodi pipeline as a graph of Dataproc jobs, one task per step.

The graph comes from prodi itself, printed when the pipeline is deployed:

    bin/prodi plan -p gs://datalake-artifacts/cfg/pipelines/gcp.prod.yml --format json > prodi_plan.json
    gsutil cp prodi_plan.json gs://<composer-bucket>/dags/

Each step becomes a DataprocSubmitJobOperator running the step's layer main class with the arguments the
plan gives (its --config and --vars); a step's upstream tasks are the steps it depends on (what it reads
is what they write, or `after:`), so independent datasets run side by side and Airflow retries one step
alone. Set the Airflow variable prodi_force_dry_run to "true" to validate every step on the cluster with
no side effect. `python3 prodi_graph_dag.py prodi_plan.json` prints the tasks without Airflow.
"""
import json
import os
import re
import sys

PROJECT = "datalake-prod"
REGION = "us-central1"
CLUSTER = "datalake-prod"
JAR = "gs://datalake-artifacts/libs/prodi_2.12-0.1.0.jar"
PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "prodi_plan.json")
SUPPORTED_PLAN_VERSION = 1


def task_id(step_name):
    """An Airflow task id for a step name (letters, digits, '-', '_' and '.')."""
    return "prodi_" + re.sub(r"[^A-Za-z0-9_.-]", "_", step_name)


def plan_tasks(plan, extra_args=()):
    """The tasks of a plan, in file order: task id, main class, arguments and upstream task ids."""
    if plan.get("plan_version") != SUPPORTED_PLAN_VERSION:
        raise ValueError("Cannot read the prodi plan: plan_version %s, this DAG reads %s"
                         % (plan.get("plan_version"), SUPPORTED_PLAN_VERSION))
    tasks = []
    for step in plan["steps"]:
        tasks.append({
            "task_id": task_id(step["name"]),
            "main_class": step["main_class"],
            "args": list(step["args"]) + list(extra_args),
            "upstream": sorted({task_id(d["step"]) for d in step["depends_on"]}),
        })
    return tasks


def build_dag(plan):
    from datetime import datetime

    from airflow import DAG
    from airflow.models import Variable
    from airflow.providers.google.cloud.operators.dataproc import DataprocSubmitJobOperator

    dry_run = "--env.PRODI_FORCE_DRY_RUN=" + Variable.get("prodi_force_dry_run", default_var="false")
    with DAG("prodi_graph", start_date=datetime(2024, 6, 1), schedule="0 3 * * *", catchup=False) as dag:
        operators = {}
        tasks = plan_tasks(plan, ["--vars", "ds={{ ds }}", dry_run])
        for task in tasks:
            operators[task["task_id"]] = DataprocSubmitJobOperator(
                task_id=task["task_id"],
                project_id=PROJECT,
                region=REGION,
                job={
                    "placement": {"cluster_name": CLUSTER},
                    "spark_job": {"main_class": task["main_class"], "jar_file_uris": [JAR], "args": task["args"]},
                },
            )
        for task in tasks:
            for upstream in task["upstream"]:
                operators[upstream] >> operators[task["task_id"]]
    return dag


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else PLAN) as plan_file:
        for task in plan_tasks(json.load(plan_file)):
            print("%s %s %s <- %s" % (task["task_id"], task["main_class"], " ".join(task["args"]),
                                      ", ".join(task["upstream"]) or "-"))
else:
    with open(PLAN) as plan_file:
        dag = build_dag(json.load(plan_file))
