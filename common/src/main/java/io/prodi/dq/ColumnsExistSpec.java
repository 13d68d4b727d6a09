package io.prodi.dq;

import io.prodi.yaml.ConfigNode;

/** {@code columns_exist}: the output has every one of {@code columns}; checked on the schema, before any job. */
public final class ColumnsExistSpec extends ExpectationSpec {
  private ColumnsExistSpec(Basics basics, ConfigNode node) {
    super(basics, columns(node));
  }

  static ColumnsExistSpec bind(ConfigNode node, Basics basics) {
    return new ColumnsExistSpec(basics, node);
  }
}
