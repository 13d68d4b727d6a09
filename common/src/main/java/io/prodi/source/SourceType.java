package io.prodi.source;

import io.prodi.yaml.ConfigNode;
import java.util.Set;
import java.util.function.Function;

/** A source type of the registry: its name, the keys its spec accepts and how its config binds. */
final class SourceType {
  private final String name;
  private final Set<String> keys;
  private final Function<ConfigNode, ? extends SourceSpec> binder;

  SourceType(String name, Set<String> keys, Function<ConfigNode, ? extends SourceSpec> binder) {
    this.name = name;
    this.keys = keys;
    this.binder = binder;
  }

  String name() {
    return name;
  }

  /** The keys its spec accepts (what the binder allows; the config schema lists them). */
  Set<String> keys() {
    return keys;
  }

  SourceSpec bind(ConfigNode node) {
    return binder.apply(node);
  }
}
