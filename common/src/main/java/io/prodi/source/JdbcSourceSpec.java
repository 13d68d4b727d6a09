package io.prodi.source;

import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: jdbc}: a table or query read through Spark's JDBC data source. */
public final class JdbcSourceSpec implements SourceSpec {
  public static final Set<String> KEYS = Set.of("type", "name", "url", "driver", "table", "query", "options",
      "auth", "partitioning", "incremental");
  public static final Set<String> PARTITIONING_KEYS =
      Set.of("column", "num_partitions", "lower_bound", "upper_bound", "discover");

  private final String name;
  private final String url;
  private final String driver;
  private final String table;
  private final String query;
  private final Map<String, String> options;
  private final JdbcAuthSpec auth;
  private final Partitioning partitioning;
  private final WatermarkSpec watermark;

  private JdbcSourceSpec(ConfigNode node, String url, String table, String query, Partitioning partitioning) {
    this.name = node.get("name").text();
    this.url = url;
    this.driver = node.get("driver").text();
    this.table = table;
    this.query = query;
    this.options = node.get("options").textMap();
    this.auth = JdbcAuthSpec.bind(node.get("auth"), url);
    this.partitioning = partitioning;
    this.watermark = WatermarkSpec.bind(node.get("incremental"), Set.of("placeholder")).orElse(null);
  }

  static JdbcSourceSpec bind(ConfigNode node) {
    node.allowKeys("a jdbc source", KEYS);
    String url = node.get("url").requiredText("the JDBC URL");
    JdbcUrl.check(node.get("url"), url, node.get("options"), node.get("options").textMap());
    String table = node.get("table").text();
    String query = node.get("query").text();
    if ((table == null) == (query == null)) {
      node.error("Cannot read a jdbc source: give exactly one of table and query ("
          + (table == null ? "neither" : "both") + ")");
    }
    return new JdbcSourceSpec(node, url, table, query, Partitioning.bind(node.get("partitioning")));
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
  public Optional<WatermarkSpec> watermark() {
    return Optional.ofNullable(watermark);
  }

  @Override
  public boolean filtersItsWatermark() {
    return query != null && watermark != null && query.contains(watermark.placeholder());
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return url + (table != null ? " table " + table : " query");
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.of(io.prodi.storage.DatasetName.jdbc(url, table != null ? table : "query"));
  }

  public String url() {
    return url;
  }

  public Optional<String> driver() {
    return Optional.ofNullable(driver);
  }

  public Optional<String> table() {
    return Optional.ofNullable(table);
  }

  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  public Map<String, String> options() {
    return options;
  }

  public JdbcAuthSpec auth() {
    return auth;
  }

  public Optional<Partitioning> partitioning() {
    return Optional.ofNullable(partitioning);
  }

  /** {@code partitioning}: a parallel read split on a numeric or date column. */
  public static final class Partitioning {
    private final String column;
    private final int numPartitions;
    private final String lowerBound;
    private final String upperBound;
    private final boolean discover;

    private Partitioning(String column, int numPartitions, String lowerBound, String upperBound, boolean discover) {
      this.column = column;
      this.numPartitions = numPartitions;
      this.lowerBound = lowerBound;
      this.upperBound = upperBound;
      this.discover = discover;
    }

    static Partitioning bind(ConfigNode node) {
      if (node.isMissing()) {
        return null;
      }
      node.allowKeys("partitioning", PARTITIONING_KEYS);
      String column = node.get("column").requiredText("the partition column");
      Integer partitions = node.get("num_partitions").positiveInt();
      if (partitions == null && !node.has("num_partitions")) {
        node.get("num_partitions").missing("the number of partitions");
      }
      String lower = node.get("lower_bound").text();
      String upper = node.get("upper_bound").text();
      boolean discover = node.get("discover").bool(lower == null || upper == null);
      if (!discover && (lower == null || upper == null)) {
        node.error("Cannot partition a jdbc read: lower_bound and upper_bound are required when discover is "
            + "false (" + lower + ", " + upper + ")");
      }
      return new Partitioning(column, partitions == null ? 1 : partitions, lower, upper, discover);
    }

    public String column() {
      return column;
    }

    public int numPartitions() {
      return numPartitions;
    }

    public Optional<String> lowerBound() {
      return Optional.ofNullable(lowerBound);
    }

    public Optional<String> upperBound() {
      return Optional.ofNullable(upperBound);
    }

    public boolean discover() {
      return discover;
    }
  }
}
