package io.prodi.sink;

import io.prodi.yaml.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of sink types, keyed by the lower-case {@code type} (files is the default): how each binds.
 * How a run writes each is the engine's {@code SinkWriters}, keyed by the same names.
 */
public final class SinkTypes {
  private static final Map<String, SinkType> TYPES = Map.of(
      "files", new SinkType("files", FilesSinkSpec.KEYS, FilesSinkSpec::bind),
      "table", new SinkType("table", TableSinkSpec.KEYS, TableSinkSpec::bind),
      "jdbc", new SinkType("jdbc", JdbcSinkSpec.KEYS, JdbcSinkSpec::bind),
      "bigquery", new SinkType("bigquery", BigQuerySinkSpec.KEYS, BigQuerySinkSpec::bind));
  /** The keys of a sink's {@code merge} block. */
  public static final Set<String> MERGE_KEYS = WriteModes.MERGE_KEYS;
  /** {@code kind: noop}: a sink that writes nothing on purpose. */
  public static final Set<String> KINDS = Set.of("noop");

  private SinkTypes() {}

  public static Set<String> names() {
    return TYPES.keySet();
  }

  /** The keys a sink of {@code type} accepts. */
  public static Set<String> keys(String type) {
    return TYPES.get(type).keys();
  }

  /** Every word {@code mode} accepts (each type allows a subset). */
  public static Set<String> modes() {
    return WriteModes.WORDS;
  }

  /** The sink a mapping describes, or empty when its type is unknown (the problem is recorded). */
  public static Optional<SinkSpec> bind(ConfigNode node, WriteMode defaultMode) {
    if (!node.isMap()) {
      node.expected("a sink mapping");
      return Optional.empty();
    }
    String kind = node.get("kind").text();
    if (kind != null) {
      if (kind.equalsIgnoreCase("noop")) {
        return Optional.of(NoopSinkSpec.bind(node));
      }
      node.get("kind").unknown("sink kind", kind, KINDS);
    }
    String type = Optional.ofNullable(node.get("type").text()).orElse("files");
    SinkType found = TYPES.get(type.toLowerCase(java.util.Locale.ROOT));
    if (found == null) {
      node.get("type").unknown("sink type", type, names());
      return Optional.empty();
    }
    return Optional.of(found.bind(node, defaultMode));
  }
}
