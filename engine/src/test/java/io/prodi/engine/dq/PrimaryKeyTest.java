package io.prodi.engine.dq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.engine.LayerRuns;
import io.prodi.testing.RunOutput;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.JobCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code primary_key}: the key columns together are never null and never repeated; the report gives
 * the null keys and the repeated keys with samples; evaluated in the shared pass with the others.
 */
class PrimaryKeyTest {
  @TempDir
  Path tmp;
  ConfigFolder folder;

  @BeforeEach
  void setUp() {
    folder = new ConfigFolder(tmp);
    folder.write("in/tx.csv", DataQualityTest.DATA);
  }

  private String config(String expectations) {
    return folder.write("silver.yml", "layer: silver\n"
        + "io:\n  source: {format: csv, path: in/tx.csv, options: {header: 'true'}, schema: " + DataQualityTest.SCHEMA
        + "}\n  sink: {path: out/kept}\ndq:\n  expectations:\n" + expectations);
  }

  private RunOutput run(String config) {
    return LayerRuns.run(config, tmp);
  }

  @Test
  void nullAndRepeatedKeysFailWithSamplesOfEach() {
    RunOutput run = run(config("    - {type: primary_key, columns: [id], severity: warn}\n"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode result = run.summary().get("expectations").get(0);
    assertThat(result.get("name").asText()).isEqualTo("primary_key_id");
    assertThat(result.get("status").asText()).isEqualTo("failed");
    assertThat(result.get("failed").asLong()).as("the null id and both rows of id 4").isEqualTo(3);
    assertThat(result.get("rows_checked").asLong()).isEqualTo(8);
    assertThat(result.get("observed").asText()).isEqualTo("1 row with a null key, 1 key repeated (2 rows)");
    assertThat(result.get("samples")).extracting(JsonNode::asText)
        .containsExactly("null key {\"id\":null}", "repeated {\"id\":4} ×2");
    assertThat(run.err()).contains("expectation primary_key_id: 3 of 8 rows failed: 1 row with a null key, "
        + "1 key repeated (2 rows) (samples: null key {\"id\":null}, repeated {\"id\":4} ×2) (warn, on_fail warn)");
  }

  @Test
  void aCompositeKeyIsRepeatedOnlyWhenEveryColumnIs() {
    RunOutput run = run(config("    - {type: primary_key, columns: [id, currency], severity: warn}\n"));
    JsonNode result = run.summary().get("expectations").get(0);
    assertThat(result.get("failed").asLong()).as("a null id, a null currency; id 4 has two currencies").isEqualTo(2);
    assertThat(result.get("observed").asText()).isEqualTo("2 rows with a null key, 0 keys repeated (0 rows)");
  }

  @Test
  void anErrorPrimaryKeyStopsTheRunBeforeAnythingIsWritten() {
    RunOutput run = run(config("    - {type: primary_key, columns: [id]}\n"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).singleElement().asString().startsWith("prodi: error: Cannot write the silver output: "
        + "1 error expectation failed: primary_key_id: 3 of 8 rows failed");
    assertThat(tmp.resolve("out/kept")).doesNotExist();
  }

  /** Row actions need row-level types: the message lists them from the registry; the run refuses before writing. */
  @Test
  void rowsOfAKeyCannotBeDropped() {
    RunOutput run = run(config("    - {type: primary_key, columns: [id], on_fail: drop}\n"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(tmp.resolve("out")).doesNotExist();
    assertThat(run.err()).contains("dq.expectations[0].on_fail: Cannot drop rows for a primary_key expectation: row "
        + "actions apply to row-level types (condition, non_negative, not_null, range, regex, valid_values, value_parses) (drop)");
  }

  /** Evaluated in the one shared pass with the other expectations: no job of its own when the key holds. */
  @Test
  void aHoldingKeyAddsNoJobToTheSharedPass() {
    folder.write("in/tx.csv", "id,amount,currency,email,ts\n1,1.0,USD,a@x.io,2024-06-01 10:00:00\n"
        + "2,2.0,EUR,b@x.io,2024-06-01 11:00:00\n3,3.0,COP,c@x.io,2024-06-01 12:00:00\n");
    String cfg = config("    - {type: primary_key, columns: [id], severity: warn}\n"
        + "    - {type: not_null, column: email, severity: warn}\n"
        + "    - {type: valid_values, column: currency, values: [USD, EUR, COP], severity: warn}\n");
    try (JobCounter counter = JobCounter.start("silver")) {
      RunOutput run = run(cfg);
      assertThat(run.exitCode()).as(run.toString()).isZero();
      Map<String, Integer> perStep = new HashMap<>();
      counter.jobs().forEach(j -> perStep.merge(j.replaceAll(" /.*", ""), 1, Integer::sum));
      assertThat(perStep).containsOnlyKeys("[silver] dq: 3 expectations in one pass", "[silver] write sink 1 files");
      assertThat(run.summary().get("expectations")).allMatch(e -> e.get("status").asText().equals("passed"));
    }
  }

  /** Random keys with nulls and repeats against a plain-Java count of the rows that break the key. */
  @Test
  void theFailingRowsMatchAPlainJavaModelOnRandomKeys() {
    Random random = new Random(11);
    for (int round = 0; round < 6; round++) {
      StringBuilder csv = new StringBuilder("a,b\n");
      List<String> keys = new ArrayList<>();
      int rows = 5 + random.nextInt(40);
      for (int i = 0; i < rows; i++) {
        String a = random.nextInt(8) == 0 ? "" : String.valueOf(random.nextInt(6));
        String b = random.nextInt(8) == 0 ? "" : String.valueOf((char) ('x' + random.nextInt(3)));
        csv.append(a).append(',').append(b).append('\n');
        keys.add(a.isEmpty() || b.isEmpty() ? null : a + "|" + b);
      }
      Map<String, Integer> seen = new HashMap<>();
      keys.stream().filter(k -> k != null).forEach(k -> seen.merge(k, 1, Integer::sum));
      long expected = keys.stream().filter(k -> k == null || seen.get(k) > 1).count();
      folder.write("in/keys.csv", csv.toString());
      String cfg = folder.write("keys.yml", "layer: silver\nio:\n  source: {format: csv, path: in/keys.csv, options: "
          + "{header: 'true'}, schema: 'a INT, b STRING'}\n  sink: {kind: noop}\n"
          + "dq:\n  expectations: [{type: primary_key, columns: [a, b], severity: warn}]\n");
      RunOutput run = run(cfg);
      assertThat(run.summary().get("expectations").get(0).get("failed").asLong()).as("round %d:\n%s", round, csv)
          .isEqualTo(expected);
    }
  }
}
