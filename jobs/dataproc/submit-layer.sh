#!/usr/bin/env bash
# Submits one layer to an existing Dataproc cluster: the layer's main class in the prodi jar.
#   jobs/dataproc/submit-layer.sh silver gs://datalake-artifacts/cfg/silver/gcp.prod.yml [extra prodi options...]
# Environment: PRODI_CLUSTER, PRODI_REGION, PRODI_JAR (defaults as in validate-dry-run.sh).
set -euo pipefail
layer="${1:?usage: $0 LAYER CONFIG_URI [options]}"
config="${2:?usage: $0 LAYER CONFIG_URI [options]}"
shift 2
case "$layer" in
  raw) main=io.prodi.layers.RawLayer ;;
  bronze) main=io.prodi.layers.BronzeLayer ;;
  silver) main=io.prodi.layers.SilverLayer ;;
  gold) main=io.prodi.layers.GoldLayer ;;
  *) echo "prodi: error: Cannot submit layer '$layer': unknown layer (valid: raw, bronze, silver, gold)" >&2; exit 2 ;;
esac
exec gcloud dataproc jobs submit spark \
  --cluster="${PRODI_CLUSTER:-datalake-prod}" --region="${PRODI_REGION:-us-central1}" \
  --class="$main" --jars="${PRODI_JAR:-gs://datalake-artifacts/libs/prodi-0.1.0.jar}" \
  -- --config "$config" "$@"
