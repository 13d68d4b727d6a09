package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.state.StateStore;
import io.prodi.testing.RunOutput;
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
 * quarantine and watermark must equal those of two clean runs, and both must equal what a plain-Java
 * model of the two days computes from the input rows alone ({@link #expected}), with no row twice.
 */
class ExactlyOnceTest extends LayerTestBase {
  private static final String DAY_2 = "id,name,country,amount,updated\n7,Old,CO,1.0,2024-01-06\n"
      + "8,New,MX,2.0,2024-01-07\n9,Far,US,3.0,2024-01-08\n1,Ana,CO,12.0,2024-01-07\n"; // a newer change to a day-1 key

  /** Where a run is stopped: the Nth create or rename of a path matching the pattern fails. */
  enum CrashPoint {
    DURING_THE_QUARANTINE(Operation.CREATE, ".*/out/quarantine/.*part-.*"),
    DURING_THE_SINK_WRITE(Operation.CREATE, ".*/out/sink/.*part-.*"),
    AFTER_THE_SINK_COMMIT_BEFORE_THE_STATE_COMMIT(Operation.CREATE, ".*/state/.*/_tmp-.*"),
    DURING_THE_STAGED_MOVES(Operation.RENAME, ".*/out/sink/_prodi_staging/[^/]+/part-.*"),
    AFTER_THE_MOVES_BEFORE_THE_COMMIT_MARKER(Operation.CREATE, ".*/out/sink/_prodi_commits/.*"),
    DURING_THE_CHANGE_LOG_WRITE(Operation.CREATE, ".*/out/_prodi_sink/changes/.*part-.*");

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
    DELTA_MERGE_IN_ORDER("{path: out/sink, format: delta, mode: merge, merge: {keys: [id], sequence_by: updated}}",
        "delta"),
    DELTA_SCD2("{path: out/sink, format: delta, mode: scd2, merge: {keys: [id], sequence_by: updated}}", "delta"),
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
        boolean stagePoint = point == CrashPoint.DURING_THE_STAGED_MOVES
            || point == CrashPoint.AFTER_THE_MOVES_BEFORE_THE_COMMIT_MARKER;
        boolean logPoint = point == CrashPoint.DURING_THE_CHANGE_LOG_WRITE;
        // the quarantine is written before any sink is touched: what a crash there leaves does not depend on the
        // sink, so two sinks stand for all (a staged append and the SCD2 merge with its change log)
        boolean quarantinePoint = point == CrashPoint.DURING_THE_QUARANTINE;
        boolean representative = sink == Sink.PARQUET_APPEND || sink == Sink.DELTA_SCD2;
        if ((staged || !stagePoint) && (sink == Sink.DELTA_SCD2 || !logPoint) && (representative || !quarantinePoint)) {
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
    String validTo = sink == Sink.DELTA_SCD2 ? "coalesce(cast(_valid_to AS STRING), 'open')" : "'-'";
    Rows.of(reader.load(at("out/sink")), "id", "trim(name)", "country", "amount", "updated", validTo)
        .forEach(r -> out.add("sink " + r));
    if (sink == Sink.DELTA_SCD2) { // the changes the history was made from: each one once
      Rows.of(spark().read().format("delta").load(at("out/_prodi_sink/changes")), "id", "updated")
          .forEach(r -> out.add("log " + r));
    }
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> quarantine = spark().read().parquet(at("out/quarantine"));
    boolean keyed = java.util.Arrays.asList(quarantine.columns()).contains("_dq_run_key");
    Rows.of(quarantine, "id", "array_join(_dq_failed, ',')", keyed ? "_dq_run_key" : "'(no run key)'")
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

  /**
   * What two runs must leave, computed from the input rows without prodi or Spark: day 1 reads every
   * row, day 2 the rows after day 1's newest date; CO and MX rows go to the sink (appended, upserted on
   * id and date, or replacing the countries' partitions), the others to the quarantine keyed by the
   * run's generation; the watermark is the newest date read.
   */
  static List<String> expected(Sink sink) {
    List<String[]> day1 = csv(PEOPLE);
    String mark1 = day1.stream().map(r -> r[4]).max(String::compareTo).orElseThrow();
    List<String[]> day2 = new ArrayList<>();
    for (String[] row : csv(DAY_2)) {
      if (row[4].compareTo(mark1) > 0) {
        day2.add(row);
      }
    }
    java.util.Map<String, String[]> table = new java.util.LinkedHashMap<>();
    List<String> quarantine = new ArrayList<>();
    int generation = 0;
    for (List<String[]> batch : List.of(day1, day2)) {
      generation++;
      if (sink == Sink.PARQUET_OVERWRITE_PARTITIONED) {
        java.util.Set<String> written = new java.util.HashSet<>();
        batch.stream().filter(ExactlyOnceTest::valid).forEach(r -> written.add(r[2]));
        table.values().removeIf(r -> written.contains(r[2]));
      }
      for (String[] row : batch) {
        if (valid(row)) {
          boolean byChange = sink == Sink.DELTA_MERGE || sink == Sink.DELTA_SCD2;
          String key = byChange ? row[0] + "|" + row[4] : sink == Sink.DELTA_MERGE_IN_ORDER ? row[0]
              : String.valueOf(table.size());
          if (sink != Sink.DELTA_MERGE_IN_ORDER || !table.containsKey(key) || table.get(key)[4].compareTo(row[4]) < 0) {
            table.put(key, row);
          }
        } else {
          quarantine.add("quarantine " + row[0] + "|valid_values_country|generation-" + generation);
        }
      }
    }
    List<String> out = new ArrayList<>();
    table.values().stream().map(r -> "sink " + r[0] + "|" + r[1].trim() + "|" + r[2] + "|"
        + (r[3].isEmpty() ? "null" : String.valueOf(Double.parseDouble(r[3]))) + "|" + r[4] + "|"
        + (sink == Sink.DELTA_SCD2 ? validTo(r, table.values()) : "-")).sorted()
        .forEach(out::add);
    if (sink == Sink.DELTA_SCD2) {
      table.values().stream().map(r -> "log " + r[0] + "|" + r[4]).sorted().forEach(out::add);
    }
    quarantine.stream().sorted().forEach(out::add);
    out.add("watermark " + java.util.stream.Stream.concat(day1.stream(), day2.stream()).map(r -> r[4])
        .max(String::compareTo).orElseThrow());
    return out;
  }

  /** scd2 with every column tracked: a version ends at the next change of its key, or is open. */
  private static String validTo(String[] row, java.util.Collection<String[]> changes) {
    return changes.stream().filter(c -> c[0].equals(row[0]) && c[4].compareTo(row[4]) > 0).map(c -> c[4])
        .min(String::compareTo).orElse("open");
  }

  private static boolean valid(String[] row) {
    return row[2].equals("CO") || row[2].equals("MX");
  }

  private static List<String[]> csv(String text) {
    List<String[]> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith("id,")) {
        rows.add(line.split(",", -1));
      }
    }
    return rows;
  }

  @org.junit.jupiter.api.Test
  void theModelSeesADuplicatedRowThatTheRunsWouldHide() {
    List<String> model = expected(Sink.PARQUET_APPEND);
    assertThat(model).contains("sink 2|Luis|CO|-3.0|2024-01-02|-", "sink 2|Luis|CO|4.0|2024-01-05|-",
        "sink 7|Old|CO|1.0|2024-01-06|-", "quarantine 4|valid_values_country|generation-1",
        "quarantine 9|valid_values_country|generation-2", "watermark 2024-01-08");
    List<String> doubled = new ArrayList<>(model);
    doubled.add(0, "sink 7|Old|CO|1.0|2024-01-06|-"); // a rerun that appended day 2's rows again
    doubled.sort(null);
    assertThat(doubled).isNotEqualTo(model);
    assertThat(expected(Sink.PARQUET_OVERWRITE_PARTITIONED)).doesNotContain("sink 2|Luis|CO|4.0|2024-01-05|-")
        .contains("sink 7|Old|CO|1.0|2024-01-06|-", "sink 8|New|MX|2.0|2024-01-07|-");
    assertThat(expected(Sink.DELTA_MERGE_IN_ORDER)).contains("sink 2|Luis|CO|4.0|2024-01-05|-")
        .doesNotContain("sink 2|Luis|CO|-3.0|2024-01-02|-");
    assertThat(expected(Sink.DELTA_SCD2)).contains("sink 2|Luis|CO|-3.0|2024-01-02|2024-01-05",
        "sink 2|Luis|CO|4.0|2024-01-05|open");
  }

  @ParameterizedTest(name = "{0} crashed {1}")
  @MethodSource("matrix")
  void aRerunAfterACrashLeavesWhatTwoCleanRunsLeave(Sink sink, CrashPoint point) throws Exception {
    List<String> clean = cleanOutcome(sink);
    assertThat(clean).as("two clean runs").isEqualTo(expected(sink));
    String cfg = config(sink);

    FaultyFileSystem.failOn(point.operation, point.pattern, 1);
    RunOutput crashed = run(cfg);
    assertThat(FaultyFileSystem.fired()).as("the fault fired").isEqualTo(1);
    assertThat(crashed.exitCode()).as(crashed.toString()).isEqualTo(1);
    assertThat(crashed.errors()).singleElement().asString().startsWith("prodi: error: Cannot ");

    folder.write("in/day2.csv", DAY_2); // the next day's rows land before the rerun
    RunOutput rerun = succeed(cfg);
    if (point == CrashPoint.DURING_THE_STAGED_MOVES || point == CrashPoint.AFTER_THE_MOVES_BEFORE_THE_COMMIT_MARKER) {
      assertThat(rerun.out() + rerun.err()).contains("out/sink: an earlier attempt of this run staged these rows; "
          + "not appended again");
    }
    if (sink == Sink.DELTA_APPEND && point == CrashPoint.AFTER_THE_SINK_COMMIT_BEFORE_THE_STATE_COMMIT) {
      assertThat(rerun.out() + rerun.err()).contains("out/sink: an earlier attempt of this run committed these rows "
          + "(Delta txn version 1); not appended again");
    }
    succeed(cfg);
    List<String> outcome = outcome(sink);
    assertThat(outcome).as("no row twice").hasSize(new java.util.HashSet<>(outcome).size());
    assertThat(outcome).isEqualTo(expected(sink));
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
