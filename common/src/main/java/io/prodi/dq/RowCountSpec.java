package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.util.List;

/** {@code min_row_count} and {@code max_row_count}: the output has at least / at most {@code value} rows. */
public final class RowCountSpec extends ExpectationSpec {
  private final long bound;

  private RowCountSpec(Basics basics, ConfigNode node) {
    super(basics, List.of());
    Long count = node.get("value").integer();
    if (count == null && !node.has("value")) {
      node.get("value").missing("the row count");
    } else if (count != null && count < 0) {
      node.get("value").error("Cannot check row count: must not be negative (" + count + ")");
    }
    this.bound = count == null ? 0 : count;
  }

  static RowCountSpec bind(ConfigNode node, Basics basics) {
    return new RowCountSpec(basics, node);
  }

  /** Whether the bound is a minimum ({@code min_row_count}) rather than a maximum. */
  public boolean isMinimum() {
    return type().id().startsWith("min_");
  }

  public long bound() {
    return bound;
  }
}
