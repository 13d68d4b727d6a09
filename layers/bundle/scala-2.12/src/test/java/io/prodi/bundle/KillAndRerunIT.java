package io.prodi.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real {@code kill -9} of an incremental silver layer's JVM (60k rows; Delta append, parquet append
 * and a quarantine), at two moments, then {@code prodi state unlock} and the rerun: every table equals a
 * clean run's, no row twice, the same watermark (issue 16).
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
  private static String clean;

  @TempDir
  static Path cleanBase;

  @BeforeAll
  static void cleanRun() throws Exception {
    prepare(cleanBase);
    clean = silverThenCheck(cleanBase);
    assertThat(clean).startsWith("40000,40000,40000,40000,20000,20000,"); // no row twice: rows = ids
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
    for (int i = 0; i < 60_000; i++) {
      csv.append(i).append(",n").append(i).append(',').append(countries[i % 3]).append(',')
          .append(random.nextInt(100_000) / 100.0).append(",2024-01-").append(10 + i % 20).append('\n');
    }
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

  @ParameterizedTest(name = "killed when {0} appears")
  @ValueSource(strings = {"out/delta/_delta_log/00000000000000000000.json", "out/parquet/_prodi_commits"})
  void aRerunAfterAKill9LeavesWhatACleanRunLeaves(String killWhen, @TempDir Path base) throws Exception {
    prepare(base);
    ProcessRun.javaKilledWhen(base.resolve(killWhen), "io.prodi.layers.SilverLayer", "--config",
        base.resolve("silver.yml").toString(), "--base-dir", base.toString());
    ProcessRun unlock = ProcessRun.java(Map.of(), "io.prodi.cli.Prodi", "state", "unlock", "--state-id",
        "silver::silver::people", "-c", base.resolve("silver.yml").toString(), "--base-dir", base.toString());
    assertThat(unlock.exitCode).as(unlock.toString()).isZero();
    assertThat(silverThenCheck(base)).isEqualTo(clean);
  }
}
