#!/usr/bin/env bash
# Builds the jar of each platform target (or of the ones named) and uploads the jars, the PostgreSQL driver
# and cfg/ to the artifacts bucket, where the submit scripts and workflow templates look for them:
#   jobs/dataproc/build-and-upload.sh gs://datalake-artifacts              # 2.12, 2.13 and spark-4
#   jobs/dataproc/build-and-upload.sh gs://datalake-artifacts 2.13         # Serverless 2.2 / 2.3 only
# Targets: 2.12 (Dataproc images 2.2/2.3), 2.13 (Serverless 2.2/2.3), spark-4 (image 3.0, Serverless 3.0).
# PRODI_DRY_RUN=1 prints the build and upload commands instead of running them.
set -euo pipefail
bucket="${1:?usage: $0 gs://BUCKET [2.12|2.13|spark-4 ...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(2.12 2.13 spark-4)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -1)"
run() { if [ "${PRODI_DRY_RUN:-}" = 1 ]; then echo "$*"; else "$@"; fi; }
for target in "${targets[@]}"; do
  case "$target" in
    2.12) module=layers/bundle/scala-2.12 profile=() jar="prodi_2.12-$version.jar" ;;
    2.13) module=layers/bundle/scala-2.13 profile=(-P scala-2.13) jar="prodi_2.13-$version.jar" ;;
    spark-4) module=layers/bundle/spark-4 profile=(-P spark-4) jar="prodi-spark4_2.13-$version.jar" ;;
    *) echo "Cannot build target $target: unknown target (valid: 2.12, 2.13, spark-4)" >&2; exit 2 ;;
  esac
  (cd "$root" && run mvn -B -q -DskipTests "${profile[@]}" -pl "$module" -am package)
  run gsutil cp "$root/$module/target/$jar" "$bucket/libs/$jar"
  echo "uploaded: $bucket/libs/$jar"
done
run gsutil cp "$HOME/.m2/repository/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar" "$bucket/libs/"
run gsutil -m rsync -r -d "$root/cfg" "$bucket/cfg"
echo "uploaded: $bucket/cfg/"
