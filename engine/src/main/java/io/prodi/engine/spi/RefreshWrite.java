package io.prodi.engine.spi;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a refreshing layer's sinks take its rows: whole (the table replaced by them, schema and all), or by key (the
 * rows of the affected keys replaced in one commit: a key the rows no longer hold is deleted).
 */
public final class RefreshWrite {
  /** The affected keys' columns: {@code __prodi_key_0} for the first key, and so on. */
  public static final String KEY = "__prodi_key_";

  private final List<String> keys;
  private final Dataset<Row> affected;

  private RefreshWrite(List<String> keys, Dataset<Row> affected) {
    this.keys = keys == null ? null : List.copyOf(keys);
    this.affected = affected;
  }

  /** The whole table replaced by the rows. */
  public static RefreshWrite whole() {
    return new RefreshWrite(null, null);
  }

  /** The rows of {@code affected} (distinct values of {@code keys}) replaced by the rows, one commit. */
  public static RefreshWrite byKeys(List<String> keys, Dataset<Row> affected) {
    return new RefreshWrite(keys, affected);
  }

  public boolean isWhole() {
    return keys == null;
  }

  /** The output columns that identify a row (a GROUP BY's groups); empty when whole. */
  public List<String> keys() {
    return keys == null ? List.of() : keys;
  }

  /** The distinct keys whose rows this refresh replaces ({@link #KEY} columns, in key order); empty when whole. */
  public Optional<Dataset<Row>> affected() {
    return Optional.ofNullable(affected);
  }
}
