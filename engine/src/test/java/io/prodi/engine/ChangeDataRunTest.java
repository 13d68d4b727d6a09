package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Change data through the command line: ties and nulls stop a run before anything is written,
 * snapshots apply in order, reruns change nothing, new columns need {@code schema_evolution}.
 */
class ChangeDataRunTest extends LayerTestBase {
  private static final String SCHEMA = "'id INT, seq INT, op STRING, segment STRING'";

  private String layer(String sink) {
    return folder.write("silver.yml", "layer: silver\nio:\n  source: {format: csv, path: changes, options: {header: 'true'}, "
        + "schema: " + SCHEMA + "}\n  sink: " + sink + "\n");
  }

  private String scd2() {
    return layer("{path: out/customers, format: delta, mode: scd2, merge: {keys: [id], sequence_by: seq, "
        + "delete_when: \"op = 'D'\", except_columns: [op], track_history: [segment]}}");
  }

  private void input(String rows) {
    folder.write("changes/batch.csv", "id,seq,op,segment\n" + rows);
  }

  private List<String> customers() {
    return Rows.of(spark().read().format("delta").load(at("out/customers")), "id", "seq", "segment", "_valid_from",
        "_valid_to", "_is_current");
  }

  @Test
  void twoDifferentChangesOfAKeyAtOneSequenceStopTheRunBeforeAnythingIsWritten() {
    String cfg = scd2();
    input("1,10,U,gold\n1,10,U,silver\n2,5,U,gold\n");
    RunOutput tie = run(cfg);
    assertThat(tie.exitCode()).as(tie.toString()).isEqualTo(1);
    assertThat(tie.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot apply changes to "
        + at("out/customers") + ": two different changes of one key share one sequence value; give them different "
        + "sequence values or drop one (id=1, seq 10)");
    assertThat(tmp.resolve("out")).doesNotExist();

    input("1,10,U,gold\n1,10,U,gold\n2,5,U,gold\n");
    succeed(cfg);
    assertThat(customers()).containsExactly("1|10|gold|10|null|true", "2|5|gold|5|null|true");
    input("3,1,U,gold\n3,1,U,silver\n");
    RunOutput inTheBatch = run(cfg);
    assertThat(inTheBatch.exitCode()).as(inTheBatch.toString()).isEqualTo(1);
    assertThat(inTheBatch.errors()).singleElement().asString().endsWith("(id=3, seq 1)");
    input("2,5,U,bronze\n3,1,U,gold\n");
    RunOutput later = run(cfg);
    assertThat(later.exitCode()).as(later.toString()).isEqualTo(1);
    assertThat(later.errors()).singleElement().asString().endsWith("(id=2, seq 5)");
    assertThat(customers()).containsExactly("1|10|gold|10|null|true", "2|5|gold|5|null|true");
  }

  @Test
  void nullKeysAndSequencesAreCountedAndAStringSequenceIsRefused() {
    String cfg = scd2();
    input("1,,U,gold\n,3,U,gold\n2,5,U,gold\n");
    RunOutput nulls = run(cfg);
    assertThat(nulls.exitCode()).isEqualTo(1);
    assertThat(nulls.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot apply changes to "
        + at("out/customers") + ": 2 changes have a null key or seq (keys id)");
    RunOutput text = run(layer("{path: out/customers, format: delta, mode: merge, merge: {keys: [id], "
        + "sequence_by: segment}}"));
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot order the changes into "
        + at("out/customers") + ": sequence_by needs a number, date or timestamp column (segment is string)");
    assertThat(tmp.resolve("out")).doesNotExist();

    // into a table that exists, the merge's own pass finds them: the same message, nothing written
    input("2,5,U,gold\n");
    succeed(scd2());
    input("1,,U,gold\n,3,U,gold\n,4,U,gold\n3,5,U,gold\n");
    RunOutput later = run(cfg);
    assertThat(later.exitCode()).as(later.toString()).isEqualTo(1);
    assertThat(later.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot apply changes to "
        + at("out/customers") + ": 3 changes have a null key or seq (keys id)");
    assertThat(customers()).containsExactly("2|5|gold|5|null|true");
    assertThat(Rows.of(spark().read().format("delta").load(at("out/_prodi_customers/changes")), "id", "seq"))
        .containsExactly("2|5");
  }

  @Test
  void aRerunChangesNothingAndALateChangeSplitsHistory() {
    String cfg = scd2();
    input("1,10,U,gold\n1,30,U,gold\n2,5,U,gold\n2,9,D,gold\n3,10,U,gold\n3,30,U,silver\n");
    succeed(cfg);
    List<String> first = customers();
    assertThat(first).containsExactly("1|30|gold|10|null|true", "2|5|gold|5|9|false", "3|10|gold|10|30|false",
        "3|30|silver|30|null|true");
    assertThat(summary(succeed(cfg)).toString()).contains("\"mode\":\"scd2\",\"rows\":0");
    assertThat(customers()).isEqualTo(first);
    input("1,20,U,silver\n2,7,U,silver\n3,20,U,silver\n");
    RunOutput late = succeed(cfg);
    assertThat(customers()).containsExactly("1|10|gold|10|20|false", "1|20|silver|20|30|false",
        "1|30|gold|30|null|true", "2|5|gold|5|7|false", "2|7|silver|7|9|false", "3|10|gold|10|20|false",
        "3|30|silver|20|null|true");
    assertThat(summary(late).get("sinks").get(0).get("detail").asText()).as("3's version at 30 now starts at 20")
        .isEqualTo("4 inserted, 3 updated, 1 deleted");
  }

  @Test
  void snapshotsApplyInOrderDeleteVanishedKeysAndReopenReturningOnes() {
    String cfg = layer("{path: out/customers, format: delta, mode: scd2, merge: {keys: [id], snapshot: true, "
        + "except_columns: [seq, op]}}");
    input("1,0,U,gold\n2,0,U,gold\n3,0,U,gold\n");
    succeed(cfg, "--vars", "ds=2024-01-01");
    input("1,0,U,gold\n2,0,U,silver\n");
    succeed(cfg, "--vars", "ds=2024-01-02");
    input("1,0,U,gold\n2,0,U,silver\n3,0,U,bronze\n");
    succeed(cfg, "--vars", "ds=2024-01-03");
    List<String> expected = List.of("1|gold|2024-01-01|null|true", "2|gold|2024-01-01|2024-01-02|false",
        "2|silver|2024-01-02|null|true", "3|bronze|2024-01-03|null|true", "3|gold|2024-01-01|2024-01-02|false");
    assertThat(snapshotRows()).isEqualTo(expected);

    RunOutput older = run(cfg, "--vars", "ds=2024-01-02");
    assertThat(older.exitCode()).isEqualTo(1);
    assertThat(older.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot apply snapshot 2024-01-02 "
        + "to " + at("out/customers") + ": it is older than the last snapshot applied; snapshots apply in increasing "
        + "order (2024-01-03)");
    assertThat(summary(succeed(cfg, "--vars", "ds=2024-01-03")).toString()).contains("\"mode\":\"scd2\",\"rows\":0");
    assertThat(snapshotRows()).isEqualTo(expected);
  }

  private List<String> snapshotRows() {
    return Rows.of(spark().read().format("delta").load(at("out/customers")), "id", "segment", "_valid_from",
        "_valid_to", "_is_current");
  }

  @Test
  void aSnapshotIntoTheLatestRowsDeletesVanishedKeys() {
    String cfg = layer("{path: out/customers, format: delta, mode: merge, merge: {keys: [id], snapshot: true, "
        + "sequence_by: seq, except_columns: [op]}}");
    input("1,1,U,gold\n2,1,U,gold\n");
    succeed(cfg);
    input("1,2,U,gold\n3,2,U,silver\n");
    succeed(cfg);
    assertThat(Rows.of(spark().read().format("delta").load(at("out/customers")), "id", "seq", "segment"))
        .containsExactly("1|1|gold", "3|2|silver");
    input("1,1,U,gold\n");
    RunOutput older = run(cfg);
    assertThat(older.exitCode()).isEqualTo(1);
    assertThat(older.errors()).singleElement().asString().contains("it is older than the last snapshot applied");
  }

  @Test
  void aNewInputColumnNeedsSchemaEvolution() throws Exception {
    String cfg = layer("{path: out/customers, format: delta, mode: merge, merge: {keys: [id], sequence_by: seq, "
        + "except_columns: [segment]}}");
    input("1,1,U,gold\n");
    succeed(cfg);
    cfg = layer("{path: out/customers, format: delta, mode: merge, merge: {keys: [id], sequence_by: seq}}");
    input("1,2,U,gold\n");
    RunOutput refused = run(cfg);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot merge into "
        + at("out/customers") + ": the input has columns the table lacks; add them to the table with "
        + "merge.schema_evolution: add_columns, or drop them (segment)");
    assertThat(Rows.of(spark().read().format("delta").load(at("out/customers")))).containsExactly("1|1|U");
    cfg = layer("{path: out/customers, format: delta, mode: merge, merge: {keys: [id], sequence_by: seq, "
        + "schema_evolution: add_columns}}");
    succeed(cfg);
    assertThat(Rows.of(spark().read().format("delta").load(at("out/customers")))).containsExactly("1|2|U|gold");
    assertThat(Files.exists(tmp.resolve("out/_prodi_customers"))).as("no tombstones without deletes").isFalse();
  }
}
