package io.prodi.source;

import io.prodi.bigquery.BigQueryTable;
import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type: bigquery}: a BigQuery table (optionally with a {@code filter} the connector pushes down) or the
 * result of a {@code query}, read through the spark-bigquery-connector the platform ships.
 */
public final class BigQuerySourceSpec implements SourceSpec {
  public static final Set<String> KEYS = Set.of("type", "name", "table", "query", "filter", "options", "incremental");

  private final String name;
  private final BigQueryTable table;
  private final String query;
  private final String filter;
  private final Map<String, String> options;
  private final WatermarkSpec watermark;

  private BigQuerySourceSpec(ConfigNode node, BigQueryTable table, String query) {
    this.name = node.get("name").text();
    this.table = table;
    this.query = query;
    this.filter = node.get("filter").text();
    this.options = node.get("options").textMap();
    this.watermark = WatermarkSpec.bind(node.get("incremental"), Set.of()).orElse(null);
  }

  static BigQuerySourceSpec bind(ConfigNode node) {
    node.allowKeys("a bigquery source", KEYS);
    boolean hasTable = node.has("table");
    String query = node.get("query").text();
    if (hasTable == node.has("query")) {
      node.error("Cannot read a bigquery source: give exactly one of table and query ("
          + (hasTable ? "both" : "neither") + ")");
    }
    BigQueryTable table = hasTable ? BigQueryTable.bind(node.get("table"), "the BigQuery table").orElse(null) : null;
    if (node.has("filter") && node.has("query")) {
      node.get("filter").error("Cannot use filter with query: put the condition in the query's WHERE clause ("
          + node.get("filter").shown() + ")");
    }
    return new BigQuerySourceSpec(node, table, query);
  }

  @Override
  public String type() {
    return "bigquery";
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
  public Optional<String> platformDataSource() {
    return Optional.of("bigquery");
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return table != null ? "bigquery " + table : "bigquery query";
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.of(new io.prodi.storage.DatasetName("bigquery", table != null ? table.toString() : "query"));
  }

  public Optional<BigQueryTable> table() {
    return Optional.ofNullable(table);
  }

  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /** A row filter in BigQuery SQL the connector applies when it reads the table ({@code _PARTITIONDATE > ...}). */
  public Optional<String> filter() {
    return Optional.ofNullable(filter);
  }

  /** More connector options, passed through as written. */
  public Map<String, String> options() {
    return options;
  }
}
