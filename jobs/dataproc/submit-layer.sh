#!/usr/bin/env bash
# Submits one layer to an existing Dataproc cluster: the layer's main class in the prodi jar.
#   jobs/dataproc/submit-layer.sh silver gs://datalake-artifacts/cfg/silver/gcp.prod.yml [extra prodi options...]
# Environment: PRODI_CLUSTER, PRODI_REGION, PRODI_JAR (defaults as in validate-dry-run.sh).
set -euo pipefail
layer="${1:?usage: $0 LAYER CONFIG_URI [options]}"
config="${2:?usage: $0 LAYER CONFIG_URI [options]}"
shift 2
source "$(dirname "${BASH_SOURCE[0]}")/layer-class.sh"
main="$(main_class "$layer")"
exec gcloud dataproc jobs submit spark \
  --cluster="${PRODI_CLUSTER:-datalake-prod}" --region="${PRODI_REGION:-us-central1}" \
  --class="$main" --jars="${PRODI_JAR:-gs://datalake-artifacts/libs/prodi_2.12-0.1.0.jar}" \
  -- --config "$config" "$@"
