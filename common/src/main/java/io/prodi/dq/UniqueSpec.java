package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.List;

/** {@code unique}: no two rows share the key ({@code column} or {@code columns}); rows with a null in it are not compared. */
public final class UniqueSpec extends ExpectationSpec {
  private UniqueSpec(Basics basics, List<String> key) {
    super(basics, key);
  }

  static UniqueSpec bind(ConfigNode node, Basics basics) {
    List<String> key = new ArrayList<>();
    String column = node.get("column").text();
    if (column != null) {
      key.add(column);
    }
    key.addAll(node.get("columns").textList());
    if (key.isEmpty()) {
      node.get("column").missing("the column to check");
    }
    return new UniqueSpec(basics, key);
  }
}
