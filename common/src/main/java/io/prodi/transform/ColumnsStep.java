package io.prodi.transform;

import io.prodi.yaml.ConfigNode;
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
}
