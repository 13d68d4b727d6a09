package io.prodi.source;

import io.prodi.config.ConfigNode;
import io.prodi.engine.StepContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The registry of source types, keyed by the lower-case {@code type} (files is the default). */
public final class SourceTypes {
  private static final Map<String, SourceType> TYPES = Map.of(
      "files", SourceType.of("files", FilesSourceSpec.KEYS, FilesSourceSpec::bind, FilesSourceReader::read),
      "table", SourceType.of("table", TableSourceSpec.KEYS, TableSourceSpec::bind, TableSourceReader::read),
      "http", SourceType.of("http", HttpSourceSpec.KEYS, HttpSourceSpec::bind, HttpSourceReader::read),
      "jdbc", SourceType.of("jdbc", JdbcSourceSpec.KEYS, JdbcSourceSpec::bind, JdbcSourceReader::read));

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

  /** Reads a source (lazily: a DataFrame, no rows yet). */
  public static Dataset<Row> read(SourceSpec spec, StepContext context) {
    return TYPES.get(spec.type()).read(spec, context);
  }
}
