package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.engine.bigquery.FakeBigQuery;
import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BigQuery sinks and sources, prodi's side: the spark-bigquery-connector is not obtainable here, so a stand-in
 * registered as the {@code bigquery} data source in the tests ({@link FakeBigQuery}) records the options each read
 * and write gets and keeps the rows. What the connector and BigQuery do with those options is Google's.
 */
class BigQueryTest extends LayerTestBase {
  private static final String PEOPLE_ROWS = "[1|Ana|CO|10.5|2024-01-01, 2|Luis|CO|-3.0|2024-01-02, "
      + "2|Luis|CO|4.0|2024-01-05, 3|Marta|MX|7.25|2024-01-03, 4|null|US|null|2024-01-04]";

  @BeforeEach
  @AfterEach
  void forget() {
    FakeBigQuery.reset();
  }

  private static String stored(String table) {
    return FakeBigQuery.rows(table).stream().map(r -> r.mkString("|").trim().replaceAll("\\| *", "|")).sorted()
        .collect(Collectors.toList()).toString().replace("Ana |", "Ana|");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "append (the default), indirect through a bucket, clustered; {type: bigquery, table: proj-123.crm.people, "
          + "temporary_gcs_bucket: staging-bucket, cluster_by: [country, id]}; Append; "
          + "{clusteredFields=country,id, temporaryGcsBucket=staging-bucket, writeMethod=indirect}",
      "overwrite of the partitions written; {type: bigquery, table: crm.people, mode: overwrite, partition_field: "
          + "updated}; Overwrite; {partitionField=updated, spark.sql.sources.partitionOverwriteMode=DYNAMIC, "
          + "writeMethod=indirect}",
      "overwrite of the whole table; {type: bigquery, table: crm.people, mode: overwrite}; Overwrite; "
          + "{writeMethod=indirect}",
      "direct, with a connector option passed through; {type: bigquery, table: crm.people, write_method: direct, "
          + "options: {writeAtLeastOnce: 'true'}}; Append; {writeAtLeastOnce=true, writeMethod=direct}"})
  void eachModeGivesTheConnectorExactlyTheDocumentedOptions(String what, String sink, SaveMode mode, String options) {
    succeed(config("gold.yml", "gold", "    " + sink + "\n", ""));
    List<FakeBigQuery.Write> writes = FakeBigQuery.writes();
    assertThat(writes).hasSize(1);
    FakeBigQuery.Write write = writes.get(0);
    assertThat(write.table).isEqualTo(sink.contains("proj-123") ? "proj-123.crm.people" : "crm.people");
    assertThat(write.mode).isEqualTo(mode);
    assertThat(new java.util.TreeMap<>(write.options).toString()).as("Spark passes option keys in lower case")
        .isEqualTo(lowerCaseKeys(options));
    assertThat(stored(write.table)).isEqualTo(PEOPLE_ROWS);
  }

  /**
   * prodi's side of an overwrite by partition: one write, in overwrite mode, asking the connector for a dynamic
   * partition overwrite of the partition field. Which rows BigQuery then keeps is the connector's doing, which the
   * stand-in cannot show (docs/tables.md says what the connector documents).
   */
  @Test
  void anOverwriteByPartitionAsksTheConnectorForADynamicPartitionOverwrite() {
    RunOutput run = succeed(config("gold.yml", "gold",
        "    {type: bigquery, table: crm.people, mode: overwrite, partition_field: updated}\n", ""));
    assertThat(FakeBigQuery.writes()).singleElement().satisfies(write -> {
      assertThat(write.mode).isEqualTo(SaveMode.Overwrite);
      assertThat(write.options).containsEntry("partitionfield", "updated")
          .containsEntry("spark.sql.sources.partitionoverwritemode", "DYNAMIC");
    });
    assertThat(summary(run).at("/sinks/0/location").asText()).isEqualTo("bigquery crm.people");
    assertThat(summary(run).at("/sinks/0/rows").asLong()).isEqualTo(5);
  }

  @Test
  void aTableSourceIsReadWithItsFilterAndAQuerySourceWithViewsEnabled() {
    FakeBigQuery.put("proj-123.crm.people", spark().sql("SELECT 1 AS id, 'CO' AS country UNION ALL SELECT 2, 'MX'"));
    FakeBigQuery.put("crm.rates", spark().sql("SELECT 'CO' AS country, 4000 AS rate"));
    FakeBigQuery.answer("SELECT country, rate FROM crm.rates", "crm.rates");
    String cfg = folder.write("silver.yml", "layer: silver\nio:\n  source:\n"
        + "    - {type: bigquery, name: people, table: proj-123.crm.people, filter: \"country = 'CO'\", "
        + "options: {maxParallelism: '2'}}\n"
        + "    - {type: bigquery, name: rates, query: 'SELECT country, rate FROM crm.rates'}\n"
        + "  sink: {format: parquet, path: out, mode: overwrite}\n"
        + "transform: {sql: 'SELECT p.id, p.country, r.rate FROM people p JOIN rates r USING (country)'}\n");
    succeed(cfg);
    assertThat(Rows.of(spark().read().parquet(at("out")), "id", "country", "rate")).containsExactly("1|CO|4000");
    assertThat(FakeBigQuery.reads()).extracting(Object::toString).containsExactlyInAnyOrder(
        "{filter=country = 'CO', maxparallelism=2, path=proj-123.crm.people}",
        "{query=SELECT country, rate FROM crm.rates, viewsenabled=true}");
  }

  @Test
  void aPartitionFieldTheOutputLacksFailsBeforeAnythingIsWritten() {
    RunOutput run = run(config("gold.yml", "gold", "    - {format: parquet, path: out, mode: overwrite}\n"
        + "    - {type: bigquery, table: crm.people, mode: overwrite, partition_field: day, cluster_by: [region]}\n", ""));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    String file = tmp.resolve("gold.yml").toString();
    assertThat(run.errors()).containsExactly("prodi: error: " + file + ": io.sink[1].partition_field: Cannot write "
        + "column day: the output has no such column (columns: id, name, country, amount, updated)",
        "prodi: error: " + file + ": io.sink[1].cluster_by[0]: Cannot write column region: the output has no such "
        + "column (columns: id, name, country, amount, updated)");
    assertThat(FakeBigQuery.writes()).isEmpty();
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void aConnectorErrorIsOneLineNamingTheTableAndWritesNothing() {
    String cfg = folder.write("silver.yml", "layer: silver\nio:\n  source: {type: bigquery, name: t, table: crm.missing}\n"
        + "  sink: {format: parquet, path: out}\n");
    RunOutput failed = run(cfg);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.errors()).singleElement().asString()
        .isEqualTo("prodi: error: Cannot read bigquery source t: Not found: Table crm.missing (crm.missing)");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  /** {@code {aB=V, cD=W}} with its keys in lower case. */
  private static String lowerCaseKeys(String options) {
    java.util.regex.Matcher key = java.util.regex.Pattern.compile("([{ ])([A-Za-z.]+)=").matcher(options);
    StringBuilder out = new StringBuilder();
    while (key.find()) {
      key.appendReplacement(out, key.group(1) + key.group(2).toLowerCase(java.util.Locale.ROOT) + "=");
    }
    return key.appendTail(out).toString();
  }
}
