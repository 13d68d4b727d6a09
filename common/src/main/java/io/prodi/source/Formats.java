package io.prodi.source;

import java.util.Set;

/** The file formats sources and sinks know. */
public final class Formats {
  public static final Set<String> READABLE = Set.of("parquet", "csv", "json", "jsonl", "orc", "avro", "text", "delta");
  /** Writable formats; {@code noop} is Spark's sink that computes every row and writes nothing (benchmarks). */
  public static final Set<String> WRITABLE = Set.of("parquet", "csv", "json", "jsonl", "orc", "avro", "text", "delta",
      "noop");

  /** Formats of catalog tables ({@code type: table}): the file formats and Iceberg's. */
  public static final Set<String> TABLE = Set.of("parquet", "csv", "json", "orc", "avro", "text", "delta", "iceberg");
  public static final String ICEBERG = "iceberg";

  private Formats() {}
}
