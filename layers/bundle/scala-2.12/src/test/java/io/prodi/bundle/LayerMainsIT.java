package io.prodi.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The layer main classes as spark-submit and Dataproc run them: separate JVMs on the shaded jar. */
class LayerMainsIT {
  @ParameterizedTest
  @CsvSource({"io.prodi.layers.RawLayer, raw", "io.prodi.layers.BronzeLayer, bronze",
      "io.prodi.layers.SilverLayer, silver", "io.prodi.layers.GoldLayer, gold"})
  void eachMainDryRunsItsLayersProductionConfigWhenTheGuardForcesIt(String main, String layer) throws Exception {
    ProcessRun run = ProcessRun.java(Map.of(), main, "--config", "cfg/" + layer + "/gcp.prod.yml",
        "--env.PRODI_FORCE_DRY_RUN=true");
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).startsWith("[" + layer + "] PRODI_FORCE_DRY_RUN=true - forcing dry_run execution\n")
        .contains("{\"prodi_summary\":{\"layer\":\"" + layer + "\",\"status\":\"dry_run\"");
  }

  @Test
  void aMainRefusesAConfigOfAnotherLayerWithExit2() throws Exception {
    ProcessRun run = ProcessRun.java(Map.of(), "io.prodi.layers.GoldLayer", "--config", "cfg/raw/example.yml",
        "--dry-run");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("cfg/raw/example.yml: layer: Cannot run this config in the gold layer: it declares "
        + "layer raw (raw)").doesNotContain("\tat ");
  }

  @Test
  void theCliIsTheJarsMainClass() throws Exception {
    String main;
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(System.getProperty("prodi.jar"))) {
      main = jar.getManifest().getMainAttributes().getValue("Main-Class");
    }
    ProcessRun run = ProcessRun.java(Map.of(), main, "--help");
    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("run-layer", "run-pipeline", "validate", "plan");
  }

  /**
   * A run that fails inside Spark's tasks (a change of a key at a sequence value the table holds, with other values):
   * the console shows prodi's own
   * lines only, the error line last; Spark's task failures and stack traces, and the resolved config, are in the log
   * file of the day (PRODI_LOG_DIR).
   */
  @Test
  void aRunFailingInSparksTasksPrintsOneErrorLineLastAndKeepsSparksLogInTheLogFile(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Files.writeString(tmp.resolve("changes.csv"), "id,seq,op,segment\n1,10,U,gold\n2,5,U,gold\n");
    String config = java.nio.file.Files.writeString(tmp.resolve("silver.yml"), "layer: silver\nio:\n"
        + "  source: {format: csv, path: changes.csv, options: {header: 'true'}, schema: 'id INT, seq INT, op STRING, "
        + "segment STRING'}\n  sink: {path: out, format: delta, mode: scd2, merge: {keys: [id], sequence_by: seq, "
        + "delete_when: \"op = 'D'\", except_columns: [op], track_history: [segment]}}\n").toString();
    java.nio.file.Path logs = tmp.resolve("logs");
    Map<String, String> env = Map.of("PRODI_NO_BUILD", "1", "PRODI_LOG_DIR", logs.toString());
    List<String> command = List.of("bin/prodi", "run-layer", "-c", config, "--base-dir", tmp.toString());
    ProcessRun first = ProcessRun.run(env, command);
    assertThat(first.exitCode).as(first.toString()).isZero();
    // a later change of key 2 at the sequence the table holds, with other values: the MERGE fails in Spark's tasks
    java.nio.file.Files.writeString(tmp.resolve("changes.csv"), "id,seq,op,segment\n2,5,U,bronze\n3,1,U,gold\n");
    ProcessRun run = ProcessRun.run(env, command);
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    List<String> lines = run.err.lines().collect(java.util.stream.Collectors.toList());
    assertThat(lines).as(run.err).hasSizeLessThanOrEqualTo(4).allMatch(l -> l.startsWith("[silver] ")
        || l.startsWith("prodi: error: "));
    assertThat(lines.get(lines.size() - 1)).startsWith("prodi: error: Cannot apply changes to ")
        .endsWith("(id=2, seq 5)");
    assertThat(lines).filteredOn(l -> l.startsWith("prodi: error: ")).hasSize(1);
    String log;
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(logs)) {
      log = java.nio.file.Files.readString(files.filter(f -> f.getFileName().toString().matches("prodi-.*\\.log"))
          .findFirst().orElseThrow());
    }
    assertThat(log).contains(" ERROR Executor: Exception in task", "[silver] config " + config + ": {",
        "[silver] event log ");
  }

  @Test
  void binProdiValidatesWithoutMavenOrSpark() throws Exception {
    ProcessRun run = ProcessRun.run(Map.of("PRODI_NO_BUILD", "1"),
        List.of("bin/prodi", "validate", "-c", "cfg/raw/example.yml", "cfg/pipelines/customers.yml"));
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("[raw] cfg/raw/example.yml is valid\n", "[pipeline] cfg/pipelines/customers.yml is valid");
    assertThat(run.err).doesNotContain("SparkContext", "Using Spark's default log4j profile");
  }

  @Test
  void aBigQueryLayerValidatesAndDryRunsWithoutTheConnectorAndARealRunStopsAtOnceNamingIt(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Files.writeString(tmp.resolve("in.csv"), "day,amount\n2024-06-01,1.5\n");
    String config = java.nio.file.Files.writeString(tmp.resolve("gold.yml"), "layer: gold\nio:\n"
        + "  source: {name: t, format: csv, path: in.csv, options: {header: 'true'}}\n"
        + "  sink: {type: bigquery, table: my-project.finance.daily, mode: overwrite, partition_field: day}\n")
        .toString();
    ProcessRun validate = ProcessRun.java(Map.of(), "io.prodi.cli.Prodi", "validate", "-c", config);
    assertThat(validate.exitCode).as(validate.toString()).isZero();
    ProcessRun dryRun = ProcessRun.java(Map.of(), "io.prodi.layers.GoldLayer", "--config", config, "--base-dir",
        tmp.toString(), "--dry-run");
    assertThat(dryRun.exitCode).as(dryRun.toString()).isZero();
    assertThat(dryRun.out).contains("write   bigquery bigquery my-project.finance.daily (mode overwrite)");
    ProcessRun run = ProcessRun.java(Map.of(), "io.prodi.layers.GoldLayer", "--config", config, "--base-dir",
        tmp.toString());
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.err).contains("prodi: error: Cannot run layer gold: the spark-bigquery-connector (format bigquery) "
        + "is not on the class path. Dataproc clusters and Serverless runtimes ship it; elsewhere add it to "
        + "spark-submit with --packages com.google.cloud.spark:spark-3.5-bigquery:0.45.0 (bigquery)")
        .doesNotContain("\tat ");
    assertThat(run.out).as("no source was read").contains("\"sources\":[{\"name\":\"t\",\"type\":\"files\"")
        .contains("\"rows\":null");
  }
}
