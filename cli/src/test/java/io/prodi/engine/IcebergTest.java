package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import io.prodi.testing.FaultyFileSystem;
import io.prodi.testing.Rows;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Iceberg tables written and read by layer runs, in each kind of catalog ({@link IcebergTestBase}). The table is
 * created with its partition transforms, append and overwrite (of the partitions written only), an incremental
 * append that is not repeated when its run is rerun after a crash, and a read.
 */
class IcebergTest extends IcebergTestBase {
  private static final String DAY_2 = "id,name,country,amount,updated\n7,Old,CO,1.0,2024-01-06\n"
      + "8,New,MX,2.0,2024-01-07\n";

  @AfterEach
  void disarm() {
    FaultyFileSystem.disarm();
  }

  /** The table the configs write, as a config names it. */
  private String people(Catalog kind) {
    return tableIn(kind, "people");
  }

  private Dataset<Row> table(String suffix) {
    return icebergTable("people" + suffix);
  }

  private List<String> people() {
    return Rows.of(table(""), "id", "trim(name)", "country", "amount", "updated");
  }

  @ParameterizedTest
  @EnumSource(Catalog.class)
  void aMissingTableIsCreatedWithItsTransformsAndAppendsAdd(Catalog kind) {
    String cfg = config("gold.yml", "gold", "    {type: table, format: iceberg, table: " + people(kind) + ", mode: append, "
        + "partition_by: ['days(updated)', 'bucket(4, id)']}\n", catalogs());
    CliRun first = succeed(cfg);
    assertThat(people()).hasSize(5).contains("1|Ana|CO|10.5|2024-01-01", "4|null|US|null|2024-01-04");
    assertThat(Arrays.asList(table(".partitions").select("partition.*").columns()))
        .containsExactly("updated_day", "id_bucket");
    assertThat(summary(first).at("/sinks/0/location").asText()).isEqualTo("table " + people(kind));
    succeed(cfg);
    assertThat(people()).as("a second plain append adds the rows again, as an append does").hasSize(10);
  }

  @ParameterizedTest
  @EnumSource(Catalog.class)
  void anOverwriteReplacesOnlyThePartitionsItWrites(Catalog kind) {
    String cfg = config("gold.yml", "gold", "    {type: table, format: iceberg, table: " + people(kind) + ", mode: overwrite, "
        + "partition_by: [country]}\n", catalogs());
    succeed(cfg);
    folder.write("in/people.csv", "id,name,country,amount,updated\n9,Nuevo,CO,5.0,2024-02-01\n");
    succeed(cfg);
    assertThat(people()).containsExactlyInAnyOrder("9|Nuevo|CO|5.0|2024-02-01", "3|Marta|MX|7.25|2024-01-03",
        "4|null|US|null|2024-01-04");
  }

  @ParameterizedTest
  @EnumSource(Catalog.class)
  void anIncrementalAppendRerunAfterACrashBeforeTheWatermarkIsNotRepeated(Catalog kind) {
    String table = people(kind);
    folder.write("env.yml", "name: faulty\nstorage:\n  file:\n    hadoop:\n      fs.file.impl: "
        + FaultyFileSystem.class.getName() + "\n      fs.file.impl.disable.cache: 'true'\n");
    String cfg = folder.write("silver.yml", "layer: silver\nenvironment_config: env.yml\nstate: {uri: state}\n"
        + "io:\n  source: {name: people, format: csv, path: in, options: {header: 'true'}, schema: " + PEOPLE_SCHEMA
        + ", incremental: {watermark: {field: updated}}}\n"
        + "  sink: {type: table, format: iceberg, table: " + table + ", mode: append}\n" + catalogs());
    FaultyFileSystem.failOn(FaultyFileSystem.Operation.CREATE, ".*/state/.*/_tmp-.*", 1);
    CliRun crashed = run(cfg);
    assertThat(FaultyFileSystem.fired()).as("the crash came after the table commit").isEqualTo(1);
    assertThat(crashed.exitCode()).isEqualTo(1);
    assertThat(people()).as("the crashed run's rows are in the table").hasSize(5);

    folder.write("in/day2.csv", DAY_2); // the next day's rows land before the rerun
    CliRun rerun = succeed(cfg);
    assertThat(rerun.out() + rerun.err()).containsPattern(table + ": an earlier attempt of this run committed "
        + "these rows \\(Iceberg snapshot -?\\d+\\); not appended again");
    assertThat(people()).as("not appended twice").hasSize(5);
    succeed(cfg);
    assertThat(people()).as("the next run appends the new day").hasSize(7).contains("8|New|MX|2.0|2024-01-07");
  }

  @ParameterizedTest
  @EnumSource(Catalog.class)
  void aLayerReadsAnIcebergTableOfItsCatalog(Catalog kind) {
    String table = people(kind);
    succeed(config("gold.yml", "gold", "    {type: table, format: iceberg, table: " + table + "}\n", catalogs()));
    String cfg = folder.write("read.yml", "layer: gold\nio:\n"
        + "  source: {type: table, format: iceberg, name: people, table: " + table + "}\n"
        + "  sink: {format: parquet, path: out, mode: overwrite}\n"
        + "transform: {sql: \"SELECT country, count(*) AS n FROM people GROUP BY country\"}\n" + catalogs());
    succeed(cfg);
    assertThat(Rows.of(spark().read().parquet(at("out")), "country", "n")).containsExactlyInAnyOrder("CO|3", "MX|1",
        "US|1");
  }

  @ParameterizedTest
  @EnumSource(Catalog.class)
  void anIncrementalReadByVersionReturnsOnlyTheNewSnapshotsRows(Catalog kind) {
    String table = people(kind);
    String gold = config("gold.yml", "gold", "    {type: table, format: iceberg, table: " + table + ", mode: append}\n",
        catalogs());
    succeed(gold);
    String cfg = folder.write("read.yml", "layer: silver\nstate: {uri: state}\nio:\n"
        + "  source: {type: table, format: iceberg, name: people, table: " + table + ", incremental: {by: version, "
        + "state_id: people_changes}}\n  sink: {format: parquet, path: out, mode: append}\n" + catalogs());
    succeed(cfg);
    folder.write("in/people.csv", DAY_2);
    succeed(gold);
    CliRun second = succeed(cfg);
    assertThat(summary(second).at("/sources/0/rows").asLong()).isEqualTo(2);
    icebergTable("people").sparkSession().sql("DELETE FROM " + table + " WHERE id = 8");
    succeed(cfg);
    CliRun nothingNew = succeed(cfg);
    assertThat(summary(nothingNew).at("/sources/0/rows").asLong()).isZero();
    assertThat(Rows.of(spark().read().parquet(at("out")), "id", "_change_type")).as("the first run reads the table, "
        + "then only what each snapshot changed: no row rewritten unchanged by the delete")
        .containsExactlyInAnyOrder("1|insert", "2|insert", "2|insert", "3|insert", "4|insert", "7|insert", "8|insert",
            "8|delete");

    CliRun set = io.prodi.testing.SharedSpark.prodi("state", "set", "--state-id", "people_changes", "--value", "12345",
        "-c", cfg, "--base-dir=" + tmp);
    assertThat(set.exitCode()).as(set.toString()).isZero();
    CliRun unknown = run(cfg);
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.errors()).singleElement().asString().startsWith("prodi: error: Cannot read the changes of "
        + table + " after snapshot 12345: ").contains("; run prodi state reset for this source to read the whole "
        + "table once (up to snapshot ");
  }
}
