package io.prodi.engine.change;

import io.prodi.run.RunFailure;
import io.prodi.sink.MergeSpec.SchemaEvolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Input columns an existing table lacks: an error naming them, or with {@code schema_evolution:
 * add_columns} nullable columns added to the table (and to the tables kept beside it) before the merge.
 */
final class NewColumns {
  private NewColumns() {}

  static void apply(ChangeTarget target, StructType stored, SchemaEvolution evolution, List<ChangeTarget> beside) {
    List<StructField> added = missingFrom(target, stored);
    if (added.isEmpty()) {
      return;
    }
    String names = added.stream().map(StructField::name).collect(Collectors.joining(", "));
    if (evolution != SchemaEvolution.ADD_COLUMNS) {
      throw new RunFailure("Cannot merge into " + target.shown() + ": the input has columns the table lacks; add them "
          + "to the table with merge.schema_evolution: add_columns, or drop them (" + names + ")");
    }
    target.addColumns(added);
    for (ChangeTarget side : beside) {
      if (side.exists()) {
        side.addColumns(missingFrom(side, stored));
      }
    }
  }

  private static List<StructField> missingFrom(ChangeTarget table, StructType stored) {
    List<String> present = Arrays.asList(table.rows().columns());
    List<StructField> missing = new ArrayList<>();
    for (StructField field : stored.fields()) {
      if (present.stream().noneMatch(field.name()::equalsIgnoreCase)) {
        missing.add(field);
      }
    }
    return missing;
  }
}
