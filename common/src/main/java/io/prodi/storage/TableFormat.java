package io.prodi.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The formats prodi reads and writes, parsed here and nowhere else: files Spark reads and writes by name
 * ({@code parquet}, {@code csv}, ...), Delta Lake, Iceberg tables of a declared catalog, and Spark's {@code noop}
 * sink. A spec asks its format what it supports (merging by key, reading by version) instead of comparing names.
 */
public enum TableFormat {
  PARQUET(Kind.FILES), CSV(Kind.FILES), JSON(Kind.FILES), JSONL(Kind.FILES), ORC(Kind.FILES), AVRO(Kind.FILES),
  TEXT(Kind.FILES), DELTA(Kind.TABLE_FORMAT), ICEBERG(Kind.CATALOG_ONLY), NOOP(Kind.WRITE_ONLY);

  private enum Kind { FILES, TABLE_FORMAT, CATALOG_ONLY, WRITE_ONLY }

  /** What a {@code files} source reads: the file formats and Delta. */
  public static final Set<String> READABLE = ids(f -> f.kind == Kind.FILES || f == DELTA);
  /** What a {@code files} sink writes; {@code noop} computes every row and writes nothing (benchmarks). */
  public static final Set<String> WRITABLE = ids(f -> f.kind != Kind.CATALOG_ONLY);
  /** What a catalog table ({@code type: table}) is written as: the writable formats and Iceberg. */
  public static final Set<String> TABLE = ids(f -> true);
  /** What a catalog table is read as, with history: Delta and Iceberg. */
  public static final Set<String> VERSIONED = ids(TableFormat::readsByVersion);

  private final Kind kind;

  TableFormat(Kind kind) {
    this.kind = kind;
  }

  /** The name a config gives it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code id} (as a config spells it), if prodi knows it. */
  public static Optional<TableFormat> of(String id) {
    return Arrays.stream(values()).filter(f -> f.is(id)).findFirst();
  }

  /** Whether {@code id} names this format. */
  public boolean is(String id) {
    return id().equals(id);
  }

  /** Whether a sink of this format can take a merge or SCD2 (a MERGE INTO with row-level commits). */
  public boolean mergesByKey() {
    return this == DELTA || this == ICEBERG;
  }

  /** Whether a source of this format can be read by version: the changes since the last version read. */
  public boolean readsByVersion() {
    return this == DELTA || this == ICEBERG;
  }

  /** Whether {@code id} names a format that merges by key (false for an unknown one). */
  public static boolean mergesByKey(String id) {
    return of(id).map(TableFormat::mergesByKey).orElse(false);
  }

  /** Whether {@code id} names a format read by version (false for an unknown one). */
  public static boolean readsByVersion(String id) {
    return of(id).map(TableFormat::readsByVersion).orElse(false);
  }

  private static Set<String> ids(java.util.function.Predicate<TableFormat> which) {
    return Arrays.stream(values()).filter(which).map(TableFormat::id).collect(Collectors.toUnmodifiableSet());
  }
}
