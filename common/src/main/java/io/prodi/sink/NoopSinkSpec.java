package io.prodi.sink;

import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.util.Map;
import java.util.Optional;

/** {@code kind: noop}: a sink that writes nothing (kept for configs of the Python version). */
public final class NoopSinkSpec implements SinkSpec {
  private final String name;

  private NoopSinkSpec(String name) {
    this.name = name;
  }

  /** A sink that writes nothing takes nothing but its kind and a name. */
  public static final java.util.Set<String> KEYS = java.util.Set.of("kind", "name");

  static NoopSinkSpec bind(ConfigNode node) {
    node.allowKeys("a noop sink", KEYS);
    return new NoopSinkSpec(node.get("name").text());
  }

  @Override
  public String type() {
    return "noop";
  }

  @Override
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public WriteMode mode() {
    return WriteMode.NOOP;
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return "(nothing: kind noop)";
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.empty(); // writes nothing: no dataset for lineage
  }
}
