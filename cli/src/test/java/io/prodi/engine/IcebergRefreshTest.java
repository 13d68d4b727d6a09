package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import io.prodi.testing.Rows;
import org.junit.jupiter.api.Test;

/** A gold refreshed into an Iceberg table: built whole, then its changed groups replaced in one MERGE. */
class IcebergRefreshTest extends IcebergTestBase {
  private static final String DAILY = "SELECT account, day, sum(amount) AS total, count(*) AS n FROM tx "
      + "GROUP BY account, day";

  private void sql(String statement) {
    spark().sql(statement.replace("SILVER", "delta.`" + at("silver") + "`"));
  }

  @Test
  void theChangedGroupsAreReplacedAndAnEmptiedOneDeleted() {
    sql("CREATE TABLE SILVER (account STRING, day STRING, amount DOUBLE) USING delta "
        + "TBLPROPERTIES (delta.enableChangeDataFeed = true)");
    sql("INSERT INTO SILVER VALUES ('a', 'd1', 1.0), ('b', 'd1', 2.0), (null, 'd2', 3.0)");
    String table = tableIn(Catalog.HADOOP, "daily");
    String cfg = folder.write("gold.yml", "layer: gold\nstate: {uri: state}\nrefresh: incremental\n" + catalogs()
        + "io:\n  source: {name: tx, format: delta, path: silver, incremental: {by: version}}\n"
        + "  sink: {type: table, format: iceberg, table: " + table + "}\ntransform:\n  sql: \"" + DAILY + "\"\n");
    succeed(cfg);
    sql("DELETE FROM SILVER WHERE account = 'b'");
    sql("INSERT INTO SILVER VALUES ('a', 'd1', 5.0), (null, 'd2', 1.0)");
    CliRun second = succeed(cfg);
    assertThat(summary(second).path("refresh").path("way").asText()).isEqualTo("incremental");
    assertThat(summary(second).path("refresh").path("keys").asLong()).isEqualTo(3);
    spark().read().format("delta").load(at("silver")).createOrReplaceTempView("tx");
    assertThat(Rows.of(icebergTable("daily"))).containsExactlyElementsOf(Rows.of(spark().sql(DAILY)));
  }
}
