package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.util.List;

/** {@code valid_values}: the column holds one of {@code values} (a null is not a failure). */
public final class ValidValuesSpec extends ExpectationSpec {
  private final List<String> values;

  private ValidValuesSpec(Basics basics, ConfigNode node) {
    super(basics, column(node));
    this.values = node.get("values").textList();
    if (values.isEmpty()) {
      node.get("values").missing("the list of valid values");
    }
  }

  static ValidValuesSpec bind(ConfigNode node, Basics basics) {
    return new ValidValuesSpec(basics, node);
  }

  public String column() {
    return columns().get(0);
  }

  public List<String> values() {
    return values;
  }
}
