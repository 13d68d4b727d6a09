#!/usr/bin/env bash
# Submits one layer to an existing Dataproc cluster: the layer's main class in the prodi jar.
#   jobs/dataproc/submit-layer.sh silver gs://datalake-artifacts/cfg/silver/gcp.prod.yml [extra prodi options...]
# Environment: PRODI_CLUSTER, PRODI_REGION, PRODI_ARTIFACTS (default gs://datalake-artifacts), PRODI_JAR
# (default: the 2.12 jar there), PRODI_SECRETS_PROJECT (default datalake-prod: credentials a config names with
# *_env and no variable sets are read from that project's Secret Manager, secret id = the variable's name),
# PRODI_MAX_FAILURES_PER_HOUR (a continuous stream: Dataproc restarts the driver up to this many times an hour).
set -euo pipefail
layer="${1:?usage: $0 LAYER CONFIG_URI [options]}"
config="${2:?usage: $0 LAYER CONFIG_URI [options]}"
shift 2
source "$(dirname "${BASH_SOURCE[0]}")/layer-class.sh"
main="$(main_class "$layer")"
artifacts="${PRODI_ARTIFACTS:-gs://datalake-artifacts}"
jars="${PRODI_JAR:-$artifacts/libs/prodi_2.12-0.1.0.jar}"
[ "$layer" != gold ] || jars="$jars,$artifacts/libs/postgresql-42.7.8.jar"
restart=()
[ -z "${PRODI_MAX_FAILURES_PER_HOUR:-}" ] || restart=(--max-failures-per-hour="$PRODI_MAX_FAILURES_PER_HOUR")
exec gcloud dataproc jobs submit spark "${restart[@]}" \
  --cluster="${PRODI_CLUSTER:-datalake-prod}" --region="${PRODI_REGION:-us-central1}" \
  --properties="spark.hadoop.hadoop.security.credential.provider.path=gsm://projects/${PRODI_SECRETS_PROJECT:-datalake-prod}" \
  --class="$main" --jars="$jars" \
  -- --config "$config" "$@"
