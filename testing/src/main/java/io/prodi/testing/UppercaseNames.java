package io.prodi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.api.Transform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A transform on the test class path, so that a config may name it. */
public final class UppercaseNames implements Transform {
  @Override
  public Dataset<Row> apply(Dataset<Row> input, JsonNode params) {
    Dataset<Row> out = input;
    for (String column : input.columns()) {
      out = out.withColumnRenamed(column, column.toUpperCase(java.util.Locale.ROOT));
    }
    return out;
  }
}
