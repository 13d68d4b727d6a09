package io.prodi.source;

import java.util.Set;

/** The file formats sources and sinks know. */
public final class Formats {
  public static final Set<String> READABLE = Set.of("parquet", "csv", "json", "jsonl", "orc", "avro", "text", "delta");
  /** Writable formats; {@code noop} is Spark's sink that computes every row and writes nothing (benchmarks). */
  public static final Set<String> WRITABLE = Set.of("parquet", "csv", "json", "jsonl", "orc", "avro", "text", "delta",
      "noop");

  public static final String ICEBERG = "iceberg";
  /** Formats of catalog tables ({@code type: table}): the writable file formats and Iceberg's. */
  public static final Set<String> TABLE = withIceberg();

  private Formats() {}

  private static Set<String> withIceberg() {
    java.util.Set<String> formats = new java.util.HashSet<>(WRITABLE);
    formats.add(ICEBERG);
    return java.util.Set.copyOf(formats);
  }
}
