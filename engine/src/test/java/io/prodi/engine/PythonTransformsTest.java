package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** The Python version's transform keys keep their effect on real DataFrames. */
class PythonTransformsTest extends LayerTestBase {
  private static final String RAW = "  source: {format: csv, path: in/raw.csv, options: {header: 'true'}}\n";

  @Test
  void normalizeColumnsRenamesAndTimestampColumnsCastAsTheToyCustomersDatasetAsks() {
    folder.write("in/raw.csv", "CUSTOMER_ID,SEGMENT,signup_ts\nc1,gold,2024-01-02 03:04:05\nc2,basic,2024-02-03 00:00:00\n");
    String config = folder.write("bronze.yml", "layer: bronze\nio:\n" + RAW + "  sink: {path: out/customers}\n"
        + "transform:\n  steps:\n    - name: normalize_columns\n      params:\n        mappings: {CUSTOMER_ID: customer_id,"
        + " SEGMENT: segment}\n  standardization:\n    timestamp_columns: [signup_ts]\n");
    RunOutput run = succeed(config);
    assertThat(run.err()).doesNotContain("warning");
    Dataset<Row> out = spark().read().parquet(at("out/customers"));
    assertThat(Arrays.asList(out.columns())).containsExactly("customer_id", "segment", "signup_ts");
    assertThat(out.schema().apply("signup_ts").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(Rows.of(out.orderBy("customer_id"), "customer_id", "segment", "signup_ts"))
        .containsExactly("c1|gold|2024-01-02 03:04:05.0", "c2|basic|2024-02-03 00:00:00.0");
  }

  @Test
  void referencesSqlIsTheTransformsSqlFileFoundUnderTheBaseDir() {
    folder.write("in/raw.csv", "id,amount\n1,10\n2,-5\n3,7\n");
    folder.write("sql/silver/positive.sql", "SELECT id, CAST(amount AS INT) * 2 AS doubled FROM __INPUT__ WHERE amount > 0");
    String config = folder.write("cfg/silver/positive.yml", "layer: silver\nio:\n" + RAW + "  sink: {path: out/positive}\n"
        + "transform:\n  references: {sql: sql/silver/positive.sql}\n");
    succeed(config);
    assertThat(Rows.of(spark().read().parquet(at("out/positive")).orderBy("id"), "id", "doubled"))
        .containsExactly("1|20", "3|14");
  }

  @Test
  void aStepWithNoJavaMeaningWarnsOnceAndTheRunGoesOn() {
    folder.write("in/raw.csv", "id\n1\n");
    String config = folder.write("silver.yml", "layer: silver\nio:\n" + RAW + "  sink: {path: out/same}\n"
        + "transform:\n  steps:\n    - name: compute_churn_flags\n      params: {window_days: 30}\n");
    RunOutput run = succeed(config);
    assertThat(run.errLines().stream().filter(l -> l.contains("compute_churn_flags"))).singleElement().asString()
        .contains("warning").contains("prodi migrate");
    assertThat(Rows.of(spark().read().parquet(at("out/same")), "id")).containsExactly("1");
  }
}
