package io.prodi.engine.transform;

import io.prodi.run.RunFailure;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Spark ignores a missing column in rename and drop: prodi does not let a step silently do nothing. */
final class ColumnCheck {
  private ColumnCheck() {}

  static void require(Dataset<Row> input, Collection<String> columns, String what) {
    List<String> present = Arrays.asList(input.columns());
    List<String> missing = columns.stream().filter(c -> present.stream().noneMatch(p -> p.equalsIgnoreCase(c)))
        .collect(Collectors.toList());
    if (!missing.isEmpty()) {
      throw new RunFailure("Cannot " + what + " " + String.join(", ", missing) + ": no such column in the input "
          + "(columns: " + String.join(", ", present) + ")");
    }
  }
}
