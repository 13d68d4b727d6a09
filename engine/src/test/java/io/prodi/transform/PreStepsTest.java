package io.prodi.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodi.engine.spi.StepContext;
import io.prodi.engine.transform.PreStepFunctions;
import io.prodi.run.RunFailure;
import io.prodi.testing.Rows;
import io.prodi.testing.TestSession;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Each pre step on a real DataFrame. */
class PreStepsTest {
  private static Dataset<Row> input() {
    return TestSession.get().sql("SELECT * FROM VALUES (1, ' a ', 'x', 5), (1, 'b', ' y', 9), (2, NULL, 'z', 7) "
        + "AS t(id, name, code, n)");
  }

  private static Dataset<Row> apply(String yaml) {
    Findings findings = new Findings("t.yml");
    PreStep step = PreSteps.bind(ConfigNode.root(YamlTree.parse(yaml, findings), findings)).orElseThrow();
    assertThat(findings.problems()).isEmpty();
    StepContext context = new StepContext(TestSession.get(), null, "run-7", null, null);
    return PreStepFunctions.apply(step, input(), context);
  }

  @Test
  void renameOneOrMany() {
    assertThat(apply("rename: {from: n, to: amount}").columns()).containsExactly("id", "name", "code", "amount");
    assertThat(apply("rename: {n: amount, code: c}").columns()).containsExactly("id", "name", "c", "amount");
  }

  @Test
  void castUsesSparkTypes() {
    assertThat(apply("cast: {n: 'decimal(10,2)', id: string}").schema().simpleString())
        .isEqualTo("struct<id:string,name:string,code:string,n:decimal(10,2)>");
  }

  @Test
  void dropAndSelect() {
    assertThat(apply("drop: [name, code]").columns()).containsExactly("id", "n");
    assertThat(apply("select: [n, id]").columns()).containsExactly("n", "id");
  }

  @Test
  void filterKeepsRowsWhereTheExpressionHolds() {
    assertThat(Rows.of(apply("filter: 'n > 5 AND name IS NOT NULL'"), "id", "n")).containsExactly("1|9");
  }

  @Test
  void dedupeKeepsTheFirstRowPerKeyInTheGivenOrder() {
    assertThat(Rows.of(apply("dedupe: {keys: [id], order_by: [n desc]}"), "id", "n")).containsExactly("1|9", "2|7");
    assertThat(Rows.of(apply("dedupe: {keys: [id], order_by: [n]}"), "id", "n")).containsExactly("1|5", "2|7");
    assertThat(apply("dedupe: {keys: [id]}").count()).isEqualTo(2);
  }

  @Test
  void trimListedColumnsOrEveryStringColumn() {
    assertThat(Rows.of(apply("trim: [name]"), "name", "code")).containsExactly("a|x", "b| y", "null|z");
    assertThat(Rows.of(apply("trim: []"), "name", "code")).containsExactly("a|x", "b|y", "null|z");
    assertThat(Rows.of(apply("trim"), "name", "code")).containsExactly("a|x", "b|y", "null|z");
  }

  @Test
  void addMetadataAddsIngestionTimeRunIdAndSource() {
    Dataset<Row> out = apply("add_metadata");
    assertThat(out.columns()).containsExactly("id", "name", "code", "n", "_ingestion_ts", "_run_id", "_source");
    assertThat(Rows.of(out.select("_run_id").distinct())).containsExactly("run-7");
    assertThat(out.where("_ingestion_ts IS NULL").count()).isZero();
  }

  @Test
  void aMissingColumnIsARunErrorNotASilentNoOp() {
    for (String step : List.of("rename: {from: nope, to: x}", "drop: [nope]", "cast: {nope: int}", "select: [nope]",
        "dedupe: {keys: [nope]}", "trim: [nope]")) {
      assertThatThrownBy(() -> apply(step)).isInstanceOf(RunFailure.class)
          .hasMessageEndingWith("nope: no such column in the input (columns: id, name, code, n)");
    }
  }
}
