package io.prodi.engine.dq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.engine.LayerRuns;
import io.prodi.testing.RunOutput;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.JobCounter;
import io.prodi.testing.Rows;
import io.prodi.testing.TestSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations of every type, actions, the decision, the report. */
class DataQualityTest {
  /** 8 rows: a null id, a duplicated id, a negative and a huge amount, a bad currency, a bad email, a null email. */
  static final String DATA = "id,amount,currency,email,ts\n"
      + "1,10.0,USD,a@x.io,2024-06-01 10:00:00\n"
      + "2,-5.0,EUR,b@x.io,2024-06-01 11:00:00\n"
      + "3,0.0,COP,bad-email,2024-06-02 10:00:00\n"
      + ",7.5,USD,c@x.io,2024-06-02 12:00:00\n"
      + "4,99999.0,GBP,,2024-06-03 09:00:00\n"
      + "4,1.0,USD,d@x.io,2024-06-03 10:00:00\n"
      + "5,,EUR,e@x.io,2024-06-03 11:00:00\n"
      + "6,3.0,,f@x.io,2024-06-04 08:00:00\n";
  static final String SCHEMA = "'id INT, amount DOUBLE, currency STRING, email STRING, ts TIMESTAMP'";

  @TempDir
  Path tmp;
  ConfigFolder folder;

  @BeforeEach
  void setUp() {
    folder = new ConfigFolder(tmp);
    folder.write("in/tx.csv", DATA);
    folder.write("in/accounts.csv", "id\n1\n2\n3\n4\n");
  }

  private String config(String expectations, String dqExtra) {
    return folder.write("silver.yml", "layer: silver\n"
        + "io:\n  source: {format: csv, path: in/tx.csv, options: {header: 'true'}, schema: " + SCHEMA + "}\n"
        + "  sink: {path: out/kept}\n"
        + "dq:\n  quarantine: {path: out/quarantine}\n  report: {path: out/dq/report}\n" + dqExtra
        + "  expectations:\n" + expectations);
  }

  private RunOutput run(String config, String... more) {
    return LayerRuns.run(config, tmp, more);
  }

  private static JsonNode summary(RunOutput run) {
    return run.summary();
  }

  /** Each type on the same data with severity warn: the exact number of failing rows (nulls stated). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{type: not_null, column: id}                                  | 1",
      "{type: not_null, column: email}                               | 1",
      "{type: unique, columns: [id]}                                 | 2",
      "{type: unique, column: currency}                              | 5",
      "{type: non_negative, column: amount}                          | 1",
      "{type: valid_values, column: currency, values: [USD, EUR, COP]} | 1",
      "{type: range, column: amount, min: 0, max: 1000}              | 2",
      "{type: range, column: amount, max: 5}                         | 3",
      "{type: range, column: ts, min: '2024-06-02'}                  | 2",
      "{type: condition, expr: 'amount <> 0', name: non_zero}        | 1",
      "{type: regex, column: email, pattern: '^[^@]+@[^@]+$'}        | 1",
      "{type: referential, column: id, ref: {format: csv, path: in/accounts.csv, options: {header: 'true'}, column: id}} | 2",
  })
  void eachRowTypeCountsItsFailingRowsAndIgnoresNullsUnlessAskedFor(String expectation, long failed) throws Exception {
    String spec = expectation.substring(0, expectation.length() - 1) + ", severity: warn}";
    RunOutput run = run(config("    - " + spec + "\n", ""));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode result = summary(run).get("expectations").get(0);
    assertThat(result.get("failed").asLong()).as(result.toString()).isEqualTo(failed);
    assertThat(result.get("status").asText()).isEqualTo("failed");
    assertThat(result.get("rows_checked").asLong()).isEqualTo(8);
    assertThat(result.get("samples")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{type: min_row_count, value: 8}                              | passed | 8 rows, expected at least 8",
      "{type: min_row_count, value: 9}                              | failed | 8 rows, expected at least 9",
      "{type: max_row_count, value: 7}                              | failed | 8 rows, expected at most 7",
      "{type: columns_exist, columns: [id, amount]}                 | passed | all present",
      "{type: columns_exist, columns: [id, nope]}                   | failed | missing nope",
      "{type: freshness, column: ts, max_age: P36500D}              | passed | ",
      "{type: freshness, column: ts, max_age: PT1H}                 | failed | ",
  })
  void tableAndSchemaTypes(String expectation, String status, String observed) throws Exception {
    String spec = expectation.substring(0, expectation.length() - 1) + ", severity: warn}";
    RunOutput run = run(config("    - " + spec + "\n", ""));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode result = summary(run).get("expectations").get(0);
    assertThat(result.get("status").asText()).isEqualTo(status);
    if (observed != null) {
      assertThat(result.get("observed").asText()).isEqualTo(observed);
    } else {
      assertThat(result.get("observed").asText()).startsWith("newest 2024-06-04T08:00:00Z, expected at or after ");
    }
  }

  @Test
  void aFailingErrorExpectationEndsTheRunBeforeAnythingIsWritten() throws Exception {
    RunOutput run = run(config("    - {type: not_null, column: id}\n"
        + "    - {type: valid_values, column: currency, values: [USD, EUR, COP], on_fail: quarantine}\n", ""));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).containsExactly("prodi: error: Cannot write the silver output: 1 error expectation "
        + "failed: not_null_id: 1 of 8 rows failed (samples: null) (fail_on_error true; nothing was written)");
    assertThat(tmp.resolve("out/kept")).doesNotExist();
    assertThat(tmp.resolve("out/quarantine")).doesNotExist();
    assertThat(tmp.resolve("out/dq/report.json")).content().contains("\"outcome\" : \"failed\"");
    assertThat(summary(run).get("status").asText()).isEqualTo("failed");
  }

  @Test
  void failOnErrorFalseAndTheFlagsTurnFailuresIntoWarnings() throws Exception {
    String cfg = config("    - {type: not_null, column: id}\n", "  fail_on_error: false\n");
    RunOutput warned = run(cfg);
    assertThat(warned.exitCode()).isZero();
    assertThat(warned.errLines()).contains("prodi: warning: [silver] expectation not_null_id: 1 of 8 rows failed "
        + "(samples: null) (error, on_fail fail, fail_on_error false)");
    assertThat(run(cfg, "--dq-fail-on-error").exitCode()).isEqualTo(1);
    String strict = config("    - {type: not_null, column: id}\n", "");
    assertThat(run(strict, "--dq-no-fail-on-error").exitCode()).isZero();
  }

  @Test
  void quarantinedRowsCarryExactlyTheRulesTheyBrokeAndDroppedPlusKeptIsTheInput() throws Exception {
    RunOutput run = run(config("    - {type: valid_values, column: currency, values: [USD, EUR, COP], on_fail: quarantine}\n"
        + "    - {type: non_negative, column: amount, on_fail: quarantine}\n"
        + "    - {type: condition, expr: 'amount <> 0', name: non_zero, on_fail: drop}\n"
        + "    - {type: regex, column: email, pattern: '@', severity: warn}\n"
        + "    - {type: range, column: amount, max: 1000, on_fail: quarantine}\n", ""), "--vars", "run_id=r-1");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Rows.of(TestSession.get().read().parquet(tmp.resolve("out/quarantine").toString()),
        "id", "array_join(_dq_failed, '+')", "_dq_run_id"))
        .containsExactly("2|non_negative_amount|r-1", "4|valid_values_currency+range_amount|r-1");
    long kept = TestSession.get().read().parquet(tmp.resolve("out/kept").toString()).count();
    JsonNode summary = summary(run);
    assertThat(kept).isEqualTo(5).isEqualTo(summary.get("sinks").get(0).get("rows").asLong());
    assertThat(summary.get("quarantine").get("rows").asLong()).isEqualTo(2);
    assertThat(kept + 2 + 1).isEqualTo(8);
    assertThat(tmp.resolve("out/dq/report.md")).content().contains("| non_zero | condition |  | error | drop | "
        + "**failed** | 8 | 1 |");
  }

  /**
   * Eight row-level expectations, a drop and a quarantine: the source is scanned once (its bytes read
   * once), the expectations take ONE aggregation, the samples of the failed ones one small job, then
   * the quarantine and the sink read the cache.
   */
  @Test
  void eightRowExpectationsADropAndAQuarantineTakeOnePassOverTheInput() throws Exception {
    String cfg = config("    - {type: not_null, column: currency, severity: warn}\n"
        + "    - {type: not_null, column: email, severity: warn}\n"
        + "    - {type: non_negative, column: amount, on_fail: quarantine}\n"
        + "    - {type: valid_values, column: currency, values: [USD, EUR, COP, GBP], severity: warn}\n"
        + "    - {type: range, column: amount, min: -100, max: 100000, severity: warn}\n"
        + "    - {type: condition, expr: 'amount <> 0', name: non_zero, on_fail: drop}\n"
        + "    - {type: regex, column: email, pattern: '@', severity: warn}\n"
        + "    - {type: not_null, column: ts, severity: warn}\n", "");
    long before = JobCounter.localBytesRead();
    try (JobCounter counter = JobCounter.start("silver")) {
      RunOutput run = run(cfg);
      assertThat(run.exitCode()).as(run.toString()).isZero();
      List<String> jobs = counter.jobs();
      // the config is read with java.nio (a local file), so Hadoop's counters see the source alone
      assertThat(JobCounter.localBytesRead() - before).as("the source read once through Hadoop; jobs %s", jobs)
          .isEqualTo(DATA.length());
      Map<String, Integer> perStep = new HashMap<>();
      jobs.forEach(j -> perStep.merge(j.replaceAll(" /.*", ""), 1, Integer::sum));
      assertThat(perStep).containsOnlyKeys("[silver] dq: 8 expectations in one pass",
          "[silver] dq: samples of 5 failed expectations", "[silver] write quarantine", "[silver] write sink 1 files");
      // samples: one small job over the cached failing rows, only because rules failed
      assertThat(perStep.get("[silver] dq: samples of 5 failed expectations")).isEqualTo(1);
      // the one aggregation is three jobs under adaptive execution: the cache filled from the source (a
      // table-cache query stage), the partial aggregation over the cache, the final row
      assertThat(perStep.get("[silver] dq: 8 expectations in one pass")).isEqualTo(3);
      assertThat(perStep.get("[silver] write quarantine")).isEqualTo(1);
      assertThat(perStep.get("[silver] write sink 1 files")).isEqualTo(1);
    }
  }

  /** Nothing can stop the run and one sink reads the output: the checks ride on the write, no cache. */
  @Test
  void warningsAreCountedDuringTheWriteWithoutACache() throws Exception {
    String cfg = config("    - {type: not_null, column: id, severity: warn}\n"
        + "    - {type: condition, expr: 'amount <> 0', name: non_zero, on_fail: drop}\n", "");
    try (JobCounter counter = JobCounter.start("silver")) {
      RunOutput run = run(cfg);
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(counter.jobs()).filteredOn(j -> j.startsWith("[silver] dq: 2 expectations")).isEmpty();
      JsonNode summary = summary(run);
      assertThat(summary.get("expectations").get(0).get("failed").asLong()).isEqualTo(1);
      assertThat(summary.get("sinks").get(0).get("rows").asLong()).isEqualTo(7);
    }
    assertThat(TestSession.get().read().parquet(tmp.resolve("out/kept").toString()).count()).isEqualTo(7);
  }

  /** With only a noop sink nothing computes the output: the checks run as their own one pass. */
  @Test
  void aNoopSinkStillGetsItsChecks() throws Exception {
    String cfg = folder.write("noop.yml", "layer: silver\n"
        + "io:\n  source: {format: csv, path: in/tx.csv, options: {header: 'true'}, schema: " + SCHEMA + "}\n"
        + "  sink: {kind: noop}\n"
        + "dq: {expectations: [{type: valid_values, column: currency, values: [USD, EUR, COP], severity: warn}]}\n");
    RunOutput run = run(cfg);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode result = summary(run).get("expectations").get(0);
    assertThat(result.get("failed").asLong()).isEqualTo(1);
    assertThat(result.get("samples").get(0).asText()).isEqualTo("GBP");
    assertThat(summary(run).get("sources").get(0).get("rows").asLong()).isEqualTo(8);
  }
}
