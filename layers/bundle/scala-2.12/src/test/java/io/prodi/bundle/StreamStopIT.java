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
 * A continuous stream (trigger every PT1S) run as Dataproc runs it, the bronze main class in its own JVM on the
 * local broker (bin/local-kafka), stopped with SIGTERM: while idle, and while a micro-batch is in flight (its intent
 * recorded, nothing committed yet). Each time it exits 0, the batch in flight finished within the grace, no intent
 * is left half done, the lease is given back; a restart then reads only what came after. Every record is counted
 * by offset in the sink, by a separate layer, against what was produced.
 */
class StreamStopIT {
  private static final String CHECK = "layer: gold\nio:\n  source: {name: t, format: delta, path: out}\n"
      + "  sink: {path: check, format: csv, mode: overwrite, coalesce: 1}\n"
      + "transform:\n  sql: \"SELECT count(*) AS n, count(DISTINCT _kafka_offset) AS offsets, min(_kafka_offset) AS low,"
      + " max(_kafka_offset) AS high FROM t\"\n";

  @TempDir
  Path base;

  private static void shell(String command) {
    try {
      ProcessRun run = ProcessRun.run(Map.of(), List.of("bash", "-c", command));
      assertThat(run.exitCode).as(run.toString()).isZero();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void produce(String topic, int from, int to) {
    String lines = IntStream.range(from, to).mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining("\\n"));
    shell("printf '" + lines + "\\n' | bin/local-kafka produce " + topic);
  }

  private String check() throws Exception {
    ProcessRun run = ProcessRun.java(Map.of(), "io.prodi.layers.GoldLayer", "--config", base.resolve("check.yml").toString(),
        "--base-dir", base.toString());
    assertThat(run.exitCode).as(run.toString()).isZero();
    try (java.util.stream.Stream<Path> files = Files.list(base.resolve("check"))) {
      Path csv = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
      List<String> lines = Files.readAllLines(csv);
      return lines.get(lines.size() - 1);
    }
  }

  @Test
  void sigtermStopsBetweenBatchesOrAfterTheOneInFlightExitsZeroAndARestartResumes() throws Exception {
    shell("bin/local-kafka status");
    String topic = "stop-" + UUID.randomUUID().toString().substring(0, 8);
    shell("bin/local-kafka create-topic " + topic + " 1");
    String layer = "layer: bronze\nstate: {uri: state}\nTRIGGERio:\n  source:\n    type: kafka\n    state_id: stop-test\n"
        + "    bootstrap_servers: 127.0.0.1:" + System.getenv().getOrDefault("PRODI_KAFKA_PORT", "9092") + "\n"
        + "    topics: [" + topic + "]\n    value: {format: json, schema: 'id INT'}\n"
        + "  sink: {path: out, format: delta, mode: append}\n";
    Files.writeString(base.resolve("bronze.yml"), layer.replace("TRIGGER", "trigger: {every: PT1S}\n"));
    Files.writeString(base.resolve("catchup.yml"), layer.replace("TRIGGER", ""));
    Files.writeString(base.resolve("check.yml"), CHECK);
    produce(topic, 0, 5);
    String[] args = {"--config", base.resolve("bronze.yml").toString(), "--base-dir", base.toString()};

    // idle: the first batch committed, then SIGTERM while the job waits for the next interval
    ProcessRun idle = ProcessRun.javaTerminatedWhen(base, p -> p.toString().equals("out/_delta_log/00000000000000000000.json"),
        () -> { }, p -> p.toString().equals("out/_delta_log/00000000000000000000.json"), java.time.Duration.ofSeconds(90),
        "io.prodi.layers.BronzeLayer", args);
    assertThat(idle.exitCode).as(idle.toString()).isZero();
    assertThat(idle.err).contains("stop requested: no new micro-batch starts");
    assertThat(idle.out).as("the first batch, all five records").containsPattern("\"stream\":\\{\"batch\":1,"
        + "\"trigger\":\"every PT1S\",\"records\":5,");

    // in flight: SIGTERM once the batch of the records produced while it runs has recorded its intent
    ProcessRun inFlight = ProcessRun.javaTerminatedWhen(base, p -> p.toString().endsWith("lease.json"),
        () -> produce(topic, 5, 9), p -> p.toString().endsWith("pending.json"), java.time.Duration.ofSeconds(90),
        "io.prodi.layers.BronzeLayer", args);
    assertThat(inFlight.exitCode).as(inFlight.toString()).isZero();
    assertThat(inFlight.out).as("the batch in flight finished").containsPattern("\"stream\":\\{\"batch\":\\d+,"
        + "\"trigger\":\"every PT1S\",\"records\":[1-4],");
    try (java.util.stream.Stream<Path> left = Files.walk(base.resolve("state"))) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no intent or lease left behind")
          .doesNotContain("pending.json", "lease.json");
    }
    String[] after = check().split(",");
    assertThat(Integer.parseInt(after[3])).as("records of the batch in flight landed").isGreaterThanOrEqualTo(5);
    assertThat(after[0]).as("each offset once, none skipped").isEqualTo(after[1]).isEqualTo(
        String.valueOf(Integer.parseInt(after[3]) + 1));

    // a scheduled run of the same offsets reads only what the stopped job had not
    ProcessRun catchUp = ProcessRun.java(Map.of(), "io.prodi.layers.BronzeLayer", "--config",
        base.resolve("catchup.yml").toString(), "--base-dir", base.toString());
    assertThat(catchUp.exitCode).as(catchUp.toString()).isZero();
    assertThat(check()).isEqualTo("9,9,0,8");
  }
}
