#!/usr/bin/env bash
# Runs one layer on Dataproc Serverless (runtime 1.2: Spark 3.5, Java 17), no cluster to manage.
#   jobs/dataproc/submit-serverless.sh raw gs://datalake-artifacts/cfg/raw/gcp.prod.yml
set -euo pipefail
layer="${1:?usage: $0 LAYER CONFIG_URI [options]}"
config="${2:?usage: $0 LAYER CONFIG_URI [options]}"
shift 2
source "$(dirname "${BASH_SOURCE[0]}")/layer-class.sh"
main="$(main_class "$layer")"
exec gcloud dataproc batches submit spark \
  --region="${PRODI_REGION:-us-central1}" --version=1.2 \
  --service-account="${PRODI_SERVICE_ACCOUNT:-prodi-runner@datalake-prod.iam.gserviceaccount.com}" \
  --class="$main" --jars="${PRODI_JAR:-gs://datalake-artifacts/libs/prodi-0.1.0.jar}" \
  -- --config "$config" "$@"
