package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.testing.CliRun;
import io.prodi.testing.JobCounter;
import io.prodi.testing.Rows;
import io.prodi.testing.SharedSpark;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layer engine end to end on the shared local session. */
class LayerRunTest extends EngineTestBase {
  @ParameterizedTest
  @ValueSource(strings = {"parquet", "csv", "json", "jsonl", "orc", "avro", "delta"})
  void roundTripsEveryFormat(String format) {
    String options = format.equals("csv") ? ", options: {header: 'true'}" : "";
    succeed(config("write.yml", "raw", "    - {format: " + format + ", path: out/" + format + options + "}\n", ""));
    String back = folder.write("read.yml", "layer: bronze\nio:\n  source: {format: " + format + ", path: out/"
        + format + options + (format.equals("csv") ? ", schema: " + PEOPLE_SCHEMA : "") + "}\n"
        + "  sink: {format: parquet, path: back/" + format + "}\n");
    succeed(back);
    assertThat(Rows.of(read("parquet", "back/" + format), "id", "trim(name)", "country", "amount", "updated"))
        .containsExactly("1|Ana|CO|10.5|2024-01-01", "2|Luis|CO|-3.0|2024-01-02", "2|Luis|CO|4.0|2024-01-05",
            "3|Marta|MX|7.25|2024-01-03", "4|null|US|null|2024-01-04");
  }

  @Test
  void writesTextFromOneStringColumn() {
    succeed(config("text.yml", "raw", "    - {format: text, path: out/text}\n",
        "transform: {sql: \"SELECT concat(id, ':', country) AS value FROM __INPUT__\"}\n"));
    assertThat(Rows.of(spark().read().text(at("out/text")))).containsExactly("1:CO", "2:CO", "2:CO", "3:MX", "4:US");
  }

  @Test
  void sqlSeesInputBaseTempViewAndSourceNamesAndStatementsRunInOrder() {
    succeed(config("sql.yml", "raw", "    - {path: out/sql}\n", "transform:\n  sql:\n"
        + "    - CREATE OR REPLACE TEMP VIEW co AS SELECT * FROM raw_input WHERE country = 'CO'\n"
        + "    - SELECT (SELECT count(*) FROM __INPUT__) AS a, (SELECT count(*) FROM __BASE__) AS b,"
        + " (SELECT count(*) FROM people) AS c, (SELECT count(*) FROM co) AS d\n"));
    assertThat(Rows.of(read("parquet", "out/sql"))).containsExactly("5|5|5|3");
  }

  @Test
  void severalSourcesAreUnionedByNameAndTaggedByAddMetadata() {
    folder.write("in/more.json", "{\"id\": 9, \"country\": \"ES\", \"extra\": \"x\"}\n");
    String cfg = folder.write("multi.yml", "layer: raw\nio:\n  source:\n"
        + "    - {name: people, format: csv, path: in/people.csv, options: {header: 'true'}, schema: "
        + PEOPLE_SCHEMA + "}\n    - {name: more, format: json, path: in/more.json}\n"
        + "  sink: {path: out/multi}\ntransform: {pre: [add_metadata]}\n");
    CliRun run = succeed(cfg, "--vars", "run_id=fixed-run");
    assertThat(Rows.of(read("parquet", "out/multi").where("id = 9"), "id", "name", "extra", "_run_id"))
        .containsExactly("9|null|x|fixed-run");
    assertThat(Rows.of(read("parquet", "out/multi").selectExpr("_source LIKE '%in/people.csv' AS f").distinct()
        .where("f"))).containsExactly("true");
    JsonNode summary = summary(run);
    assertThat(summary.get("sources").get(0).get("rows").asLong()).isEqualTo(5);
    assertThat(summary.get("sources").get(1).get("rows").asLong()).isEqualTo(1);
    assertThat(summary.get("sinks").get(0).get("rows").asLong()).isEqualTo(6);
  }

  @Test
  void functionsRunAfterSql() {
    succeed(config("fn.yml", "raw", "    - {path: out/fn}\n", "transform:\n  sql: SELECT id, country FROM __INPUT__\n"
        + "  functions: [{class: io.prodi.testing.UppercaseNames}]\n"));
    assertThat(read("parquet", "out/fn").columns()).containsExactly("ID", "COUNTRY");
  }

  @Test
  void overwriteAppendErrorAndIgnoreModes() {
    String overwrite = config("o.yml", "raw", "    - {path: out/m, mode: overwrite}\n", "");
    succeed(overwrite);
    succeed(overwrite);
    assertThat(read("parquet", "out/m").count()).isEqualTo(5);
    succeed(config("a.yml", "bronze", "    - {path: out/m, mode: append}\n", ""));
    assertThat(read("parquet", "out/m").count()).isEqualTo(10);
    CliRun error = run(config("e.yml", "bronze", "    - {path: out/m, mode: error}\n", ""));
    assertThat(error.exitCode()).isEqualTo(1);
    assertThat(error.errors()).singleElement().asString().startsWith("prodi: error: Cannot write parquet sink: ")
        .endsWith("(" + at("out/m") + ")").contains("already exists");
    CliRun ignore = succeed(config("i.yml", "bronze", "    - {path: out/m, mode: ignore}\n", ""));
    assertThat(summary(ignore).get("sinks").get(0).get("rows").asLong()).isZero();
    assertThat(read("parquet", "out/m").count()).isEqualTo(10);
  }

  @Test
  void overwritingAPartitionedSinkReplacesOnlyThePartitionsWritten() {
    for (String format : new String[] {"parquet", "delta"}) {
      succeed(config("p1.yml", "raw", "    - {format: " + format + ", path: out/p" + format
          + ", partition_by: [country], mode: overwrite}\n", ""));
      succeed(config("p2.yml", "raw", "    - {format: " + format + ", path: out/p" + format
          + ", partition_by: [country], mode: overwrite}\n",
          "transform: {sql: \"SELECT id * 10 AS id, name, amount, updated, country FROM __INPUT__ WHERE country = 'MX'\"}\n"));
      assertThat(Rows.of(read(format, "out/p" + format), "country", "id")).as(format)
          .containsExactly("CO|1", "CO|2", "CO|2", "MX|30", "US|4");
    }
  }

  @Test
  void mergeUpsertsOnTheKeysAndARerunChangesNothing() {
    String merge = config("merge.yml", "bronze", "    - {format: delta, path: out/merge, mode: merge, merge: {keys: [id]}}\n",
        "transform: {pre: [{dedupe: {keys: [id], order_by: [updated desc]}}]}\n");
    CliRun first = succeed(merge);
    assertThat(summary(first).get("sinks").get(0).get("rows").asLong()).isEqualTo(4);
    CliRun second = succeed(merge);
    assertThat(summary(second).get("sinks").get(0).get("detail").asText())
        .isEqualTo("0 inserted, 4 updated, 0 deleted");
    assertThat(summary(second).get("sources").get(0).get("rows").asLong()).as("counted during the merge").isEqualTo(5);
    assertThat(summary(second).get("durations_ms").get("total").asLong()).as("no wait for missing counts")
        .isLessThan(20_000);
    assertThat(Rows.of(read("delta", "out/merge"), "id", "amount"))
        .containsExactly("1|10.5", "2|4.0", "3|7.25", "4|null");
    folder.write("in/people.csv", "id,name,country,amount,updated\n3,Marta,MX,8.0,2024-02-01\n5,Eva,ES,1.0,2024-02-01\n");
    CliRun third = succeed(merge);
    assertThat(summary(third).get("sinks").get(0).get("detail").asText())
        .isEqualTo("1 inserted, 1 updated, 0 deleted");
    assertThat(Rows.of(read("delta", "out/merge"), "id", "amount"))
        .containsExactly("1|10.5", "2|4.0", "3|8.0", "4|null", "5|1.0");
  }

  @Test
  void severalSinksGetTheSameRowsAndTheSourceIsReadOnce() throws Exception {
    String cfg = config("two.yml", "silver", "    - {format: parquet, path: out/s1}\n"
        + "    - {format: orc, path: out/s2}\n    - {kind: noop}\n", "");
    long before = JobCounter.localBytesRead();
    try (JobCounter counter = JobCounter.start("silver")) {
      CliRun run = succeed(cfg);
      // the config is read with java.nio (a local file), so Hadoop's counters see the source alone
      assertThat(JobCounter.localBytesRead() - before).as("bytes read through Hadoop: the source once; jobs %s",
          counter.jobs()).isEqualTo(PEOPLE.length());
      JsonNode sinks = summary(run).get("sinks");
      assertThat(sinks.get(0).get("rows").asLong()).isEqualTo(5);
      assertThat(sinks.get(1).get("rows").asLong()).isEqualTo(5);
      assertThat(sinks.get(2).get("rows").asLong()).isZero();
    }
    assertThat(Rows.of(read("parquet", "out/s1"))).isEqualTo(Rows.of(read("orc", "out/s2")));
  }

  @Test
  void aFailureInTheSecondSinkThenARerunLeavesCorrectData() throws Exception {
    folder.write("out/blocked/existing.txt", "not parquet");
    String cfg = config("fail.yml", "raw", "    - {path: out/first, mode: overwrite}\n"
        + "    - {path: out/blocked, mode: error}\n", "");
    CliRun failed = run(cfg);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(summary(failed).get("status").asText()).isEqualTo("failed");
    Files.delete(tmp.resolve("out/blocked/existing.txt"));
    Files.delete(tmp.resolve("out/blocked"));
    succeed(cfg);
    assertThat(read("parquet", "out/first").count()).isEqualTo(5);
    assertThat(Rows.of(read("parquet", "out/first"))).isEqualTo(Rows.of(read("parquet", "out/blocked")));
  }

  @Test
  void theSummaryCountsAreTheRealCounts() {
    CliRun run = succeed(config("count.yml", "gold", "    - {path: out/count}\n",
        "transform: {sql: \"SELECT country, count(*) AS n FROM __INPUT__ GROUP BY country\"}\n"),
        "--summary", at("summary.json"));
    JsonNode summary = summary(run);
    assertThat(summary.get("status").asText()).isEqualTo("succeeded");
    assertThat(summary.get("sources").get(0).get("rows").asLong()).isEqualTo(5);
    assertThat(summary.get("sinks").get(0).get("rows").asLong()).isEqualTo(read("parquet", "out/count").count())
        .isEqualTo(3);
    assertThat(tmp.resolve("summary.json")).content().startsWith("{\"prodi_summary\":");
  }

  @Test
  void runTimeErrorsExit1WithAClearMessage() {
    CliRun missingColumn = run(config("mc.yml", "raw", "    - {path: out/mc}\n", "transform: {pre: [{drop: [nope]}]}\n"));
    assertThat(missingColumn.exitCode()).isEqualTo(1);
    assertThat(missingColumn.errors()).containsExactly("prodi: error: Cannot drop nope: no such column in the input "
        + "(columns: id, name, country, amount, updated)");
    CliRun missingInput = run(folder.write("mi.yml", "layer: raw\nio: {source: {path: in/none.csv, format: csv}, "
        + "sink: {path: out/mi}}\n"));
    assertThat(missingInput.exitCode()).isEqualTo(1);
    assertThat(missingInput.errors()).singleElement().asString().startsWith("prodi: error: Cannot read csv source: ")
        .contains("Path does not exist");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void aSqlMistakeFoundAtRunTimeIsAConfigErrorAtItsPathAsPlanAnalyzeReportsIt() {
    String cfg = config("mt.yml", "raw", "    - {path: out/mt}\n",
        "transform: {sql: ['CREATE OR REPLACE TEMP VIEW v AS SELECT * FROM __INPUT__', 'SELECT * FROM nowhere']}\n");
    CliRun run = run(cfg);
    assertThat(run.exitCode()).isEqualTo(2);
    String expected = "prodi: error: " + cfg + ": transform.sql[1]: Cannot run SQL statement 2: The table or view "
        + "`nowhere` cannot be found.";
    assertThat(run.errors()).singleElement().asString().startsWith(expected);
    assertThat(run.summary().path("status").asText()).isEqualTo("failed");
    CliRun analyzed = SharedSpark.prodi("plan", "--analyze", "-c", cfg, "--base-dir", tmp.toString());
    assertThat(analyzed.exitCode()).isEqualTo(2);
    assertThat(analyzed.errors()).singleElement().isEqualTo(run.errors().get(0));
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void planAnalyzeResolvesSqlAgainstSchemasAndReportsProblemsAtTheirPath() {
    String ok = config("ok.yml", "silver", "    - {path: out/ok, partition_by: [country]}\n",
        "transform: {sql: 'SELECT country, sum(amount) AS total FROM __INPUT__ GROUP BY country'}\n");
    CliRun analyzed = SharedSpark.prodi("plan", "--analyze", "-c", ok, "--base-dir", tmp.toString());
    assertThat(analyzed.exitCode()).as(analyzed.toString()).isZero();
    assertThat(analyzed.out()).contains("[silver] analyzed: the SQL resolves; output schema:", "|-- total: double");
    String bad = config("bad.yml", "silver", "    - {path: out/bad, partition_by: [region]}\n",
        "transform: {sql: 'SELECT country, sum(amount) AS total FROM __INPUT__ GROUP BY country'}\n");
    CliRun failed = SharedSpark.prodi("plan", "--analyze", "-c", bad, "--base-dir", tmp.toString());
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.errors()).containsExactly("prodi: error: " + bad + ": io.sink.partition_by[0]: Cannot write "
        + "column region: the output has no such column (columns: country, total)");
    String badSql = config("badsql.yml", "silver", "    - {path: out/bad}\n", "transform: {sql: 'SELECT nope FROM __INPUT__'}\n");
    CliRun sqlFailed = SharedSpark.prodi("plan", "--analyze", "-c", badSql, "--base-dir", tmp.toString());
    assertThat(sqlFailed.exitCode()).isEqualTo(2);
    assertThat(sqlFailed.errors()).singleElement().asString().startsWith("prodi: error: " + badSql
        + ": transform.sql: Cannot run SQL statement 1: A column or function parameter with name `nope` cannot be resolved.");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void planSaysHowARefreshGoesAndAnalyzeFindsTheShapeItCannotKey() {
    spark().sql("CREATE TABLE delta.`" + tmp.resolve("silver") + "` (account STRING, amount DOUBLE) USING delta");
    String source = "  source: {name: tx, format: delta, path: silver, incremental: {by: version}}\n"
        + "  sink: {path: out/gold, format: delta}\n";
    String grouped = folder.write("grouped.yml", "layer: gold\nrefresh: auto\nio:\n" + source
        + "transform: {sql: 'SELECT account, sum(amount) AS total FROM tx GROUP BY account'}\n");
    CliRun plan = SharedSpark.prodi("plan", "--analyze", "-c", grouped, "--base-dir", tmp.toString());
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.outLines()).contains("  write   files delta " + tmp.resolve("out/gold") + " (mode overwrite; change "
        + "data feed on when created)", "  refresh auto: by key where the query's plan allows (plan --analyze tells), "
        + "in full on the first run; state grouped::gold::refresh in " + tmp.resolve("data/_state"),
        "refresh: by key on account after the first run");
    String limited = folder.write("limited.yml", "layer: gold\nrefresh: {policy: incremental, keys: [account]}\nio:\n"
        + source + "transform: {sql: 'SELECT account, amount FROM tx ORDER BY amount LIMIT 5'}\n");
    CliRun refused = SharedSpark.prodi("plan", "--analyze", "-c", limited, "--base-dir", tmp.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.errors()).containsExactly("prodi: error: " + limited + ": transform.sql: Cannot refresh "
        + "incrementally: LIMIT");
    CliRun auto = SharedSpark.prodi("plan", "--analyze", "-c", folder.write("auto.yml", "layer: gold\nrefresh: "
        + "{policy: auto, keys: [account]}\nio:\n" + source
        + "transform: {sql: 'SELECT account, amount FROM tx ORDER BY amount LIMIT 5'}\n"), "--base-dir", tmp.toString());
    assertThat(auto.exitCode()).isZero();
    assertThat(auto.outLines()).contains("refresh: full refresh: LIMIT");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
