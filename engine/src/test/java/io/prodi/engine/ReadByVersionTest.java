package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import org.junit.jupiter.api.Test;

/**
 * {@code incremental: {by: version}}: silver reads only what bronze committed since its last run, from
 * Delta's change data feed; a table that cannot give its changes fails and says how to recover.
 */
class ReadByVersionTest extends LayerTestBase {
  private String bronze(boolean changeFeed) {
    String path = at("bronze");
    spark().sql("CREATE TABLE delta.`" + path + "` (id INT, name STRING) USING delta"
        + (changeFeed ? " TBLPROPERTIES (delta.enableChangeDataFeed = true)" : ""));
    return path;
  }

  private void sql(String statement) {
    spark().sql(statement.replace("BRONZE", "delta.`" + at("bronze") + "`"));
  }

  private String silver() {
    return folder.write("silver.yml", "layer: silver\nstate: {uri: state}\nio:\n"
        + "  source: {name: bronze, format: delta, path: bronze, incremental: {by: version}}\n"
        + "  sink: {path: out, format: delta, mode: append}\n");
  }

  private java.util.List<String> out() {
    return Rows.of(spark().read().format("delta").load(at("out")), "id", "name", "_change_type", "_commit_version");
  }

  @Test
  void eachRunReadsOnlyTheChangesCommittedSinceTheLast() {
    bronze(true);
    sql("INSERT INTO BRONZE VALUES (1, 'a'), (2, 'b')");
    String cfg = silver();
    succeed(cfg);
    assertThat(out()).containsExactly("1|a|insert|1", "2|b|insert|1");

    sql("INSERT INTO BRONZE VALUES (3, 'c')");
    sql("UPDATE BRONZE SET name = 'B' WHERE id = 2");
    sql("DELETE FROM BRONZE WHERE id = 1");
    RunOutput second = succeed(cfg);
    assertThat(out()).containsExactly("1|a|delete|4", "1|a|insert|1", "2|B|update_postimage|3", "2|b|insert|1",
        "3|c|insert|2");
    assertThat(second.summary().toString()).contains("\"rows\":3");

    RunOutput nothingNew = succeed(cfg);
    assertThat(nothingNew.summary().path("sources").get(0).path("rows").asLong()).isZero();
    assertThat(out()).hasSize(5);
  }

  @Test
  void aTableWithoutItsChangesFailsAndSaysHowToRecover() {
    bronze(false);
    sql("INSERT INTO BRONZE VALUES (1, 'a')");
    String cfg = silver();
    succeed(cfg);
    sql("INSERT INTO BRONZE VALUES (2, 'b')");
    RunOutput failed = run(cfg);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.errors()).singleElement().asString().startsWith("prodi: error: Cannot read the changes of "
        + at("bronze") + " after version 1: ").contains("turn on delta.enableChangeDataFeed on the table if it is off, "
        + "then run prodi state reset for this source to read the whole table once (versions 2 to 2)");
    assertThat(out()).containsExactly("1|a|insert|1");
  }
}
