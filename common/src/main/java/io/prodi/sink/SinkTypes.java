package io.prodi.sink;

import io.prodi.config.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry of sink types, keyed by the lower-case {@code type} (files is the default). */
public final class SinkTypes {
  /** Binds a sink mapping given the layer's default write mode. */
  private interface Binder {
    SinkSpec bind(ConfigNode node, String defaultMode);
  }

  private static final Map<String, Binder> BINDERS = Map.of(
      "files", FilesSinkSpec::bind,
      "table", TableSinkSpec::bind,
      "jdbc", JdbcSinkSpec::bind);

  private SinkTypes() {}

  public static Set<String> names() {
    return BINDERS.keySet();
  }

  /** The sink a mapping describes, or empty when its type is unknown (the problem is recorded). */
  public static Optional<SinkSpec> bind(ConfigNode node, String defaultMode) {
    if (!node.isMap()) {
      node.expected("a sink mapping");
      return Optional.empty();
    }
    String kind = node.get("kind").text();
    if (kind != null) {
      if (kind.equalsIgnoreCase("noop")) {
        return Optional.of(NoopSinkSpec.bind(node));
      }
      node.get("kind").unknown("sink kind", kind, Set.of("noop"));
    }
    String type = Optional.ofNullable(node.get("type").text()).orElse("files");
    Binder binder = BINDERS.get(type.toLowerCase(java.util.Locale.ROOT));
    if (binder == null) {
      node.get("type").unknown("sink type", type, names());
      return Optional.empty();
    }
    return Optional.of(binder.bind(node, defaultMode));
  }
}
