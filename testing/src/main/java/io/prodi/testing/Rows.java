package io.prodi.testing;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rows of a DataFrame as sorted strings, to compare real DataFrames with expected rows. */
public final class Rows {
  private Rows() {}

  /** Each row as "a|b|c" over the given columns, sorted. */
  public static List<String> of(Dataset<Row> data, String... columns) {
    Dataset<Row> selected = columns.length == 0 ? data : data.selectExpr(columns);
    return selected.collectAsList().stream().map(r -> {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(i == 0 ? "" : "|").append(r.isNullAt(i) ? "null" : String.valueOf(r.get(i)));
      }
      return line.toString();
    }).sorted().collect(Collectors.toList());
  }
}
