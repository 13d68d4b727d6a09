package io.prodi.transform;

import io.prodi.yaml.ConfigNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code cast: {column: type}}, types in Spark SQL syntax ({@code decimal(18,2)}, {@code date}, ...). */
public final class CastStep implements PreStep {
  private final Map<String, String> types;

  private CastStep(Map<String, String> types) {
    this.types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  static CastStep bind(ConfigNode node) {
    if (node.isMissing()) {
      node.missing("a mapping of column: type");
    }
    Map<String, String> types = node.textMap();
    types.forEach((column, type) -> SqlSyntax.dataTypeError(type).ifPresent(e ->
        node.get(column).error("Cannot cast " + column + ": not a Spark SQL type, " + e + " (" + type + ")")));
    return new CastStep(types);
  }

  @Override
  public String type() {
    return "cast";
  }

  public Map<String, String> types() {
    return types;
  }

  @Override
  public String describe() {
    return "cast " + types;
  }
}
