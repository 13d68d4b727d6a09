package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.testing.CliRun;
import io.prodi.testing.SharedSpark;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The event log: one typed row per real run, replaced (not doubled) by a rerun, never failing a committed run. */
class EventLogTest extends EngineTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SINK = "    - {format: parquet, path: out/people, mode: overwrite}\n";

  @Test
  void successfulFailedAndDryRunsEachLeaveWhatTheyShould() throws Exception {
    String good = config("good.yml", "silver", SINK, "");
    String bad = config("bad.yml", "silver", SINK, "dq:\n  expectations:\n    - {type: not_null, column: name}\n");
    CliRun ok = succeed(good);
    CliRun failed = run(bad);
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
    CliRun dry = run(good, "--dry-run");
    assertThat(dry.exitCode()).isZero();

    Dataset<Row> log = spark().read().format("delta").load(at("data/_state/_events"));
    assertThat(log.count()).as("the dry run records nothing: it changes nothing anywhere").isEqualTo(2);
    Row success = log.where("config LIKE '%good.yml'").first();
    assertThat((String) success.getAs("status")).isEqualTo("succeeded");
    assertThat((String) success.getAs("run_id")).isEqualTo(ok.summary().get("run_id").asText());
    assertThat((Long) success.getAs("rows_in")).isEqualTo(5L);
    assertThat((Long) success.getAs("rows_out")).isEqualTo(5L);
    assertThat((String) success.getAs("dataset")).isEqualTo("good");
    assertThat((String) success.getAs("config_sha256")).as("the config file's SHA-256, as sha256sum prints it")
        .isEqualTo(String.format("%064x", new java.math.BigInteger(1, java.security.MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(Path.of(good))))));
    assertThat(success.<java.sql.Timestamp>getAs("ended_at")).isAfterOrEqualTo(success.<java.sql.Timestamp>getAs("started_at"));
    Row failure = log.where("config LIKE '%bad.yml'").first();
    assertThat((String) failure.getAs("status")).isEqualTo("failed");
    assertThat((Integer) failure.getAs("failed_expectations")).isEqualTo(1);
    assertThat((String) failure.getAs("error")).contains("not_null_name");
    assertThat(log.where("config LIKE '%bad.yml'").selectExpr("expectations[0].failed").first().getLong(0)).isEqualTo(1L);
  }

  @Test
  void aRerunUnderTheSameRunIdReplacesItsRowAndHistoryShowsTheNewest() throws Exception {
    String cfg = config("p.yml", "silver", SINK, "dq:\n  expectations:\n    - {type: not_null, column: name}\n");
    CliRun first = run(cfg, "--vars", "run_id=nightly-1");
    assertThat(first.exitCode()).isEqualTo(1);
    Files.writeString(Path.of(cfg), Files.readString(Path.of(cfg)).replace("not_null, column: name", "not_null, column: id"));
    succeed(cfg, "--vars", "run_id=nightly-1");
    succeed(cfg, "--vars", "run_id=nightly-2");

    Dataset<Row> log = spark().read().format("delta").load(at("data/_state/_events"));
    assertThat(log.count()).isEqualTo(2);
    assertThat(log.where("run_id = 'nightly-1'").first().<String>getAs("status")).isEqualTo("succeeded");

    CliRun history = SharedSpark.prodi("history", "-c", cfg, "--base-dir", tmp.toString(), "--json", "--last", "5");
    assertThat(history.exitCode()).as(history.toString()).isZero();
    List<String> runIds = StreamSupport.stream(JSON.readTree(history.out()).spliterator(), false)
        .map(r -> r.get("run_id").asText()).collect(Collectors.toList());
    assertThat(runIds).containsExactly("nightly-2", "nightly-1");

    Path png = tmp.resolve("rows.png");
    CliRun table = SharedSpark.prodi("history", "-c", cfg, "--base-dir", tmp.toString(), "--last", "1",
        "--plot", png.toString());
    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.outLines()).hasSize(4); // blank lines left out
    assertThat(table.outLines().get(1)).startsWith("started (UTC)").contains("status", "rows in", "rows out");
    assertThat(table.outLines().get(2)).contains("succeeded", "0 of 1", "nightly-2").containsPattern("\\s5\\s+5\\s");
    assertThat(table.outLines().get(3)).startsWith("rows out per run, oldest first: █");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(720);
  }

  @Test
  void historyShowsAFailedRunsErrorEveryColumnAsJsonAndTheFailureInBothCharts() throws Exception {
    String cfg = config("h.yml", "silver", SINK, "dq:\n  expectations:\n    - {type: not_null, column: name}\n");
    assertThat(run(cfg).exitCode()).isEqualTo(1);
    Files.writeString(Path.of(cfg), Files.readString(Path.of(cfg)).replace("not_null, column: name", "not_null, column: id"));
    succeed(cfg);

    CliRun json = SharedSpark.prodi("history", "-c", cfg, "--base-dir", tmp.toString(), "--json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode runs = JSON.readTree(json.out());
    List<String> columns = List.of(spark().read().format("delta").load(at("data/_state/_events")).columns());
    for (JsonNode run : runs) {
      List<String> keys = new java.util.ArrayList<>();
      run.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).as("every column of the event log, nulls too").containsExactlyInAnyOrderElementsOf(columns)
          .contains("event_key");
    }
    JsonNode failed = runs.get(1);
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("rows_out").isNull()).as(failed.toString()).isTrue();
    assertThat(runs.get(0).get("error").isNull()).isTrue();
    String error = failed.get("error").asText();

    Path png = tmp.resolve("h.png");
    CliRun table = SharedSpark.prodi("history", "-c", cfg, "--base-dir", tmp.toString(), "--plot", png.toString());
    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.outLines().get(1)).endsWith("error");
    assertThat(table.outLines().get(2)).contains("succeeded").endsWith(" -");
    assertThat(table.outLines().get(3)).contains("failed", error.substring(0, 40));
    assertThat(table.outLines().get(4)).startsWith("rows out per run, oldest first: ×█").endsWith("; × a failed run");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getRGB(150, 60) & 0xFFFFFF).as("the failed run's bar, full height, red").isEqualTo(0xC62828);
    assertThat(image.getRGB(460, 60) & 0xFFFFFF).as("the good run's bar, full height too (the most rows)")
        .isEqualTo(0x1565C0);
  }

  @Test
  void anUnwritableEventLogIsOneWarningAndTheCommittedRunStillSucceeds() throws Exception {
    folder.write("env.yml", "timezone: UTC\nevents: {uri: in/people.csv/events}\n"); // under a file: cannot be made
    String cfg = config("w.yml", "silver", SINK, "environment_config: env.yml\n");
    CliRun run = succeed(cfg);
    List<String> warnings = run.errLines().stream().filter(l -> l.contains("event log")).collect(Collectors.toList());
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).startsWith("prodi: warning: [silver] Cannot write the event log: ")
        .endsWith("(" + at("in/people.csv/events") + ")");
    assertThat(read("parquet", "out/people").count()).isEqualTo(5);
    assertThat(run.summary().get("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void historyWithoutAnyRunSaysSoAndBadArgumentsAreUsageErrors() {
    String cfg = config("h.yml", "silver", SINK, "");
    CliRun none = SharedSpark.prodi("history", "-c", cfg, "--base-dir", tmp.toString());
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).startsWith("No runs of h.silver in the event log yet (" + at("data/_state/_events") + ")");
    CliRun zero = SharedSpark.prodi("history", "-c", cfg, "--last", "0");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("Cannot show the history: --last must be 1 or more (0)");
    assertThat(Files.exists(tmp.resolve("data"))).isFalse();
  }
}
