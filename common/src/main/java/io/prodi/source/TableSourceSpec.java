package io.prodi.source;

import io.prodi.storage.StorageSpec;
import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: table}: a table of the session catalog. */
public final class TableSourceSpec implements SourceSpec {
  public static final Set<String> KEYS = Set.of("type", "name", "table", "incremental");

  private final String name;
  private final String table;
  private final WatermarkSpec watermark;

  private TableSourceSpec(String name, String table, WatermarkSpec watermark) {
    this.name = name;
    this.table = table;
    this.watermark = watermark;
  }

  static TableSourceSpec bind(ConfigNode node) {
    node.allowKeys("a table source", KEYS);
    String table = node.get("table").requiredText("the table name");
    if (table != null) {
      SqlSyntax.tableNameError(table).ifPresent(e ->
          node.get("table").error("Cannot parse table name: " + e + " (" + table + ")"));
    }
    return new TableSourceSpec(node.get("name").text(), table,
        WatermarkSpec.bind(node.get("incremental"), Set.of()).orElse(null));
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

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return "table " + table;
  }

  public String table() {
    return table;
  }
}
