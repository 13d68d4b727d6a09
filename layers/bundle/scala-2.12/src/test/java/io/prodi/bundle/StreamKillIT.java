package io.prodi.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of a stream's JVM (the bronze main class reading the local broker in micro-batches of 7
 * records into a Delta table and a parquet copy) the moment its second batch's Delta commit lands, so before its
 * parquet write and its offsets commit; then {@code prodi state unlock} and a restart. Every record is in each sink
 * once, counted by offset by a separate layer, against the 30 produced.
 */
class StreamKillIT {
  private static final String CHECK = "layer: gold\nio:\n  source:\n    - {name: d, format: delta, path: out/delta}\n"
      + "    - {name: p, format: parquet, path: out/parquet}\n"
      + "  sink: {path: check, format: csv, mode: overwrite, coalesce: 1}\n"
      + "transform:\n  sql: \"SELECT (SELECT count(*) FROM d) AS d_rows, (SELECT count(DISTINCT _kafka_offset) FROM d) AS"
      + " d_offsets, (SELECT count(*) FROM p) AS p_rows, (SELECT count(DISTINCT _kafka_offset) FROM p) AS p_offsets\"\n";

  @TempDir
  Path base;

  private static ProcessRun shell(String command) throws Exception {
    ProcessRun run = ProcessRun.run(Map.of(), List.of("bash", "-c", command));
    assertThat(run.exitCode).as(run.toString()).isZero();
    return run;
  }

  @Test
  void aKilledBatchIsRedoneOnRestartAndEveryRecordIsInEachSinkOnce() throws Exception {
    String topic = "kill-" + UUID.randomUUID().toString().substring(0, 8);
    shell("bin/local-kafka create-topic " + topic + " 1");
    String lines = IntStream.range(0, 30).mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining("\\n"));
    shell("printf '" + lines + "\\n' | bin/local-kafka produce " + topic);
    Path config = base.resolve("bronze.yml");
    Files.writeString(config, "layer: bronze\nstate: {uri: state}\nio:\n  source:\n    type: kafka\n"
        + "    bootstrap_servers: 127.0.0.1:" + System.getenv().getOrDefault("PRODI_KAFKA_PORT", "9092") + "\n"
        + "    topics: [" + topic + "]\n    value: {format: json, schema: 'id INT'}\n    max_records_per_run: 7\n"
        + "  sink:\n    - {path: out/delta, format: delta, mode: append}\n    - {path: out/parquet, mode: append}\n");
    Files.writeString(base.resolve("check.yml"), CHECK);

    ProcessRun.javaKilledWhen(base, p -> p.toString().equals("out/delta/_delta_log/00000000000000000001.json"),
        java.time.Duration.ofSeconds(120), "io.prodi.layers.BronzeLayer", "--config", config.toString(),
        "--base-dir", base.toString());
    try (java.util.stream.Stream<Path> state = Files.walk(base.resolve("state"))) {
      assertThat(state.map(p -> p.getFileName().toString())).as("killed holding its lease, its batch intended")
          .contains("lease.json", "pending.json");
    }
    ProcessRun unlock = ProcessRun.java(Map.of(), "io.prodi.cli.Prodi", "state", "unlock", "--state-id",
        "bronze::bronze::kafka", "-c", config.toString(),
        "--base-dir", base.toString());
    assertThat(unlock.exitCode).as(unlock.toString()).isZero();
    ProcessRun restart = ProcessRun.java(Map.of(), "io.prodi.layers.BronzeLayer", "--config", config.toString(),
        "--base-dir", base.toString());
    assertThat(restart.exitCode).as(restart.toString()).isZero();
    assertThat(restart.err).contains("did not commit; this run reads exactly its range");

    ProcessRun check = ProcessRun.java(Map.of(), "io.prodi.layers.GoldLayer", "--config",
        base.resolve("check.yml").toString(), "--base-dir", base.toString());
    assertThat(check.exitCode).as(check.toString()).isZero();
    try (java.util.stream.Stream<Path> files = Files.list(base.resolve("check"))) {
      Path csv = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
      List<String> rows = Files.readAllLines(csv);
      assertThat(rows.get(rows.size() - 1)).isEqualTo("30,30,30,30");
    }
  }
}
