#!/usr/bin/env bash
# The dry-run validation job of the Dataproc guide (section 3), for the jar: runs one layer's main
# class on a cluster with PRODI_FORCE_DRY_RUN forced through --env., so that a production config
# (dry_run: false) is checked end to end on the cluster with no side effect.
#
#   jobs/dataproc/validate-dry-run.sh raw gs://datalake-artifacts/cfg/raw/gcp.prod.yml
#
# Environment: PRODI_CLUSTER (default dp-ops-validation), PRODI_REGION (default us-central1),
# PRODI_JAR (default gs://datalake-artifacts/libs/prodi_2.12-0.1.0.jar).
set -euo pipefail
layer="${1:?usage: $0 LAYER CONFIG_URI}"
config="${2:?usage: $0 LAYER CONFIG_URI}"
source "$(dirname "${BASH_SOURCE[0]}")/layer-class.sh"
main="$(main_class "$layer")"
exec gcloud dataproc jobs submit spark \
  --cluster="${PRODI_CLUSTER:-dp-ops-validation}" \
  --region="${PRODI_REGION:-us-central1}" \
  --class="$main" \
  --jars="${PRODI_JAR:-gs://datalake-artifacts/libs/prodi_2.12-0.1.0.jar}" \
  -- \
  --config "$config" \
  --env.PRODI_FORCE_DRY_RUN=true
