package io.prodi.sink;

import io.prodi.storage.TableFormat;
import io.prodi.storage.LocationSpec;
import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: files}: files in a Spark format at a location, or a Delta table. */
public final class FilesSinkSpec implements SinkSpec {
  public static final Set<String> KEYS = keys();

  private final String name;
  private final String format;
  private final LocationSpec location;
  private final WriteMode mode;
  private final List<String> partitionBy;
  private final Integer coalesce;
  private final Integer repartition;
  private final Map<String, String> options;
  private final MergeSpec merge;
  private final Map<String, String> tableProperties;

  private FilesSinkSpec(ConfigNode node, String format, LocationSpec location, WriteMode mode, MergeSpec merge) {
    this.name = node.get("name").text();
    this.format = format;
    this.location = location;
    this.mode = mode;
    this.partitionBy = node.get("partition_by").textList();
    this.coalesce = WriteModes.positive(node.get("coalesce")).orElse(null);
    this.repartition = WriteModes.positive(node.get("repartition")).orElse(null);
    this.options = node.get("options").textMap();
    this.merge = merge;
    this.tableProperties = TableProperties.bind(node, format);
  }

  private FilesSinkSpec(FilesSinkSpec base, List<String> partitionBy, WriteMode mode, MergeSpec merge) {
    this.name = base.name;
    this.format = base.format;
    this.location = base.location;
    this.mode = mode;
    this.partitionBy = List.copyOf(partitionBy);
    this.coalesce = base.coalesce;
    this.repartition = base.repartition;
    this.options = base.options;
    this.merge = merge;
    this.tableProperties = base.tableProperties;
  }

  /**
   * This sink partitioned first by {@code column} and overwriting only the partitions it writes: how a
   * quarantine keyed by its run replaces that run's rows on a rerun instead of appending them again.
   */
  @Override
  public Optional<SinkSpec> keyedByRun(String column) {
    if (mode != WriteMode.APPEND) {
      return Optional.empty();
    }
    List<String> partitions = new java.util.ArrayList<>(List.of(column));
    partitions.addAll(partitionBy);
    return Optional.of(new FilesSinkSpec(this, partitions, WriteMode.OVERWRITE, merge));
  }

  /** This Delta sink (a path of its own) writing as {@code upsert} does in {@code mode}: a config test's copy of a sink. */
  public FilesSinkSpec upserting(WriteMode newMode, MergeSpec upsert) {
    return new FilesSinkSpec(this, partitionBy, newMode, upsert);
  }

  private static Set<String> keys() {
    Set<String> keys = new HashSet<>(Set.of("type", "name", "kind", "format", "mode", "partition_by", "coalesce",
        "repartition", "options", "merge", "table_properties"));
    keys.addAll(LocationSpec.KEYS);
    return Set.copyOf(keys);
  }

  static FilesSinkSpec bind(ConfigNode node, WriteMode defaultMode) {
    node.allowKeys("a files sink", KEYS);
    LocationSpec location = LocationSpec.bind(node);
    if (location.isEmpty()) {
      node.error("Cannot locate files sink: none of uri, path, uris, relative_path, local_fallback is set");
    }
    String format = Optional.ofNullable(node.get("format").oneOf("format", TableFormat.WRITABLE)).orElse("parquet");
    WriteMode mode = WriteModes.mode(node, defaultMode, WriteModes.ALL);
    if (mode.mergesByKey() && !TableFormat.DELTA.is(format)) {
      node.get("mode").error("Cannot merge into " + format + " files: mode " + mode + " needs format delta ("
          + format + ")");
    }
    if (node.has("coalesce") && node.has("repartition")) {
      node.error("Cannot use both coalesce and repartition on one sink: choose one ("
          + node.get("coalesce").shown() + ", " + node.get("repartition").shown() + ")");
    }
    return new FilesSinkSpec(node, format, location, mode, MergeSpec.bind(node, mode));
  }

  @Override
  public String type() {
    return "files";
  }

  @Override
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public WriteMode mode() {
    return mode;
  }

  @Override
  public Optional<TableFormat> tableFormat() {
    return TableFormat.of(format);
  }

  @Override
  public Optional<String> fileFormat() {
    return Optional.of(format);
  }

  @Override
  public Optional<String> replacesFilesIn(Map<String, StorageSpec> storage, String baseDir) {
    return mode == WriteMode.OVERWRITE && !TableFormat.DELTA.is(format) ? Optional.of(location(storage, baseDir)) : Optional.empty();
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return location.resolve(storage, baseDir).orElse("(no location)");
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return location.resolve(storage, baseDir).map(io.prodi.storage.DatasetName::file);
  }

  @Override
  public Optional<StoredData> storedData(Map<String, StorageSpec> storage, String baseDir) {
    return location.resolve(storage, baseDir).map(uri -> new StoredData(format, uri, options));
  }

  public String format() {
    return format;
  }

  public LocationSpec locationSpec() {
    return location;
  }

  @Override
  public List<String> partitionBy() {
    return partitionBy;
  }

  public Optional<Integer> coalesce() {
    return Optional.ofNullable(coalesce);
  }

  public Optional<Integer> repartition() {
    return Optional.ofNullable(repartition);
  }

  public Map<String, String> options() {
    return options;
  }

  @Override
  public Map<String, String> tableProperties() {
    return tableProperties;
  }

  @Override
  public List<NamedColumn> namedColumns() {
    List<NamedColumn> named = new java.util.ArrayList<>(NamedColumn.listed("partition_by", partitionBy));
    named.addAll(merge.namedColumns());
    return named;
  }

  @Override
  public Optional<MergeSpec> upsert() {
    return mode.mergesByKey() ? Optional.of(merge) : Optional.empty();
  }

  /** The merge block: keys and change ordering of mode merge or scd2 (empty otherwise). */
  public MergeSpec merge() {
    return merge;
  }
}
