#!/usr/bin/env bash
# Builds the shaded jar and uploads it, the PostgreSQL driver and cfg/ to the artifacts bucket
# (what the Dataproc guide's section 1 did for the wheel).
#   jobs/dataproc/build-and-upload.sh gs://datalake-artifacts
set -euo pipefail
bucket="${1:?usage: $0 gs://BUCKET}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl layers/bundle/scala-2.12 -am package)
gsutil cp "$root/layers/bundle/scala-2.12/target/prodi_2.12-0.1.0.jar" "$bucket/libs/prodi_2.12-0.1.0.jar"
gsutil cp "$HOME/.m2/repository/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar" "$bucket/libs/"
gsutil -m rsync -r -d "$root/cfg" "$bucket/cfg"
echo "uploaded: $bucket/libs/prodi_2.12-0.1.0.jar and $bucket/cfg/"
