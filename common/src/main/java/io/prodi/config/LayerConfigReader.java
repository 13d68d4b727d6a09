package io.prodi.config;

import io.prodi.catalog.CatalogSpec;
import io.prodi.config.OwnSourceOverwrite;
import io.prodi.dq.DqSpec;
import io.prodi.sink.SinkSpec;
import io.prodi.sink.SinkTypes;
import io.prodi.source.SourceSpec;
import io.prodi.source.SourceTypes;
import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a resolved layer-config tree into a {@link LayerConfig}, recording every problem with its
 * YAML path: unknown keys, wrong types, missing keys, unknown types, and the checks that span blocks.
 */
public final class LayerConfigReader {
  /** Keys of a layer config once {@code extends} and {@code paths} have been applied by the loader. */
  public static final Set<String> IO_KEYS = Set.of("source", "sink");
  public static final Set<String> STATE_KEYS = Set.of("uri");
  public static final Set<String> KEYS = Set.of("layer", "environment", "dry_run", "description", "compute", "io",
      "transform", "dq", "storage", "state", "lineage", "dataset_config", "environment_config", "database_config",
      "catalogs", "trigger", "refresh");
  private static final Set<String> RESERVED_VIEWS = Set.of("__INPUT__", "__BASE__");

  private LayerConfigReader() {}

  /**
   * @param expected the layer the command runs, if it names one: the config must declare the same
   */
  public static LayerConfig read(ConfigNode root, String uri, Optional<Layer> expected, String datasetId,
      EnvironmentConfig environmentConfig, String baseDir) {
    root.allowKeys("a layer config", KEYS);
    LayerConfig.Builder b = new LayerConfig.Builder();
    b.uri = uri;
    b.layer = layer(root.get("layer"), expected);
    b.refresh = RefreshSpec.bind(root.get("refresh"), root).orElse(null);
    io.prodi.sink.WriteMode defaultMode = b.refresh != null ? io.prodi.sink.WriteMode.OVERWRITE
        : b.layer == null ? io.prodi.sink.WriteMode.APPEND : b.layer.defaultSinkMode();
    b.environment = root.get("environment").text();
    b.dryRun = root.get("dry_run").bool();
    b.compute = ComputeSpec.bind(root.get("compute"));
    ConfigNode io = root.get("io");
    io.allowKeys("io", IO_KEYS);
    b.sources = sources(io.get("source"));
    b.sinks = sinks(io.get("sink"), defaultMode);
    b.transform = root.has("transform") ? TransformSpec.bind(root.get("transform")) : TransformSpec.none();
    b.dq = DqSpec.bind(root.get("dq"));
    if (b.sources.stream().anyMatch(SourceSpec::decodesValues)) {
      b.dq = b.dq.withValueParses();
    }
    b.storage = StorageSpec.bindAll(root.get("storage"));
    ConfigNode state = root.get("state");
    state.allowKeys("state", STATE_KEYS);
    b.stateUri = state.get("uri").text();
    b.lineage = LineageSpec.bind(root.get("lineage")).orElse(null);
    b.catalogs = CatalogSpec.bindAll(root.get("catalogs"));
    b.trigger = TriggerSpec.bind(root.get("trigger"));
    b.datasetId = datasetId;
    b.environmentConfig = environmentConfig;
    b.baseDir = baseDir;
    LayerConfig config = new LayerConfig(b);
    OwnSourceOverwrite.check(io.get("sink"), config);
    if (root.has("trigger") && !config.streams()) {
      root.get("trigger").error("Cannot set a trigger: no source of this layer reads a stream (a kafka source, or "
          + "files with incremental by files) (" + root.get("trigger").shown() + ")");
    }
    if (config.refresh().isPresent()) {
      RefreshRules.check(root, config);
    }
    return config;
  }

  private static Layer layer(ConfigNode node, Optional<Layer> expected) {
    String given = node.text();
    if (given == null) {
      if (expected.isEmpty()) {
        node.missing("the layer (" + String.join(", ", Layer.ids()) + ")");
      }
      return expected.orElse(null);
    }
    Optional<Layer> layer = Layer.fromId(given);
    if (layer.isEmpty()) {
      node.unknown("layer", given, Layer.ids());
      return expected.orElse(null);
    }
    if (expected.isPresent() && expected.get() != layer.get()) {
      node.error("Cannot run this config in the " + expected.get().id() + " layer: it declares layer "
          + layer.get().id() + " (" + given + ")");
    }
    return layer.get();
  }

  private static List<SourceSpec> sources(ConfigNode node) {
    if (node.isMissing()) {
      node.missing("at least one source");
      return List.of();
    }
    if (node.isMap() && node.raw().size() == 0) {
      // the Python version's io.source that only named the dataset and environment configs, for a layer the
      // dataset gives no source: validate and dry runs warn, a real run refuses it
      node.findings().runError(node.path(), "Cannot locate the source: io.source only named the dataset and "
          + "environment configs, and the dataset gives this layer no source; set io.source.path ({})");
      return List.of();
    }
    List<SourceSpec> sources = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode item : node.oneOrMany()) {
      Optional<SourceSpec> source = SourceTypes.bind(item);
      source.ifPresent(sources::add);
      source.flatMap(SourceSpec::name).ifPresent(name -> checkSourceName(item.get("name"), name, names));
    }
    if (node.isList() && sources.isEmpty() && node.elements().isEmpty()) {
      node.error("Cannot run a layer without sources: io.source is an empty list ([])");
    }
    return sources;
  }

  private static void checkSourceName(ConfigNode node, String name, Set<String> seen) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      node.error("Cannot name a source " + name + ": SQL refers to it as a view, use letters, digits and _ ("
          + name + ")");
    } else if (RESERVED_VIEWS.contains(name)) {
      node.error("Cannot name a source " + name + ": the name is reserved for the layer's input (" + name + ")");
    } else if (!seen.add(name)) {
      node.error("Cannot name two sources " + name + ": source names must be unique (" + name + ")");
    }
  }

  private static List<SinkSpec> sinks(ConfigNode node, io.prodi.sink.WriteMode defaultMode) {
    if (node.isMissing()) {
      node.missing("at least one sink (use kind: noop to write nothing on purpose)");
      return List.of();
    }
    List<SinkSpec> sinks = new ArrayList<>();
    for (ConfigNode item : node.oneOrMany()) {
      SinkTypes.bind(item, defaultMode).ifPresent(sinks::add);
    }
    if (node.isList() && node.elements().isEmpty()) {
      node.error("Cannot run a layer without sinks: io.sink is an empty list ([])");
    }
    return sinks;
  }
}
