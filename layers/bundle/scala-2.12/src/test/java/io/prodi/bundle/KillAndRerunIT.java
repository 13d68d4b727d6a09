package io.prodi.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A real {@code kill -9} of an incremental silver layer's JVM (60k rows; Delta append, parquet append
 * and a quarantine), at two moments, then {@code prodi state unlock} and the rerun: every table equals a
 * clean run's and the counts and sum computed here from the generated input, no row twice, the same
 * watermark. Before the rerun the test checks where the kill landed: the lease still held, the
 * intent recorded, no watermark committed.
 */
class KillAndRerunIT {
  private static final String SILVER = "layer: silver\nstate: {uri: state}\n"
      + "io:\n  source: {name: people, format: csv, path: in, options: {header: 'true'}, schema: 'id INT, name STRING,"
      + " country STRING, amount DOUBLE, updated DATE', incremental: {watermark: {field: updated}}}\n"
      + "  sink:\n    - {path: out/delta, format: delta, mode: append}\n    - {path: out/parquet, mode: append}\n"
      + "dq:\n  expectations:\n    - {type: valid_values, column: country, values: [CO, MX], on_fail: quarantine}\n"
      + "  quarantine: {path: out/quarantine, mode: append}\n";
  private static final String CHECK = "layer: gold\n"
      + "io:\n  source:\n    - {name: d, format: delta, path: out/delta}\n    - {name: p, format: parquet, path: out/parquet}\n"
      + "    - {name: q, format: parquet, path: out/quarantine}\n"
      + "  sink: {path: out/check, format: csv, mode: overwrite, coalesce: 1}\n"
      + "transform:\n  sql: \"SELECT (SELECT count(*) FROM d) AS d_rows, (SELECT count(DISTINCT id) FROM d) AS d_ids,"
      + " (SELECT count(*) FROM p) AS p_rows, (SELECT count(DISTINCT id) FROM p) AS p_ids,"
      + " (SELECT count(*) FROM q) AS q_rows, (SELECT count(DISTINCT id) FROM q) AS q_ids,"
      + " (SELECT round(sum(amount), 2) FROM p) AS p_amount LIMIT 1\"\n";
  private static final java.nio.file.Path STATE = java.nio.file.Paths.get("state/silver~3A~3Asilver~3A~3Apeople");
  private static final int ROWS = 60_000;
  private static String clean;
  /** The sum of the amounts of the rows the silver layer keeps (CO and MX), from the generated input. */
  private static java.math.BigDecimal keptAmount = java.math.BigDecimal.ZERO;

  @TempDir
  static Path cleanBase;

  @BeforeAll
  static void cleanRun() throws Exception {
    prepare(cleanBase);
    clean = silverThenCheck(cleanBase);
    assertMatchesTheInput(clean);
  }

  /** The check's line against what the generated input gives: 2 of 3 rows kept, 1 of 3 quarantined, each once. */
  private static void assertMatchesTheInput(String checked) {
    int kept = ROWS * 2 / 3;
    int quarantined = ROWS - kept;
    String[] fields = checked.split("[, ]");
    assertThat(String.join(",", java.util.Arrays.copyOf(fields, 6))).isEqualTo(
        kept + "," + kept + "," + kept + "," + kept + "," + quarantined + "," + quarantined);
    assertThat(Double.parseDouble(fields[6])).isCloseTo(keptAmount.doubleValue(), org.assertj.core.data.Offset.offset(0.011));
    assertThat(fields[7]).isEqualTo("2024-01-29"); // the newest updated date of the input
  }

  private static void prepare(Path base) throws IOException {
    Files.createDirectories(base.resolve("in"));
    Files.writeString(base.resolve("silver.yml"), SILVER);
    Files.writeString(base.resolve("check.yml"), CHECK);
    Files.writeString(base.resolve("pipeline.yml"), "name: silver-and-check\nsteps:\n"
        + "  - {name: silver, layer: silver, config: silver.yml}\n  - {name: check, layer: gold, config: check.yml}\n");
    StringBuilder csv = new StringBuilder("id,name,country,amount,updated\n");
    Random random = new Random(7);
    String[] countries = {"CO", "MX", "US"};
    java.math.BigDecimal amount = java.math.BigDecimal.ZERO;
    for (int i = 0; i < ROWS; i++) {
      int cents = random.nextInt(100_000);
      csv.append(i).append(",n").append(i).append(',').append(countries[i % 3]).append(',')
          .append(cents / 100.0).append(",2024-01-").append(10 + i % 20).append('\n');
      if (i % 3 != 2) {
        amount = amount.add(java.math.BigDecimal.valueOf(cents, 2));
      }
    }
    keptAmount = amount;
    Files.writeString(base.resolve("in/people.csv"), csv);
  }

  /**
   * Silver, then the check layer, in one JVM (a pipeline): the check's one CSV line (counts and a sum
   * over the three tables) and the committed watermark.
   */
  private static String silverThenCheck(Path base) throws Exception {
    ProcessRun run = ProcessRun.java(Map.of(), "io.prodi.cli.Prodi", "run-pipeline", "-p",
        base.resolve("pipeline.yml").toString(), "--base-dir", base.toString());
    assertThat(run.exitCode).as(run.toString()).isZero();
    String line;
    try (Stream<Path> files = Files.list(base.resolve("out/check"))) {
      line = Files.readAllLines(files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow()).get(0);
    }
    String newest;
    try (Stream<Path> versions = Files.list(base.resolve("state/silver~3A~3Asilver~3A~3Apeople"))) {
      newest = Files.readString(versions.filter(p -> p.getFileName().toString().startsWith("v-")).sorted()
          .reduce((a, b) -> b).orElseThrow());
    }
    return line + " " + newest.replaceAll(".*\"value\":\"([^\"]*)\".*\\s*", "$1");
  }

  /** Where a kill lands: after the Delta sink committed, or while Spark writes the parquet sink's staging folder. */
  enum Window {
    AFTER_THE_DELTA_COMMIT("delta/_delta_log/00000000000000000000.json"),
    DURING_THE_STAGED_PARQUET_WRITE("parquet/_prodi_staging/[^/]+/_temporary");

    final java.util.regex.Pattern under;

    Window(String regex) {
      this.under = java.util.regex.Pattern.compile(regex);
    }
  }

  @ParameterizedTest(name = "killed {0}")
  @org.junit.jupiter.params.provider.EnumSource(Window.class)
  void aRerunAfterAKill9LeavesWhatACleanRunLeaves(Window window, @TempDir Path base) throws Exception {
    prepare(base);
    killSilverWhen(base, p -> window.under.matcher(p.toString()).matches(), java.time.Duration.ofSeconds(120));
    assertTheKillLandedBeforeTheWatermarkCommit(base);
    ProcessRun unlock = ProcessRun.java(Map.of(), "io.prodi.cli.Prodi", "state", "unlock", "--state-id",
        "silver::silver::people", "-c", base.resolve("silver.yml").toString(), "--base-dir", base.toString());
    assertThat(unlock.exitCode).as(unlock.toString()).isZero();
    assertThat(Files.exists(base.resolve(STATE).resolve("lease.json"))).as("unlocked").isFalse();
    String rerun = silverThenCheck(base);
    assertMatchesTheInput(rerun);
    assertThat(rerun).isEqualTo(clean);
  }

  private static void killSilverWhen(Path base, java.util.function.Predicate<Path> under, java.time.Duration within)
      throws Exception {
    ProcessRun.javaKilledWhen(base.resolve("out"), under, within, "io.prodi.layers.SilverLayer", "--config",
        base.resolve("silver.yml").toString(), "--base-dir", base.toString());
  }

  /** The crash window: the lease still held, the run's intent (generation 1) recorded, no watermark committed. */
  private static void assertTheKillLandedBeforeTheWatermarkCommit(Path base) throws IOException {
    Path state = base.resolve(STATE);
    assertThat(Files.exists(state.resolve("lease.json"))).as("the lease is still held").isTrue();
    assertThat(Files.readString(state.resolve("pending.json"))).as("the intent is recorded")
        .contains("\"generation\":1").contains("\"value\":\"2024-01-29\"");
    try (Stream<Path> files = Files.list(state)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no watermark committed")
          .noneMatch(n -> n.startsWith("v-"));
    }
  }

  /** The crash-window check fails on a run that was not killed: it committed and gave its lease back. */
  @Test
  void theCrashWindowCheckFailsOnARunThatFinished() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertTheKillLandedBeforeTheWatermarkCommit(cleanBase))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the lease is still held");
  }

  /** A trigger that never appears fails the test instead of killing the run at an arbitrary moment. */
  @Test
  void aKillWhoseTriggerNeverAppearsFails(@TempDir Path base) throws Exception {
    prepare(base);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> killSilverWhen(base, p -> false,
        java.time.Duration.ofSeconds(2))).isInstanceOf(IOException.class)
        .hasMessageContaining("nothing matching the trigger appeared");
  }
}
