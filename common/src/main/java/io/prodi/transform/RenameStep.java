package io.prodi.transform;

import io.prodi.yaml.ConfigNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code rename: {from: a, to: b}} or {@code rename: {a: b, c: d}}. */
public final class RenameStep implements PreStep {
  private final Map<String, String> renames;

  private RenameStep(Map<String, String> renames) {
    this.renames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renames));
  }

  static RenameStep bind(ConfigNode node) {
    Map<String, String> renames = new LinkedHashMap<>();
    if (node.has("from") || node.has("to")) {
      node.allowKeys("rename", Set.of("from", "to"));
      String from = node.get("from").requiredText("the column to rename");
      String to = node.get("to").requiredText("the new column name");
      if (from != null && to != null) {
        renames.put(from, to);
      }
    } else {
      renames.putAll(node.textMap());
      if (renames.isEmpty() && !node.isMissing()) {
        node.expected("{from: column, to: new_name} or a mapping of old: new names");
      }
    }
    if (node.isMissing()) {
      node.missing("a mapping of columns to rename");
    }
    return new RenameStep(renames);
  }

  @Override
  public String type() {
    return "rename";
  }

  public Map<String, String> renames() {
    return renames;
  }

  @Override
  public String describe() {
    return "rename " + renames;
  }
}
