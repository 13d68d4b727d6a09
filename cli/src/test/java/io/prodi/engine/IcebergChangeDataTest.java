package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import io.prodi.testing.Rows;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code mode: merge} and {@code mode: scd2} into Iceberg tables, in each kind of catalog, through the change-data
 * code Delta tables use (ChangeDataRunTest and the SCD2 property test hold the same cases on Delta): a rerun
 * changes nothing, a late change splits history where it belongs, deletes leave tombstones.
 */
class IcebergChangeDataTest extends IcebergTestBase {
  private static final String SCHEMA = "'id INT, seq INT, op STRING, segment STRING'";

  /** A layer writing its changes with {@code merge} (a YAML mapping's body) into an Iceberg table. */
  private String layer(Catalog kind, String mode, String merge) {
    return folder.write("silver.yml", "layer: silver\nio:\n  source: {format: csv, path: changes, "
        + "options: {header: 'true'}, schema: " + SCHEMA + "}\n  sink: {type: table, format: iceberg, table: "
        + tableIn(kind, "customers") + ", mode: " + mode + ", merge: {" + merge + "}}\n" + catalogs());
  }

  private void input(String rows) {
    folder.write("changes/batch.csv", "id,seq,op,segment\n" + rows);
  }

  private List<String> customers(String... columns) {
    return Rows.of(icebergTable("customers"), columns);
  }

  @ParameterizedTest
  @EnumSource(Catalog.class)
  void scd2KeepsEveryVersionAndALateChangeSplitsHistory(Catalog kind) {
    String cfg = layer(kind, "scd2", "keys: [id], sequence_by: seq, delete_when: \"op = 'D'\", except_columns: [op], "
        + "track_history: [segment]");
    String[] columns = {"id", "seq", "segment", "_valid_from", "_valid_to", "_is_current"};
    input("1,10,U,gold\n2,5,U,gold\n");
    succeed(cfg);
    input("1,20,U,silver\n2,7,D,gold\n3,1,U,bronze\n");
    succeed(cfg);
    input("1,15,U,platinum\n");
    succeed(cfg);
    List<String> expected = List.of("1|10|gold|10|15|false", "1|15|platinum|15|20|false", "1|20|silver|20|null|true",
        "2|5|gold|5|7|false", "3|1|bronze|1|null|true");
    assertThat(customers(columns)).isEqualTo(expected);
    CliRun rerun = succeed(cfg);
    assertThat(summary(rerun).at("/sinks/0/rows").asLong()).as("a rerun of the same changes writes nothing").isZero();
    assertThat(customers(columns)).isEqualTo(expected);
    assertThat(Rows.of(icebergTable("_prodi_customers_changes"), "id", "seq")).as("the change log beside the table")
        .containsExactly("1|10", "1|15", "1|20", "2|5", "2|7", "3|1");
  }

  @ParameterizedTest
  @EnumSource(Catalog.class)
  void anOrderedMergeIgnoresOlderChangesAndKeepsDeletesAsTombstones(Catalog kind) {
    String cfg = layer(kind, "merge", "keys: [id], sequence_by: seq, delete_when: \"op = 'D'\", except_columns: [op]");
    input("1,10,U,gold\n2,5,U,gold\n");
    succeed(cfg);
    input("2,7,D,gold\n1,5,U,older\n3,1,U,bronze\n");
    succeed(cfg);
    input("2,6,U,late\n");
    succeed(cfg);
    assertThat(customers("id", "seq", "segment")).containsExactly("1|10|gold", "3|1|bronze");
    assertThat(Rows.of(icebergTable("_prodi_customers_tombstones"), "id", "seq")).containsExactly("2|7");
  }

  @ParameterizedTest
  @EnumSource(Catalog.class)
  void aMergeUpsertsOnItsKeysAndASnapshotDeletesVanishedKeys(Catalog kind) {
    String cfg = layer(kind, "merge", "keys: [id]");
    input("1,1,U,a\n2,1,U,b\n");
    succeed(cfg);
    input("2,2,U,c\n3,1,U,d\n");
    succeed(cfg);
    assertThat(customers("id", "seq", "segment")).containsExactly("1|1|a", "2|2|c", "3|1|d");
    assertThat(icebergTable("customers.snapshots").orderBy("committed_at").selectExpr("summary['added-position-deletes']").collectAsList()
        .get(1).getString(0)).as("the table is merge-on-read: the update wrote a delete record").isEqualTo("1");
    input("2,3,U,e\n2,4,U,f\n");
    CliRun twice = run(cfg);
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot merge into "
        + tableIn(kind, "customers") + ": several rows of the output share a merge key; dedupe them first (keys id)");

    cfg = layer(kind, "merge", "keys: [id], snapshot: true, sequence_by: seq, except_columns: [op]");
    input("1,5,U,a\n3,5,U,x\n");
    succeed(cfg);
    assertThat(customers("id", "seq", "segment")).as("1 kept its row: its values did not change")
        .containsExactly("1|1|a", "3|5|x");
  }
}
