package io.prodi.source;

import io.prodi.storage.StorageSpec;
import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigNode;
import io.prodi.storage.TableFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: table}: a table of the session catalog. */
public final class TableSourceSpec implements SourceSpec {
  public static final Set<String> KEYS = Set.of("type", "name", "table", "format", "incremental");

  private final String name;
  private final String table;
  private final WatermarkSpec watermark;
  private final String format;

  private TableSourceSpec(String name, String table, WatermarkSpec watermark, String format) {
    this.name = name;
    this.table = table;
    this.watermark = watermark;
    this.format = format;
  }

  static TableSourceSpec bind(ConfigNode node) {
    node.allowKeys("a table source", KEYS);
    String table = node.get("table").requiredText("the table name");
    if (table != null) {
      SqlSyntax.tableNameError(table).ifPresent(e ->
          node.get("table").error("Cannot parse table name: " + e + " (" + table + ")"));
    }
    String format = node.get("format").oneOf("format", TableFormat.VERSIONED);
    return new TableSourceSpec(node.get("name").text(), table,
        WatermarkSpec.bind(node.get("incremental"), Set.of(), TableFormat.ICEBERG.is(format) ? format
            : "a " + (format == null ? "" : format + " ") + "table of the session catalog").orElse(null), format);
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
  public Optional<WatermarkSpec> watermark() {
    return Optional.ofNullable(watermark);
  }

  /** An Iceberg table read by version gives only the changes after its watermark, a snapshot id (not ordered). */
  @Override
  public boolean filtersItsWatermark() {
    return TableFormat.ICEBERG.is(format) && watermark != null && watermark.byVersion();
  }

  @Override
  public Optional<TableFormat> tableFormat() {
    return TableFormat.of(format);
  }

  @Override
  public Optional<String> catalogTable() {
    return Optional.ofNullable(table);
  }

  @Override
  public Optional<String> platformDataSource() {
    return tableFormat().filter(f -> f == TableFormat.ICEBERG).map(TableFormat::id);
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return "table " + table;
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.of(io.prodi.storage.DatasetName.catalogTable(table));
  }

  public String table() {
    return table;
  }
}
