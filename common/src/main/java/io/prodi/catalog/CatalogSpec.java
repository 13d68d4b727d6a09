package io.prodi.catalog;

import io.prodi.yaml.ConfigNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One entry of {@code catalogs:}: an Iceberg catalog a layer's tables are named in ({@code lake.sales.orders} is
 * table {@code sales.orders} of catalog {@code lake}). It answers with the Spark properties that register it.
 */
public final class CatalogSpec {
  public static final Set<String> KEYS = Set.of("type", "uri", "warehouse", "project", "options");
  /** The BigLake metastore's Iceberg REST endpoint. */
  public static final String BIGLAKE_URI = "https://biglake.googleapis.com/iceberg/v1/restcatalog";
  static final String SPARK_CATALOG = "org.apache.iceberg.spark.SparkCatalog";
  /** Parts of a catalog property name that hold a secret (OAuth credential and token, S3 keys, passwords). */
  private static final List<String> SECRET_PARTS = List.of("credential", "token", "secret", "password", "access-key",
      "private-key");

  private static final String HADOOP_FILE_IO = "org.apache.iceberg.hadoop.HadoopFileIO";
  private final String name;
  private final CatalogType type;
  private final String uri;
  private final String warehouse;
  private final String project;
  private final Map<String, String> options;

  private CatalogSpec(String name, CatalogType type, ConfigNode node) {
    this.name = name;
    this.type = type;
    this.uri = node.get("uri").text();
    this.warehouse = node.get("warehouse").text();
    this.project = node.get("project").text();
    this.options = node.get("options").textMap();
  }

  /** Every catalog of a {@code catalogs:} mapping that binds; the problems of the others are recorded. */
  public static Map<String, CatalogSpec> bindAll(ConfigNode node) {
    Map<String, CatalogSpec> catalogs = new TreeMap<>();
    if (node.isMissing()) {
      return catalogs;
    }
    if (!node.isMap()) {
      node.expected("a mapping of catalog names");
      return catalogs;
    }
    node.entries().forEach((name, entry) -> bind(name, entry).ifPresent(c -> catalogs.put(name, c)));
    return catalogs;
  }

  private static Optional<CatalogSpec> bind(String name, ConfigNode node) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || name.equalsIgnoreCase("spark_catalog")) {
      node.error("Cannot use catalog name: expected a SQL identifier other than spark_catalog (" + name + ")");
    }
    node.allowKeys("a catalog", KEYS);
    String given = node.get("type").requiredText("the catalog type (" + String.join(", ", CatalogType.ids()) + ")");
    if (given == null) {
      return Optional.empty();
    }
    Optional<CatalogType> type = CatalogType.fromId(given);
    if (type.isEmpty()) {
      node.get("type").unknown("catalog type", given, CatalogType.ids());
      return Optional.empty();
    }
    checkSecretsAndTls(name, node);
    switch (type.get()) {
      case HADOOP:
        node.get("warehouse").requiredText("the warehouse location of a hadoop catalog");
        refuse(node, "uri", "a hadoop catalog has no server");
        refuse(node, "project", "only a biglake catalog bills a project");
        break;
      case REST:
        node.get("uri").requiredText("the REST catalog's URI");
        refuse(node, "project", "only a biglake catalog bills a project");
        break;
      default:
        node.get("project").requiredText("the Google Cloud project of a biglake catalog");
        node.get("warehouse").requiredText("the warehouse of a biglake catalog (gs://bucket or bq://projects/...)");
    }
    return Optional.of(new CatalogSpec(name, type.get(), node));
  }

  /** No literal secret among the options (the config is logged and shipped), no plain HTTP off the loopback. */
  private static void checkSecretsAndTls(String name, ConfigNode node) {
    node.get("options").textMap().keySet().forEach(key -> {
      String lower = key.toLowerCase(Locale.ROOT);
      if (SECRET_PARTS.stream().anyMatch(lower::contains)) {
        node.get("options").get(key).error("Cannot use a literal credential in catalog option " + key + ": give it "
            + "to spark-submit as spark.sql.catalog." + name + "." + key + " from a secret store (value hidden)");
      }
    });
    String uri = node.get("uri").text();
    if (uri != null && uri.trim().toLowerCase(Locale.ROOT).startsWith("http://")
        && !io.prodi.storage.Loopback.urlHost(uri).map(io.prodi.storage.Loopback::isLoopbackHost).orElse(false)) {
      node.get("uri").error("Cannot turn TLS off for catalog " + name + ": plain http is allowed only for a catalog "
          + "on a loopback address (" + uri + ")");
    }
  }

  private static void refuse(ConfigNode node, String key, String why) {
    if (node.has(key)) {
      node.get(key).error("Cannot use " + key + " in a " + node.get("type").text() + " catalog: " + why + " ("
          + node.get(key).shown() + ")");
    }
  }

  public String name() {
    return name;
  }

  public CatalogType type() {
    return type;
  }

  public Optional<String> warehouse() {
    return Optional.ofNullable(warehouse);
  }

  /**
   * The Spark properties that register it ({@code spark.sql.catalog.<name>...}), a relative local warehouse
   * resolved against {@code baseDir} (as data paths are); {@code options} last, winning.
   */
  public Map<String, String> sparkProperties(String baseDir) {
    Map<String, String> catalog = new LinkedHashMap<>();
    catalog.put("", SPARK_CATALOG);
    if (type == CatalogType.HADOOP) {
      catalog.put(".type", "hadoop");
    } else {
      catalog.put(".type", "rest");
      catalog.put(".uri", uri != null ? uri : BIGLAKE_URI);
    }
    if (warehouse != null) {
      catalog.put(".warehouse", io.prodi.yaml.ConfigFiles.resolveAgainst(baseDir, warehouse));
    }
    if (type == CatalogType.REST) { // the files through Hadoop's FileSystem and prodi's storage keys, as Spark's own
      catalog.put(".io-impl", HADOOP_FILE_IO);
    }
    if (type == CatalogType.BIGLAKE) {
      catalog.put(".header.x-goog-user-project", project);
      catalog.put(".rest.auth.type", "org.apache.iceberg.gcp.auth.GoogleAuthManager");
      catalog.put(".io-impl", "org.apache.iceberg.gcp.gcs.GCSFileIO");
      catalog.put(".rest-metrics-reporting-enabled", "false");
    }
    options.forEach((key, value) -> catalog.put("." + key, value));
    Map<String, String> properties = new LinkedHashMap<>();
    catalog.forEach((key, value) -> properties.put("spark.sql.catalog." + name + key, value));
    return properties;
  }
}
