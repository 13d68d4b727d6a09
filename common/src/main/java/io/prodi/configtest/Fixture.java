package io.prodi.configtest;

import io.prodi.storage.TableFormat;
import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fixture data standing in for a source: inline rows (types inferred, or a DDL schema) or a file. */
public final class Fixture {
  public static final Set<String> KEYS = Set.of("rows", "schema", "file", "format", "options");

  private final List<String> jsonRows;
  private final String schema;
  private final String file;
  private final String format;
  private final Map<String, String> options;

  private Fixture(List<String> jsonRows, String schema, String file, String format, Map<String, String> options) {
    this.jsonRows = List.copyOf(jsonRows);
    this.schema = schema;
    this.file = file;
    this.format = format;
    this.options = Map.copyOf(options);
  }

  static Fixture bind(ConfigNode node, String testFile) {
    node.allowKeys("a fixture", KEYS);
    List<String> rows = new ArrayList<>();
    for (ConfigNode row : node.get("rows").elements()) {
      if (!row.isMap()) {
        row.expected("a row mapping {column: value}");
      } else {
        rows.add(row.raw().toString());
      }
    }
    String schema = node.get("schema").text();
    if (schema != null) {
      SqlSyntax.schemaError(schema).ifPresent(e -> node.get("schema").error("Cannot parse schema: " + e + " ("
          + node.get("schema").shown() + ")"));
    }
    String file = node.get("file").text();
    if ((file == null) == !node.has("rows")) {
      node.error("Cannot read a fixture: give exactly one of rows and file (" + node.shown() + ")");
    }
    if (node.has("rows") && rows.isEmpty() && schema == null) {
      node.get("schema").error("Cannot type an empty fixture: give a schema for rows: [] (missing)");
    }
    String format = Optional.ofNullable(node.get("format").oneOf("format", TableFormat.READABLE)).orElse("parquet");
    return new Fixture(rows, schema, file == null ? null : ConfigFiles.resolveSibling(testFile, file), format,
        node.get("options").textMap());
  }

  /** The fixture's rows as JSON objects, one per row (empty for a file fixture). */
  public List<String> jsonRows() {
    return jsonRows;
  }

  /** The DDL schema, if given. */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  /** The fixture file, resolved against the test file, if it is a file fixture. */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  public String format() {
    return format;
  }

  public Map<String, String> options() {
    return options;
  }
}
