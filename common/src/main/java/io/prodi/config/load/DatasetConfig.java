package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.Layer;
import io.prodi.yaml.ConfigNode;
import java.util.Optional;
import java.util.Set;

/** A dataset config: an id, and per layer the defaults of its config blocks. */
public final class DatasetConfig {
  public static final Set<String> KEYS = Set.of("id", "description", "layers");
  public static final Set<String> BLOCK_KEYS = Set.of("compute", "io", "transform", "dq", "storage", "lineage",
      "catalogs");

  private final String id;
  private final ConfigNode layers;

  private DatasetConfig(String id, ConfigNode layers) {
    this.id = id;
    this.layers = layers;
  }

  /** Reads the file's own keys (its blocks are checked where a layer config uses them). */
  public static DatasetConfig bind(ConfigNode root) {
    root.allowKeys("a dataset config", KEYS);
    String id = root.get("id").requiredText("the dataset id");
    ConfigNode layers = root.get("layers");
    layers.entries().forEach((name, block) -> {
      if (Layer.fromId(name).isEmpty()) {
        block.unknown("layer", name, Layer.ids());
      }
      block.allowKeys("a dataset's " + name + " block", BLOCK_KEYS);
    });
    return new DatasetConfig(id, layers);
  }

  public String id() {
    return id;
  }

  /** The defaults this dataset gives the layer, if it has a block for it. */
  public Optional<JsonNode> defaultsFor(Layer layer) {
    ConfigNode block = layers.get(layer.id());
    return block.isMap() ? Optional.of(block.raw()) : Optional.empty();
  }
}
