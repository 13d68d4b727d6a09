package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.state.StateStore;
import io.prodi.testing.CliRun;
import io.prodi.testing.FaultyFileSystem.Operation;
import io.prodi.testing.FaultyFileSystem;
import io.prodi.testing.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exactly-once incremental runs (issue 16): an injected crash at each point of a run, for each kind
 * of sink, then a rerun (with the next day's rows already landed) and the next day's run. Sink,
 * quarantine and watermark must equal those of two clean runs, with no row twice.
 */
class ExactlyOnceTest extends EngineTestBase {
  private static final String DAY_2 = "id,name,country,amount,updated\n7,Old,CO,1.0,2024-01-06\n"
      + "8,New,MX,2.0,2024-01-07\n9,Far,US,3.0,2024-01-08\n";

  /** Where a run is stopped: the Nth create or rename of a path matching the pattern fails. */
  enum CrashPoint {
    DURING_THE_QUARANTINE(Operation.CREATE, ".*/out/quarantine/.*part-.*"),
    DURING_THE_SINK_WRITE(Operation.CREATE, ".*/out/sink/.*part-.*"),
    AFTER_THE_SINK_COMMIT_BEFORE_THE_STATE_COMMIT(Operation.CREATE, ".*/state/.*/_tmp-.*"),
    DURING_THE_STAGED_MOVES(Operation.RENAME, ".*/out/sink/_prodi_staging/[^/]+/part-.*"),
    AFTER_THE_MOVES_BEFORE_THE_COMMIT_MARKER(Operation.CREATE, ".*/out/sink/_prodi_commits/.*");

    final Operation operation;
    final String pattern;

    CrashPoint(Operation operation, String pattern) {
      this.operation = operation;
      this.pattern = pattern;
    }
  }

  /** The sinks under test, each with the mode a medallion layer uses it in. */
  enum Sink {
    PARQUET_APPEND("{path: out/sink, mode: append}", "parquet"),
    CSV_APPEND("{path: out/sink, format: csv, mode: append, options: {header: 'true'}}", "csv"),
    DELTA_APPEND("{path: out/sink, format: delta, mode: append}", "delta"),
    DELTA_MERGE("{path: out/sink, format: delta, mode: merge, merge: {keys: [id, updated]}}", "delta"),
    PARQUET_OVERWRITE_PARTITIONED("{path: out/sink, mode: overwrite, partition_by: [country]}", "parquet");

    final String spec;
    final String format;

    Sink(String spec, String format) {
      this.spec = spec;
      this.format = format;
    }
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Sink sink : Sink.values()) {
      for (CrashPoint point : CrashPoint.values()) {
        boolean staged = sink == Sink.PARQUET_APPEND || sink == Sink.CSV_APPEND;
        if (staged || (point != CrashPoint.DURING_THE_STAGED_MOVES
            && point != CrashPoint.AFTER_THE_MOVES_BEFORE_THE_COMMIT_MARKER)) {
          cases.add(Arguments.of(sink, point));
        }
      }
    }
    return cases.stream();
  }

  @AfterEach
  void disarm() {
    FaultyFileSystem.disarm();
  }

  private String config(Sink sink) {
    folder.write("env.yml", "name: faulty\nstorage:\n  file:\n    hadoop:\n"
        + "      fs.file.impl: " + FaultyFileSystem.class.getName() + "\n      fs.file.impl.disable.cache: 'true'\n");
    return folder.write("silver.yml", "layer: silver\nenvironment_config: env.yml\nstate: {uri: state}\n"
        + "io:\n  source: {name: people, format: csv, path: in, options: {header: 'true'}, schema: " + PEOPLE_SCHEMA
        + ", incremental: {watermark: {field: updated}}}\n  sink: " + sink.spec + "\n"
        + "dq:\n  expectations:\n    - {type: valid_values, column: country, values: [CO, MX], on_fail: quarantine}\n"
        + "  quarantine: {path: out/quarantine, mode: append}\n");
  }

  /** What the runs left: sink rows, quarantined rows with their run key, the watermark. */
  private List<String> outcome(Sink sink) {
    List<String> out = new ArrayList<>();
    org.apache.spark.sql.DataFrameReader reader = spark().read().format(sink.format);
    if (sink.format.equals("csv")) {
      reader = reader.option("header", "true").schema(PEOPLE_SCHEMA.replace("'", ""));
    }
    Rows.of(reader.load(at("out/sink")), "id", "trim(name)", "country", "amount", "updated")
        .forEach(r -> out.add("sink " + r));
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> quarantine = spark().read().parquet(at("out/quarantine"));
    boolean keyed = java.util.Arrays.asList(quarantine.columns()).contains("_dq_run_key");
    Rows.of(quarantine, "id", "_dq_failed", keyed ? "_dq_run_key" : "'(no run key)'")
        .forEach(r -> out.add("quarantine " + r));
    out.add("watermark " + new StateStore(at("state"), new Configuration()).read("silver::silver::people")
        .orElseThrow().value());
    return out;
  }

  /** The clean outcome of each sink, computed once (it names no path of the test's folder). */
  private static final java.util.Map<Sink, List<String>> CLEAN = new java.util.EnumMap<>(Sink.class);

  private List<String> cleanOutcome(Sink sink) throws java.io.IOException {
    List<String> known = CLEAN.get(sink);
    if (known != null) {
      return known;
    }
    String cfg = config(sink);
    succeed(cfg);
    folder.write("in/day2.csv", DAY_2);
    succeed(cfg);
    List<String> clean = outcome(sink);
    CLEAN.put(sink, clean);
    reset();
    return clean;
  }

  @ParameterizedTest(name = "{0} crashed {1}")
  @MethodSource("matrix")
  void aRerunAfterACrashLeavesWhatTwoCleanRunsLeave(Sink sink, CrashPoint point) throws Exception {
    List<String> clean = cleanOutcome(sink);
    assertThat(clean).hasSize(new java.util.HashSet<>(clean).size()); // no row twice in the clean runs either
    String cfg = config(sink);

    FaultyFileSystem.failOn(point.operation, point.pattern, 1);
    CliRun crashed = run(cfg);
    assertThat(FaultyFileSystem.fired()).as("the fault fired").isEqualTo(1);
    assertThat(crashed.exitCode()).as(crashed.toString()).isEqualTo(1);
    assertThat(crashed.errors()).singleElement().asString().startsWith("prodi: error: Cannot ");

    folder.write("in/day2.csv", DAY_2); // the next day's rows land before the rerun
    succeed(cfg);
    succeed(cfg);
    List<String> rerun = outcome(sink);
    assertThat(rerun).as("no row twice").hasSize(new java.util.HashSet<>(rerun).size());
    assertThat(rerun).isEqualTo(clean);
  }

  private void reset() throws java.io.IOException {
    for (String gone : List.of("out", "state", "in/day2.csv")) {
      java.nio.file.Path path = tmp.resolve(gone);
      if (java.nio.file.Files.exists(path)) {
        try (Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(path)) {
          walk.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile)
              .forEach(java.io.File::delete);
        }
      }
    }
  }
}
