package io.prodi.bigquery;

import java.util.Locale;

/**
 * How the spark-bigquery-connector writes ({@code writeMethod}): {@link #INDIRECT} stages files in Cloud Storage
 * and runs a load job (the default); {@link #DIRECT} streams through the BigQuery Storage Write API.
 */
public enum BigQueryWriteMethod {
  INDIRECT, DIRECT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The words {@code write_method} accepts. */
  public static java.util.Set<String> ids() {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (BigQueryWriteMethod method : values()) {
      ids.add(method.id());
    }
    return ids;
  }

  @Override
  public String toString() {
    return id();
  }
}
