package io.prodi.sink;

import io.prodi.source.JdbcAuthSpec;
import io.prodi.source.JdbcUrl;
import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: jdbc}: rows written to a database table through Spark's JDBC data source. */
public final class JdbcSinkSpec implements SinkSpec {
  public static final Set<String> KEYS = Set.of("type", "name", "kind", "url", "driver", "table", "mode", "options",
      "auth");

  private final String name;
  private final String url;
  private final String driver;
  private final String table;
  private final WriteMode mode;
  private final Map<String, String> options;
  private final JdbcAuthSpec auth;

  private JdbcSinkSpec(ConfigNode node, String url, String table, WriteMode mode) {
    this.name = node.get("name").text();
    this.url = url;
    this.driver = node.get("driver").text();
    this.table = table;
    this.mode = mode;
    this.options = node.get("options").textMap();
    this.auth = JdbcAuthSpec.bind(node.get("auth"), url);
  }

  static JdbcSinkSpec bind(ConfigNode node, WriteMode defaultMode) {
    node.allowKeys("a jdbc sink", KEYS);
    String url = node.get("url").requiredText("the JDBC URL");
    JdbcUrl.check(node.get("url"), url, node.get("options"), node.get("options").textMap());
    String table = node.get("table").requiredText("the table name");
    WriteMode fallback = defaultMode == WriteMode.OVERWRITE ? WriteMode.OVERWRITE : WriteMode.APPEND;
    WriteMode mode = WriteModes.mode(node, fallback, java.util.EnumSet.of(WriteMode.OVERWRITE, WriteMode.APPEND));
    return new JdbcSinkSpec(node, url, table, mode);
  }

  @Override
  public String type() {
    return "jdbc";
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
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return url + " table " + table;
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.of(io.prodi.storage.DatasetName.jdbc(url, table));
  }

  public String url() {
    return url;
  }

  public Optional<String> driver() {
    return Optional.ofNullable(driver);
  }

  public String table() {
    return table;
  }

  public Map<String, String> options() {
    return options;
  }

  public JdbcAuthSpec auth() {
    return auth;
  }
}
