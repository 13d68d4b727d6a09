package io.prodi.source;

import java.util.Set;

/** The file formats sources and sinks know (CONTRACT.md §4.1, §7). */
public final class Formats {
  public static final Set<String> READABLE = Set.of("parquet", "csv", "json", "jsonl", "orc", "avro", "text", "delta");
  public static final Set<String> WRITABLE = Set.of("parquet", "csv", "json", "jsonl", "orc", "avro", "text", "delta");

  private Formats() {}
}
