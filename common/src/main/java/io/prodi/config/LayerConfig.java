package io.prodi.config;

import io.prodi.dq.DqSpec;
import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import io.prodi.storage.StorageSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A layer config after variables, extends and dataset defaults: immutable, built once by the loader. */
public final class LayerConfig {
  private final String uri;
  private final Layer layer;
  private final String environment;
  private final Boolean dryRun;
  private final ComputeSpec compute;
  private final List<SourceSpec> sources;
  private final List<SinkSpec> sinks;
  private final TransformSpec transform;
  private final DqSpec dq;
  private final Map<String, StorageSpec> storage;
  private final String stateUri;
  private final String datasetId;
  private final EnvironmentConfig environmentConfig;
  private final String baseDir;
  private final LineageSpec lineage;
  private final Map<String, io.prodi.catalog.CatalogSpec> catalogs;
  private final TriggerSpec trigger;
  private final RefreshSpec refresh;

  LayerConfig(Builder b) {
    this.refresh = b.refresh;
    this.trigger = b.trigger;
    this.uri = b.uri;
    this.layer = b.layer;
    this.environment = b.environment;
    this.dryRun = b.dryRun;
    this.compute = b.compute;
    this.sources = List.copyOf(b.sources);
    this.sinks = List.copyOf(b.sinks);
    this.transform = b.transform;
    this.dq = b.dq;
    this.storage = Map.copyOf(b.storage);
    this.stateUri = b.stateUri;
    this.datasetId = b.datasetId;
    this.environmentConfig = b.environmentConfig;
    this.baseDir = b.baseDir;
    this.lineage = b.lineage;
    this.catalogs = Map.copyOf(b.catalogs);
  }

  /** The config file this was loaded from. */
  public String uri() {
    return uri;
  }

  public Layer layer() {
    return layer;
  }

  public Optional<String> environment() {
    return Optional.ofNullable(environment);
  }

  /** {@code dry_run} as the config says it; null when it does not. */
  public Boolean dryRun() {
    return dryRun;
  }

  /** How a layer that reads a stream runs its micro-batches (available_now unless the config says). */
  public TriggerSpec trigger() {
    return trigger;
  }

  /** {@code refresh}: the sink holds what the SQL gives over the sources' current versions (none: the run's own rows). */
  public Optional<RefreshSpec> refresh() {
    return Optional.ofNullable(refresh);
  }

  /** Whether a source reads a stream (a position planned before each micro-batch: Kafka offsets, new files). */
  public boolean streams() {
    return sources.stream().anyMatch(s -> s.watermark().map(io.prodi.source.WatermarkSpec::planned).orElse(false));
  }

  public ComputeSpec compute() {
    return compute;
  }

  public List<SourceSpec> sources() {
    return sources;
  }

  public List<SinkSpec> sinks() {
    return sinks;
  }

  public TransformSpec transform() {
    return transform;
  }

  public DqSpec dq() {
    return dq;
  }

  /** The layer's own {@code storage:} block. */
  public Map<String, StorageSpec> storage() {
    return storage;
  }

  /**
   * Per protocol, the storage whose {@code default_uri} locations resolve against: the layer's when it
   * gives one, else the environment config's.
   */
  public Map<String, StorageSpec> locationStorage() {
    Map<String, StorageSpec> out = new TreeMap<>(environmentConfig.storage());
    storage.forEach((protocol, spec) -> {
      if (spec.defaultUri().isPresent() || !out.containsKey(protocol)) {
        out.put(protocol, spec);
      }
    });
    return out;
  }

  public Optional<String> stateUri() {
    return Optional.ofNullable(stateUri);
  }

  public Optional<String> datasetId() {
    return Optional.ofNullable(datasetId);
  }

  public EnvironmentConfig environmentConfig() {
    return environmentConfig;
  }

  /** The folder relative data paths resolve against ({@code --base-dir}). */
  public String baseDir() {
    return baseDir;
  }

  /** Where this layer's OpenLineage events go: its own (or its dataset's) {@code lineage}, else the environment's. */
  public Optional<LineageSpec> lineage() {
    return lineage == null ? environmentConfig.lineage() : Optional.of(lineage);
  }

  /**
   * The Iceberg catalogs its tables are named in: the environment's, then its own (or its dataset's), which win
   * by name.
   */
  public Map<String, io.prodi.catalog.CatalogSpec> catalogs() {
    Map<String, io.prodi.catalog.CatalogSpec> all = new java.util.TreeMap<>(environmentConfig.catalogs());
    all.putAll(catalogs);
    return all;
  }

  /** The same config reading {@code newSources} instead: a refresh's sources pinned at the versions it reads. */
  public LayerConfig withSources(List<SourceSpec> newSources) {
    Builder b = new Builder(this);
    b.sources = newSources;
    return new LayerConfig(b);
  }

  /** The config with {@code dq.fail_on_error} set from the command line. */
  public LayerConfig withDq(DqSpec newDq) {
    Builder b = new Builder(this);
    b.dq = newDq;
    return new LayerConfig(b);
  }

  /**
   * The same config reading and writing elsewhere: for {@code prodi test}, which replaces the sources
   * with fixtures and sends sinks, quarantine, report and state to a temporary folder. A refreshed layer
   * runs as the full recompute its first run is: fixtures are a table's contents, not its versions.
   */
  public LayerConfig redirected(List<SourceSpec> newSources, List<SinkSpec> newSinks, DqSpec newDq,
      String newStateUri) {
    Builder b = new Builder(this);
    b.sources = newSources;
    b.sinks = newSinks;
    b.dq = newDq;
    b.stateUri = newStateUri;
    b.refresh = null;
    return new LayerConfig(b);
  }

  /** Mutable only while the reader fills it. */
  static final class Builder {
    String uri;
    Layer layer;
    String environment;
    Boolean dryRun;
    ComputeSpec compute;
    List<SourceSpec> sources = List.of();
    List<SinkSpec> sinks = List.of();
    TransformSpec transform = TransformSpec.none();
    DqSpec dq = DqSpec.none();
    Map<String, StorageSpec> storage = Map.of();
    String stateUri;
    String datasetId;
    EnvironmentConfig environmentConfig = EnvironmentConfig.none();
    String baseDir;
    LineageSpec lineage;
    Map<String, io.prodi.catalog.CatalogSpec> catalogs = Map.of();
    TriggerSpec trigger = TriggerSpec.availableNow();
    RefreshSpec refresh;

    Builder() {}

    Builder(LayerConfig c) {
      uri = c.uri;
      layer = c.layer;
      environment = c.environment;
      dryRun = c.dryRun;
      compute = c.compute;
      sources = c.sources;
      sinks = c.sinks;
      transform = c.transform;
      dq = c.dq;
      storage = c.storage;
      stateUri = c.stateUri;
      datasetId = c.datasetId;
      environmentConfig = c.environmentConfig;
      baseDir = c.baseDir;
      lineage = c.lineage;
      catalogs = c.catalogs;
      trigger = c.trigger;
      refresh = c.refresh;
    }
  }
}
