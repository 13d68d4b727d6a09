package io.prodi.dq;

import io.prodi.yaml.ConfigNode;

/**
 * {@code primary_key}: {@code columns} together identify each row: no row has a null in them and no
 * two rows share their values. Evaluated in the shared pass (a count and a distinct count).
 */
public final class PrimaryKeySpec extends ExpectationSpec {
  private PrimaryKeySpec(Basics basics, ConfigNode node) {
    super(basics, columns(node));
  }

  static PrimaryKeySpec bind(ConfigNode node, Basics basics) {
    return new PrimaryKeySpec(basics, node);
  }
}
