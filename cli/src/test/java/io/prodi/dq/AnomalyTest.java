package io.prodi.dq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.JobCounter;
import io.prodi.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anomaly expectations: metrics of the one pass compared with the layer's earlier runs in the event log. */
class AnomalyTest {
  @TempDir
  Path tmp;

  private String config(ConfigFolder folder) {
    return folder.write("orders.yml", "layer: silver\n"
        + "io:\n  source: {format: csv, path: in/orders.csv, options: {header: 'true'}, schema: 'id INT, amount DOUBLE'}\n"
        + "  sink: {path: out/orders, mode: overwrite}\n"
        + "dq:\n  report: {path: out/dq/orders}\n  expectations:\n"
        + "    - {type: anomaly, name: rows_like_before, metric: row_count, max_change: 0.3}\n"
        + "    - {type: anomaly, name: amount_mean, metric: mean, column: amount, method: zscore, threshold: 4, "
        + "severity: warn}\n");
  }

  private void orders(ConfigFolder folder, int rows) {
    StringBuilder csv = new StringBuilder("id,amount\n");
    for (int i = 0; i < rows; i++) {
      csv.append(i).append(',').append(10 + i % 3).append('\n');
    }
    folder.write("in/orders.csv", csv.toString());
  }

  private CliRun run(String cfg) {
    return SharedSpark.prodi("run-layer", "-c", cfg, "--base-dir", tmp.toString());
  }

  @Test
  void passesOnSixNormalRunsAndFailsTheSeventhWithHalfTheRowsShowingBoundAndHistory() throws Exception {
    ConfigFolder folder = new ConfigFolder(tmp);
    String cfg = config(folder);
    for (int run = 1; run <= 6; run++) {
      orders(folder, 100 + run); // 101 .. 106 rows
      CliRun ok = run(cfg);
      assertThat(ok.exitCode()).as(ok.toString()).isZero();
      String observed = ok.summary().get("expectations").get(0).get("observed").asText();
      if (run <= 5) {
        assertThat(observed).isEqualTo("row_count " + (100 + run) + ": " + (run - 1) + " earlier successful run"
            + (run == 2 ? "" : "s") + " in the event log, 5 needed to judge; passing");
      } else {
        assertThat(observed).startsWith("row_count 106, expected within 30% of the mean of the last 5 successful runs");
      }
      assertThat(ok.summary().get("metrics").get("row_count").asDouble()).isEqualTo(100 + run);
    }

    orders(folder, 52);
    CliRun half;
    Map<String, Integer> perStep = new HashMap<>();
    try (JobCounter counter = JobCounter.start("silver")) {
      half = run(cfg);
      counter.jobs().forEach(j -> perStep.merge(j.replaceAll(" /.*", ""), 1, Integer::sum));
    }
    assertThat(half.exitCode()).as(half.toString()).isEqualTo(1);
    String expected = "row_count 52, expected within 30% of the mean of the last 6 successful runs: [72.45, 134.6] "
        + "(history, newest first: 106, 105, 104, 103, 102, 101)";
    assertThat(half.errors()).singleElement().asString().contains("rows_like_before: " + expected)
        .contains("nothing was written");
    // the metrics are columns of the one pass; the history is a read of the event log, not of the data
    assertThat(perStep).containsOnlyKeys("[silver] dq: 2 expectations in one pass");
    JsonNode report = new ObjectMapper().readTree(Files.readString(tmp.resolve("out/dq/orders.json")));
    assertThat(report.get("outcome").asText()).isEqualTo("failed");
    assertThat(report.get("expectations").get(0).get("observed").asText()).isEqualTo(expected);
    assertThat(report.get("expectations").get(1).get("status").asText()).as("mean is unchanged").isEqualTo("passed");

    Row logged = SharedSpark.session().read().format("delta").load(tmp.resolve("data/_state/_events").toString())
        .orderBy(org.apache.spark.sql.functions.col("started_at").desc()).first();
    assertThat(logged.<String>getAs("status")).isEqualTo("failed");
    assertThat(logged.<scala.collection.Map<String, Object>>getAs("metrics").get("row_count").get()).isEqualTo(52.0);
    assertThat(logged.<scala.collection.Seq<Row>>getAs("expectations").apply(0).<String>getAs("observed"))
        .isEqualTo(expected);
  }

  @Test
  void theConfigSaysWhatIsWrongWithAnAnomalyCheck() {
    ConfigFolder folder = new ConfigFolder(tmp);
    String cfg = folder.write("bad.yml", "layer: silver\nio:\n  source: {path: in}\n  sink: {path: out}\n"
        + "dq:\n  expectations:\n"
        + "    - {type: anomaly, name: a, metric: median, column: x}\n"
        + "    - {type: anomaly, name: b, metric: mean}\n"
        + "    - {type: anomaly, name: c, metric: row_count, method: zscore, max_change: 0.2}\n"
        + "    - {type: anomaly, name: d, metric: row_count, window: 3, min_history: 5, on_fail: drop}\n");
    CliRun run = CliRun.prodi("validate", "-c", cfg);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains(
        "prodi: error: " + cfg + ": dq.expectations[0].metric: Cannot use anomaly metric 'median': unknown anomaly "
            + "metric, did you mean 'mean'? (valid: row_count, null_fraction, distinct_count, mean, sum, min, max)",
        "prodi: error: " + cfg + ": dq.expectations[2].max_change: Cannot use max_change with method zscore: it "
            + "belongs to method relative (0.2)",
        "prodi: error: " + cfg + ": dq.expectations[3].min_history: Cannot need 5 runs of history from a window of 3: "
            + "min_history must be at most window (5)");
    assertThat(run.errors()).anyMatch(e -> e.startsWith("prodi: error: " + cfg + ": dq.expectations[1].column: "))
        .anyMatch(e -> e.startsWith("prodi: error: " + cfg + ": dq.expectations[3].on_fail: Cannot drop rows"));
  }
}
