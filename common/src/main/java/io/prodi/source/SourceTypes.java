package io.prodi.source;

import io.prodi.config.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The registry of source types, keyed by the lower-case {@code type} (files is the default). */
public final class SourceTypes {
  private static final Map<String, Function<ConfigNode, SourceSpec>> BINDERS = Map.of(
      "files", FilesSourceSpec::bind,
      "http", HttpSourceSpec::bind,
      "jdbc", JdbcSourceSpec::bind,
      "table", TableSourceSpec::bind);

  private SourceTypes() {}

  public static Set<String> names() {
    return BINDERS.keySet();
  }

  /** The source a mapping describes, or empty when its type is unknown (the problem is recorded). */
  public static Optional<SourceSpec> bind(ConfigNode node) {
    if (!node.isMap()) {
      node.expected("a source mapping");
      return Optional.empty();
    }
    String type = Optional.ofNullable(node.get("type").text()).orElse("files");
    Function<ConfigNode, SourceSpec> binder = BINDERS.get(type.toLowerCase(java.util.Locale.ROOT));
    if (binder == null) {
      node.get("type").unknown("source type", type, names());
      return Optional.empty();
    }
    return Optional.of(binder.apply(node));
  }
}
