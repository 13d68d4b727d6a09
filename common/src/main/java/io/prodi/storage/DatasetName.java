package io.prodi.storage;

import java.net.URI;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Objects;

/**
 * A dataset's OpenLineage identity, as the OpenLineage naming spec gives it: the namespace names the
 * data source (a bucket, a database server, {@code bigquery}) and the name the dataset within it.
 */
public final class DatasetName {
  private final String namespace;
  private final String name;

  public DatasetName(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  /** An HTTP resource: {@code https://host[:port]} + its path (never its query, which may carry a key). */
  public static DatasetName http(String url) {
    URI uri = URI.create(url);
    return new DatasetName(uri.getScheme() + "://" + uri.getRawAuthority(), Objects.toString(uri.getPath(), "/"));
  }

  /** A file or folder: {@code gs://bucket} + key, {@code s3://bucket} + key, {@code abfss://container@account...}, {@code file}. */
  public static DatasetName file(String location) {
    if (!location.contains("://") && !location.startsWith("file:")) {
      return new DatasetName("file", Paths.get(location).toAbsolutePath().normalize().toString());
    }
    URI uri = URI.create(location.replace(" ", "%20"));
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String path = Objects.toString(uri.getPath(), "");
    switch (scheme) {
      case "file":
        return new DatasetName("file", path);
      case "s3":
      case "s3a":
      case "s3n":
        return new DatasetName("s3://" + uri.getHost(), stripSlash(path));
      case "gs":
        return new DatasetName("gs://" + uri.getAuthority(), stripSlash(path));
      case "abfs":
      case "abfss":
        return new DatasetName("abfss://" + uri.getAuthority(), stripSlash(path));
      default:
        return new DatasetName(scheme + "://" + uri.getAuthority(), path);
    }
  }

  /** A JDBC table: {@code postgres://host:port} + {@code database.schema.table}; {@code mysql://host:port} + {@code database.table}. */
  public static DatasetName jdbc(String url, String table) {
    URI uri = URI.create(url.substring("jdbc:".length()).split("\\?", 2)[0].split(";", 2)[0]);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String database = stripSlash(Objects.toString(uri.getPath(), ""));
    int port = uri.getPort();
    switch (scheme) {
      case "postgresql":
      case "postgres":
        String qualified = table.contains(".") ? table : "public." + table;
        return new DatasetName("postgres://" + uri.getHost() + ":" + (port < 0 ? 5432 : port), database + "." + qualified);
      case "mysql":
      case "mariadb":
        return new DatasetName(scheme + "://" + uri.getHost() + ":" + (port < 0 ? 3306 : port), database + "." + table);
      default:
        return new DatasetName(scheme + "://" + uri.getHost() + (port < 0 ? "" : ":" + port),
            database.isEmpty() ? table : database + "." + table);
    }
  }

  /** A BigQuery table: namespace {@code bigquery}, name {@code project.dataset.table}. */
  public static DatasetName bigQuery(String project, String dataset, String table) {
    return new DatasetName("bigquery", project + "." + dataset + "." + table);
  }

  /**
   * A table in a Spark catalog. An Iceberg table is named by where its files live (the warehouse's
   * storage, as the Spark integration does) when the location is known; else by catalog.
   */
  public static DatasetName catalogTable(String table) {
    return new DatasetName("spark_catalog", table);
  }

  /** An Iceberg table by its location ({@code gs://warehouse/db/table}). */
  public static DatasetName icebergTable(String location) {
    return file(location);
  }

  private static String stripSlash(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DatasetName && ((DatasetName) other).namespace.equals(namespace)
        && ((DatasetName) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
