package io.prodi.engine.format;

import io.prodi.storage.TableFormat;
import java.util.EnumMap;
import java.util.Map;

/** The registry of table formats: one {@link FormatIO} per {@link TableFormat}, built here and nowhere else. */
public final class FormatIOs {
  private static final Map<TableFormat, FormatIO> FORMATS = formats();

  private FormatIOs() {}

  private static Map<TableFormat, FormatIO> formats() {
    Map<TableFormat, FormatIO> formats = new EnumMap<>(TableFormat.class);
    for (TableFormat format : TableFormat.values()) {
      formats.put(format, new FilesFormat(format)); // parquet, csv, json, jsonl, orc, avro, text, noop
    }
    formats.put(TableFormat.DELTA, new DeltaFormat());
    formats.put(TableFormat.ICEBERG, new IcebergFormat());
    return java.util.Collections.unmodifiableMap(formats);
  }

  public static FormatIO of(TableFormat format) {
    return FORMATS.get(format);
  }

  /** The format a config names ({@code delta}, {@code parquet}, ...); the loader has refused any other name. */
  public static FormatIO named(String id) {
    return of(TableFormat.of(id).orElseThrow(() -> new IllegalArgumentException("Cannot write format " + id
        + ": no such format (valid: " + new java.util.TreeSet<>(TableFormat.TABLE) + ")")));
  }
}
