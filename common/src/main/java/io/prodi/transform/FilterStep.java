package io.prodi.transform;

import io.prodi.yaml.ConfigNode;

/** {@code filter: "<Spark SQL boolean expression>"}: keeps the rows for which it is true. */
public final class FilterStep implements PreStep {
  private final String condition;

  private FilterStep(String condition) {
    this.condition = condition;
  }

  static FilterStep bind(ConfigNode node) {
    String condition = node.requiredText("a filter expression");
    if (condition != null) {
      SqlSyntax.expressionError(condition).ifPresent(e ->
          node.error("Cannot parse filter: " + e + " (" + condition + ")"));
    }
    return new FilterStep(condition);
  }

  @Override
  public String type() {
    return "filter";
  }

  public String condition() {
    return condition;
  }

  @Override
  public String describe() {
    return "filter " + condition;
  }
}
