package io.prodi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.load.ConfigLoader;
import io.prodi.env.RunEnvironment;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.TestConfigFiles;
import io.prodi.yaml.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of typed value (whole and decimal numbers, booleans, durations, dates and timestamps, lists,
 * enums, mappings) rejects a malformed value at its YAML path, so that no mistake validates and then quietly
 * changes what a run does. A single scalar where a list is wanted is a list of one (the one rule for every
 * list key).
 */
class TypedValuesTest {
  private static final String FILES = "layer: silver\ndry_run: false\nio:\n  source: {path: in, format: csv}\n"
      + "  sink: {path: out}\ntransform: {sql: 'SELECT * FROM __INPUT__'}\n";
  private static final String HTTP = "layer: raw\ndry_run: false\nio:\n  sink: {path: out}\n  source:\n"
      + "    type: http\n    url: 'http://127.0.0.1:1/api'\n";

  @TempDir
  Path tmp;

  private List<String> errors(String yaml) {
    String file = new ConfigFolder(tmp).write("cfg.yml", yaml);
    try {
      new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(), tmp.toString())
          .loadLayer(file, Optional.empty());
      return List.of();
    } catch (ConfigException e) {
      return e.problems().stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.toList());
    }
  }

  private List<String> dq(String expectation) {
    return errors(FILES + "dq: {expectations: [" + expectation + "]}\n");
  }

  @Test
  void wholeNumbers() {
    assertThat(errors(HTTP + "    pagination: {strategy: page_number, page_size: '100'}\n")).containsExactly(
        "io.source.pagination.page_size: Cannot read page_size: expected a whole number (100)");
    assertThat(errors(HTTP + "    retries: {max_attempts: 2.5}\n")).containsExactly(
        "io.source.retries.max_attempts: Cannot read max_attempts: expected a whole number (2.5)");
    assertThat(dq("{type: min_row_count, value: ten}")).containsExactly(
        "dq.expectations[0].value: Cannot read value: expected a whole number (ten)");
  }

  @Test
  void decimalNumbers() {
    assertThat(errors(HTTP + "    timeout: ten\n")).containsExactly(
        "io.source.timeout: Cannot read timeout: expected a number (ten)");
    assertThat(dq("{type: range, column: amount, max: 1e8x}")).containsExactly(
        "dq.expectations[0].max: Cannot read max: expected a number, a date (yyyy-MM-dd) or a timestamp "
            + "(yyyy-MM-dd HH:mm:ss) that exists (1e8x)");
  }

  @Test
  void booleans() {
    assertThat(errors(FILES + "dq: {fail_on_error: 'yes', expectations: [{type: not_null, column: a}]}\n"))
        .containsExactly("dq.fail_on_error: Cannot read fail_on_error: expected a YAML boolean (true or false, "
            + "unquoted) (yes)");
  }

  @Test
  void durations() {
    assertThat(dq("{type: freshness, column: ts, max_age: 3 days}")).containsExactly(
        "dq.expectations[0].max_age: Cannot read max_age: expected an ISO-8601 duration such as PT6H or P1D (3 days)");
    assertThat(errors(FILES.replace("format: csv}", "format: csv, incremental: {watermark: {field: ts, lag: 1h}}}")))
        .containsExactly("io.source.incremental.watermark.lag: Cannot read lag: expected an ISO-8601 duration such "
            + "as PT1H or P1D (1h)");
  }

  @Test
  void datesAndTimestampsThatDoNotExist() {
    assertThat(dq("{type: range, column: d, min: '2024-02-30'}")).containsExactly(
        "dq.expectations[0].min: Cannot read min: expected a number, a date (yyyy-MM-dd) or a timestamp "
            + "(yyyy-MM-dd HH:mm:ss) that exists (2024-02-30)");
    assertThat(dq("{type: range, column: t, max: '2024-01-01 25:00:00'}")).hasSize(1).first().asString()
        .startsWith("dq.expectations[0].max: Cannot read max: ");
    assertThat(dq("{type: range, column: t, min: '2024-01-01', max: 5}")).containsExactly(
        "dq.expectations[0].max: Cannot check a range: min and max must both be numbers or both dates/timestamps "
            + "(date 2024-01-01, number 5)");
    assertThat(dq("{type: range, column: t, min: '2024-01-02', max: '2024-01-01 10:00:00'}")).containsExactly(
        "dq.expectations[0].min: Cannot check a range: min is greater than max, so every row would fail "
            + "(2024-01-02 > 2024-01-01 10:00:00)");
    assertThat(dq("{type: range, column: t, min: '2024-01-01 10:00:00', max: '2024-01-01T09:00:00Z'}"))
        .containsExactly("dq.expectations[0].min: Cannot check a range: min is greater than max, so every row would "
            + "fail (2024-01-01 10:00:00 > 2024-01-01T09:00:00Z)");
    assertThat(dq("{type: range, column: t, min: '2024-01-01', max: '2024-12-31'}")).isEmpty();
  }

  @Test
  void lists() {
    assertThat(errors(FILES.replace("sink: {path: out}", "sink: {path: out, partition_by: {a: 1}}")))
        .containsExactly("io.sink.partition_by: Cannot read partition_by: expected a list ({\"a\":1})");
    assertThat(dq("{type: valid_values, column: c, values: USD}")).as("a scalar is a list of one").isEmpty();
  }

  @Test
  void enums() {
    assertThat(dq("{type: not_null, column: c, severity: fatal}")).containsExactly(
        "dq.expectations[0].severity: Cannot use severity 'fatal': unknown severity (valid: error, warn)");
    assertThat(errors(FILES.replace("sink: {path: out}", "sink: {path: out, mode: upsrt}"))).containsExactly(
        "io.sink.mode: Cannot use write mode 'upsrt': unknown write mode (valid: append, error, ignore, merge, "
            + "overwrite, scd2)");
  }

  @Test
  void mappings() {
    assertThat(errors(FILES.replace("sink: {path: out}", "sink: {path: out, options: [a, b]}"))).containsExactly(
        "io.sink.options: Cannot read options: expected a mapping ([\"a\",\"b\"])");
  }
}
