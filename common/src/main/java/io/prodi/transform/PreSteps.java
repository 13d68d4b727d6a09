package io.prodi.transform;

import io.prodi.yaml.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The registry of {@code transform.pre} steps, keyed by the step's one key. */
public final class PreSteps {
  private static final Map<String, Function<ConfigNode, PreStep>> BINDERS = Map.of(
      "rename", RenameStep::bind,
      "cast", CastStep::bind,
      "drop", ColumnsStep::drop,
      "select", ColumnsStep::select,
      "filter", FilterStep::bind,
      "dedupe", DedupeStep::bind,
      "trim", ColumnsStep::trim,
      "add_metadata", AddMetadataStep::bind);

  private PreSteps() {}

  public static Set<String> names() {
    return BINDERS.keySet();
  }

  /** A step: a one-key mapping such as {@code {drop: [a]}}, or a bare name such as {@code add_metadata}. */
  public static Optional<PreStep> bind(ConfigNode node) {
    String name;
    ConfigNode body;
    if (node.isScalar()) {
      name = node.text();
      body = node.withoutValue();
    } else if (node.isMap() && node.entries().size() == 1) {
      name = node.entries().keySet().iterator().next();
      body = node.get(name);
    } else {
      node.expected("a one-key mapping such as {drop: [column]}");
      return Optional.empty();
    }
    Function<ConfigNode, PreStep> binder = BINDERS.get(name);
    if (binder == null) {
      node.unknown("pre step", name, names());
      return Optional.empty();
    }
    return Optional.of(binder.apply(body));
  }
}
