# Shared by the bench scripts: build once, then run a bench main class with Spark's jars, the
# Java 17 flags and local[*], as bin/prodi runs prodi.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_build() {
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests install) >/dev/null 2>&1 || { echo "bench: the build failed (mvn install)" >&2; return 1; }
}
# The java command line of a bench main class: bench_java_command fills the array bench_cmd.
bench_java_command() {
  local classpath="$root/bench/target/prodi-bench-0.1.0.jar:$(cat "$root/bench/target/classpath.txt")"
  bench_cmd=(java --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
    -Dspark.master="${PRODI_SPARK_MASTER:-local[*]}" -Dspark.ui.enabled=false -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$root/bin/log4j2.properties" -Xmx8g
    -cp "$classpath" "$@")
}
bench_java() {
  bench_java_command "$@"
  "${bench_cmd[@]}"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
export SPARK_LOCAL_IP=127.0.0.1
