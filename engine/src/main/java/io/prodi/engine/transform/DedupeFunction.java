package io.prodi.engine.transform;

import static org.apache.spark.sql.functions.col;

import io.prodi.engine.spi.StepContext;
import io.prodi.transform.DedupeStep;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Applies {@code dedupe}: the first row per key in the step's order (any row when it has none). */
final class DedupeFunction {
  private DedupeFunction() {}

  static Dataset<Row> apply(DedupeStep step, Dataset<Row> input, StepContext context) {
    ColumnCheck.require(input, step.keys(), "dedupe on");
    if (step.orderBy().isEmpty()) {
      return input.dropDuplicates(step.keys().toArray(new String[0]));
    }
    String rank = "__prodi_dedupe_rank";
    WindowSpec window = Window.partitionBy(step.keys().stream().map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new))
        .orderBy(step.orderBy().stream().map(DedupeFunction::sortColumn).toArray(Column[]::new));
    return input.withColumn(rank, org.apache.spark.sql.functions.row_number().over(window))
        .where(col(rank).equalTo(1)).drop(rank);
  }

  /** "updated_at desc nulls last" as a sort column (ascending, nulls first by default, as in SQL). */
  static Column sortColumn(String item) {
    String[] words = item.trim().replace("`", "").split("\\s+");
    Column column = col(words[0]);
    boolean descending = words.length > 1 && words[1].equalsIgnoreCase("desc");
    String nulls = words.length > 2 ? words[words.length - 1].toLowerCase(Locale.ROOT) : "";
    if (descending) {
      return nulls.equals("first") ? column.desc_nulls_first() : column.desc_nulls_last();
    }
    return nulls.equals("last") ? column.asc_nulls_last() : column.asc_nulls_first();
  }
}
