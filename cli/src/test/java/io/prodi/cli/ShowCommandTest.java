package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prodi show: the first rows, count and schema of a sink or a path, as a table or JSON; it writes nothing. */
class ShowCommandTest {
  @TempDir
  Path tmp;
  private String delta;
  private String csv;
  private String config;

  @BeforeEach
  void setUp() {
    Dataset<Row> rows = SharedSpark.session().sql("SELECT id, CAST(id * 1.5 AS DECIMAL(10,2)) AS amount, "
        + "IF(id % 2 = 0, 'EU', NULL) AS region FROM range(1, 31)");
    delta = tmp.resolve("gold/delta").toString();
    csv = tmp.resolve("gold/csv").toString();
    rows.write().format("delta").save(delta);
    rows.coalesce(1).write().option("header", "true").csv(csv);
    config = new ConfigFolder(tmp).write("gold.yml", "layer: gold\ndry_run: false\nio:\n"
        + "  source: {name: silver, path: in, format: parquet}\n  sink:\n    - {name: mart, format: delta, path: "
        + delta + "}\n    - {name: export, format: csv, path: " + csv + ", options: {header: 'true'}}\n"
        + "    - {type: jdbc, name: db, url: 'jdbc:postgresql://127.0.0.1/x', table: t}\n");
  }

  @Test
  void aSinkOfAConfigIsShownAsAnAlignedTableWithCountAndSchema() {
    CliRun run = SharedSpark.prodi("show", "-c", config, "--limit", "3", "--where", "id <= 4");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).containsExactly(
        "delta " + delta + ": 4 rows, the first 3 shown",
        "+----+--------+--------+",
        "| id | amount | region |",
        "+----+--------+--------+",
        "| 1  | 1.50   | null   |",
        "| 2  | 3.00   | EU     |",
        "| 3  | 4.50   | null   |",
        "+----+--------+--------+",
        "schema:",
        "  id: bigint",
        "  amount: decimal(10,2)",
        "  region: string");
  }

  @Test
  void anotherSinkIsChosenByNameAndAPathByItsFormat() throws Exception {
    CliRun byName = SharedSpark.prodi("show", "-c", config, "--sink", "export", "--limit", "0");
    assertThat(byName.exitCode()).as(byName.toString()).isZero();
    assertThat(byName.outLines().get(0)).isEqualTo("csv " + csv + ": 30 rows, the first 0 shown");
    CliRun path = SharedSpark.prodi("show", csv, "--json", "--where", "region IS NOT NULL", "--limit", "2");
    assertThat(path.exitCode()).as(path.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(path.out());
    assertThat(json.path("source").asText()).isEqualTo("csv " + csv);
    assertThat(json.path("rows").asLong()).isEqualTo(15);
    assertThat(json.path("schema").findValuesAsText("name")).containsExactly("id", "amount", "region");
    assertThat(json.path("shown").toString()).isEqualTo("[{\"id\":2,\"amount\":3.0,\"region\":\"EU\"},"
        + "{\"id\":4,\"amount\":6.0,\"region\":\"EU\"}]");
    CliRun deltaPath = SharedSpark.prodi("show", delta, "--json", "--limit", "1");
    assertThat(new ObjectMapper().readTree(deltaPath.out()).path("source").asText()).isEqualTo("delta " + delta);
  }

  @Test
  void mistakesExit2OrExit1WithOneLineAndWriteNothing() {
    Map<String, String> before = new ConfigFolder(tmp).snapshot();
    CliRun badWhere = SharedSpark.prodi("show", delta, "--where", "nope = 1");
    assertThat(badWhere.exitCode()).isEqualTo(2);
    assertThat(badWhere.errors()).singleElement().asString().startsWith("prodi: error: --where: Cannot filter delta "
        + delta + ": A column or function parameter with name `nope` cannot be resolved.");
    CliRun noSink = SharedSpark.prodi("show", "-c", config, "--sink", "mrt");
    assertThat(noSink.exitCode()).isEqualTo(2);
    assertThat(noSink.errors()).containsExactly("prodi: error: Cannot parse the command line: Cannot show sink mrt: "
        + "the config has no such sink (sinks: mart, export, db)");
    CliRun jdbc = SharedSpark.prodi("show", "-c", config, "--sink", "db");
    assertThat(jdbc.exitCode()).isEqualTo(2);
    assertThat(jdbc.errors()).singleElement().asString().contains("Cannot show the jdbc sink: prodi reads back files");
    CliRun both = SharedSpark.prodi("show", "-c", config, delta);
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.errors()).containsExactly("prodi: error: Cannot parse the command line: Cannot show rows: give "
        + "either -c CONFIG or a PATH (both)");
    CliRun missing = SharedSpark.prodi("show", tmp.resolve("nowhere").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errors()).singleElement().asString().startsWith("prodi: error: Cannot show parquet ")
        .contains("Path does not exist");
    assertThat(new ConfigFolder(tmp).snapshot()).isEqualTo(before);
  }

  @Test
  void theFormatOfAPathIsGuessedFromItsFiles() {
    assertThat(List.of(ShownText.guessFormat(CliRun.files(), delta), ShownText.guessFormat(CliRun.files(), csv),
        ShownText.guessFormat(CliRun.files(), tmp.resolve("x.json").toString()),
        ShownText.guessFormat(CliRun.files(), tmp.resolve("nowhere").toString())))
        .containsExactly("delta", "csv", "json", "parquet");
  }
}
