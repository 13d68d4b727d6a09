#!/usr/bin/env bash
# Runs one layer as a Dataproc Serverless batch, no cluster to manage. The runtime picks the jar
# (docs/run/dataproc.md, "Which jar"): 2.2 and 2.3 run Spark 3.5 on Scala 2.13 (prodi_2.13), 3.0 runs
# Spark 4.0 on Scala 2.13 (prodi-spark4_2.13). Runtime 1.2 (Scala 2.12) left support on 2026-09-30.
# build-and-upload.sh puts every runtime's jar under $PRODI_ARTIFACTS/libs/.
#   jobs/dataproc/submit-serverless.sh raw gs://datalake-artifacts/cfg/raw/gcp.prod.yml [extra prodi options...]
# Environment: PRODI_RUNTIME (default 2.3), PRODI_ARTIFACTS (default gs://datalake-artifacts), PRODI_JAR
# (default: the runtime's jar there), PRODI_REGION, PRODI_SERVICE_ACCOUNT, PRODI_SECRETS_PROJECT (default
# datalake-prod: credentials a config names with *_env and no variable sets, such as MARTS_DB_PASSWORD, are
# read from that project's Secret Manager, secret id = the variable's name). Serverless passes no
# environment variables to the driver as a shell does: overrides go through `--env.NAME=value` options.
set -euo pipefail
layer="${1:?usage: $0 LAYER CONFIG_URI [options]}"
config="${2:?usage: $0 LAYER CONFIG_URI [options]}"
shift 2
source "$(dirname "${BASH_SOURCE[0]}")/layer-class.sh"
main="$(main_class "$layer")"
runtime="${PRODI_RUNTIME:-2.3}"
artifacts="${PRODI_ARTIFACTS:-gs://datalake-artifacts}"
case "$runtime" in
  2.2|2.3) jar_name="prodi_2.13-0.1.0.jar" ;;
  3.0) jar_name="prodi-spark4_2.13-0.1.0.jar" ;;
  *) echo "Cannot submit: runtime $runtime has no prodi jar (valid runtimes: 2.2, 2.3, 3.0)" >&2; exit 2 ;;
esac
jars="${PRODI_JAR:-$artifacts/libs/$jar_name}"
[ "$layer" != gold ] || jars="$jars,$artifacts/libs/postgresql-42.7.8.jar"
exec gcloud dataproc batches submit spark \
  --region="${PRODI_REGION:-us-central1}" --version="$runtime" \
  --service-account="${PRODI_SERVICE_ACCOUNT:-prodi-runner@datalake-prod.iam.gserviceaccount.com}" \
  --properties="spark.hadoop.hadoop.security.credential.provider.path=gsm://projects/${PRODI_SECRETS_PROJECT:-datalake-prod}" \
  --class="$main" --jars="$jars" \
  -- --config "$config" "$@"
