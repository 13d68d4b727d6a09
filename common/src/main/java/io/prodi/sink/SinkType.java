package io.prodi.sink;

import io.prodi.yaml.ConfigNode;
import java.util.Set;

/** A sink type of the registry: its name, the keys its spec accepts and how its config binds. */
final class SinkType {
  /** Binds a sink mapping given the layer's default write mode. */
  interface Binder {
    SinkSpec bind(ConfigNode node, WriteMode defaultMode);
  }

  private final String name;
  private final Set<String> keys;
  private final Binder binder;

  SinkType(String name, Set<String> keys, Binder binder) {
    this.name = name;
    this.keys = keys;
    this.binder = binder;
  }

  String name() {
    return name;
  }

  SinkSpec bind(ConfigNode node, WriteMode defaultMode) {
    return binder.bind(node, defaultMode);
  }

  /** The keys its spec accepts (what the binder allows; the config schema lists them). */
  Set<String> keys() {
    return keys;
  }
}
