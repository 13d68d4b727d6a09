package io.prodi.sink;

import io.prodi.storage.TableFormat;
import io.prodi.storage.StorageSpec;
import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: table}: a table of the session catalog. */
public final class TableSinkSpec implements SinkSpec {
  public static final Set<String> KEYS = Set.of("type", "name", "kind", "table", "format", "mode", "partition_by",
      "options", "merge", "table_properties");

  private final String name;
  private final String table;
  private final String format;
  private final WriteMode mode;
  private final List<String> partitionBy;
  private final Map<String, String> options;
  private final MergeSpec merge;
  private final List<io.prodi.catalog.PartitionTransform> transforms;
  private final Map<String, String> tableProperties;

  private TableSinkSpec(ConfigNode node, String table, String format, WriteMode mode, MergeSpec merge) {
    this.name = node.get("name").text();
    this.table = table;
    this.format = format;
    this.mode = mode;
    this.partitionBy = node.get("partition_by").textList();
    this.options = node.get("options").textMap();
    this.merge = merge;
    this.transforms = TableFormat.ICEBERG.is(format) ? transforms(node.get("partition_by"), partitionBy) : List.of();
    this.tableProperties = TableProperties.bind(node, format != null ? format : mode.mergesByKey() ? "delta" : null);
  }

  @Override
  public Map<String, String> tableProperties() {
    return tableProperties;
  }

  private static List<io.prodi.catalog.PartitionTransform> transforms(ConfigNode node, List<String> entries) {
    List<io.prodi.catalog.PartitionTransform> out = new java.util.ArrayList<>();
    List<ConfigNode> elements = node.isList() ? node.elements() : List.of(node);
    for (int i = 0; i < entries.size(); i++) {
      io.prodi.catalog.PartitionTransform.parse(elements.get(Math.min(i, elements.size() - 1)), entries.get(i))
          .ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  static TableSinkSpec bind(ConfigNode node, WriteMode defaultMode) {
    node.allowKeys("a table sink", KEYS);
    String table = node.get("table").requiredText("the table name");
    if (table != null) {
      SqlSyntax.tableNameError(table).ifPresent(e ->
          node.get("table").error("Cannot parse table name: " + e + " (" + table + ")"));
    }
    String format = node.get("format").oneOf("format", TableFormat.TABLE);
    WriteMode mode = WriteModes.mode(node, defaultMode, WriteModes.ALL);
    if (mode.mergesByKey() && format != null && !TableFormat.mergesByKey(format)) {
      node.get("mode").error("Cannot merge into a " + format + " table: mode " + mode + " needs format delta or "
          + "iceberg (" + format + ")");
    }
    return new TableSinkSpec(node, table, format, mode, MergeSpec.bind(node, mode));
  }

  @Override
  public String type() {
    return "table";
  }

  @Override
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public WriteMode mode() {
    return mode;
  }

  /** Its format; a merge or scd2 without one is into Delta; else the catalog's default (none named). */
  @Override
  public Optional<TableFormat> tableFormat() {
    return format != null ? TableFormat.of(format) : mode.mergesByKey() ? Optional.of(TableFormat.DELTA)
        : Optional.empty();
  }

  @Override
  public Optional<String> catalogTable() {
    return Optional.ofNullable(table);
  }

  @Override
  public Optional<String> platformDataSource() {
    return tableFormat().filter(f -> f == TableFormat.ICEBERG).map(TableFormat::id);
  }

  /** The partition transforms of an Iceberg table ({@code days(ts)}, {@code bucket(16, id)}; empty otherwise). */
  public List<io.prodi.catalog.PartitionTransform> partitionTransforms() {
    return transforms;
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return "table " + table;
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.of(io.prodi.storage.DatasetName.catalogTable(table));
  }

  @Override
  public Optional<StoredData> storedData(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.of(new StoredData(StoredData.TABLE, table, Map.of()));
  }

  public String table() {
    return table;
  }

  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  @Override
  public List<String> partitionBy() {
    return partitionBy;
  }

  public Map<String, String> options() {
    return options;
  }

  @Override
  public List<NamedColumn> namedColumns() {
    List<NamedColumn> named = new java.util.ArrayList<>();
    if (TableFormat.ICEBERG.is(format)) {
      for (int i = 0; i < transforms.size(); i++) { // one per entry, unless an entry did not parse (an error already)
        named.add(new NamedColumn(transforms.get(i).column(),
            transforms.size() == partitionBy.size() ? "partition_by[" + i + "]" : "partition_by"));
      }
    } else {
      named.addAll(NamedColumn.listed("partition_by", partitionBy));
    }
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
