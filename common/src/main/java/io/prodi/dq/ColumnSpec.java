package io.prodi.dq;

import io.prodi.yaml.ConfigNode;

/** {@code not_null} and {@code non_negative}: a rule on one column, with nothing more to say. */
public final class ColumnSpec extends ExpectationSpec {
  private ColumnSpec(Basics basics, ConfigNode node) {
    super(basics, column(node));
  }

  static ColumnSpec bind(ConfigNode node, Basics basics) {
    return new ColumnSpec(basics, node);
  }

  public String column() {
    return columns().get(0);
  }
}
