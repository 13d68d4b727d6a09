package io.prodi.source;

import io.prodi.yaml.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of source types, keyed by the lower-case {@code type} (files is the default): how each binds.
 * How a run reads each is the engine's {@code SourceReaders}, keyed by the same names.
 */
public final class SourceTypes {
  private static final Map<String, SourceType> TYPES = Map.of(
      "files", new SourceType("files", FilesSourceSpec.KEYS, FilesSourceSpec::bind),
      "table", new SourceType("table", TableSourceSpec.KEYS, TableSourceSpec::bind),
      "http", new SourceType("http", HttpSourceSpec.KEYS, HttpSourceSpec::bind),
      "jdbc", new SourceType("jdbc", JdbcSourceSpec.KEYS, JdbcSourceSpec::bind),
      "bigquery", new SourceType("bigquery", BigQuerySourceSpec.KEYS, BigQuerySourceSpec::bind),
      "kafka", new SourceType("kafka", KafkaSourceSpec.KEYS, KafkaSourceSpec::bind));

  private SourceTypes() {}

  public static Set<String> names() {
    return TYPES.keySet();
  }

  /** The keys a source of {@code type} accepts. */
  public static Set<String> keys(String type) {
    return TYPES.get(type).keys();
  }

  /** The source a mapping describes, or empty when its type is unknown (the problem is recorded). */
  public static Optional<SourceSpec> bind(ConfigNode node) {
    if (!node.isMap()) {
      node.expected("a source mapping");
      return Optional.empty();
    }
    String type = Optional.ofNullable(node.get("type").text()).orElse("files");
    SourceType found = TYPES.get(type.toLowerCase(java.util.Locale.ROOT));
    if (found == null) {
      node.get("type").unknown("source type", type, names());
      return Optional.empty();
    }
    return Optional.of(found.bind(node));
  }
}
