package io.prodi.transform;

import io.prodi.engine.StepContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import static org.apache.spark.sql.functions.col;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

import io.prodi.config.ConfigNode;
import java.util.List;

/**
 * The steps that take a list of columns: {@code drop}, {@code select} and {@code trim} (for trim,
 * no list means every string column).
 */
public final class ColumnsStep implements PreStep {
  private final String type;
  private final List<String> columns;

  private ColumnsStep(String type, List<String> columns) {
    this.type = type;
    this.columns = List.copyOf(columns);
  }

  static ColumnsStep drop(ConfigNode node) {
    return bind("drop", node, true);
  }

  static ColumnsStep select(ConfigNode node) {
    return bind("select", node, true);
  }

  static ColumnsStep trim(ConfigNode node) {
    return bind("trim", node, false);
  }

  private static ColumnsStep bind(String type, ConfigNode node, boolean required) {
    List<String> columns = node.textList();
    if (required && columns.isEmpty()) {
      node.error("Cannot " + type + " columns: expected a list of column names (" + node.shown() + ")");
    }
    return new ColumnsStep(type, columns);
  }

  @Override
  public String type() {
    return type;
  }

  /** The columns; empty for a trim of every string column. */
  public List<String> columns() {
    return columns;
  }

  @Override
  public String describe() {
    return type + " " + (columns.isEmpty() ? "(all string columns)" : String.join(", ", columns));
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> input, StepContext context) {
    ColumnCheck.require(input, columns, type);
    switch (type) {
      case "drop":
        return input.drop(columns.toArray(new String[0]));
      case "select":
        return input.select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
      default:
        return trim(input);
    }
  }

  private Dataset<Row> trim(Dataset<Row> input) {
    java.util.Set<String> targets = new java.util.HashSet<>(columns);
    Dataset<Row> out = input;
    for (StructField field : input.schema().fields()) {
      boolean wanted = columns.isEmpty() ? field.dataType() instanceof StringType : targets.contains(field.name());
      if (wanted) {
        out = out.withColumn(field.name(), org.apache.spark.sql.functions.trim(col(field.name())));
      }
    }
    return out;
  }
}
