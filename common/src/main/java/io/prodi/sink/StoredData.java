package io.prodi.sink;

import io.prodi.storage.TableFormat;
import java.util.Map;

/**
 * Data as it lies where a sink wrote it, to be read back ({@code prodi show}): a Spark format and a location
 * (a path or URI), or {@code table} and a table name.
 */
public final class StoredData {
  /** The format of a table in the session's catalog. */
  public static final String TABLE = "table";

  private final String format;
  private final String location;
  private final Map<String, String> options;

  public StoredData(String format, String location, Map<String, String> options) {
    this.format = format;
    this.location = location;
    this.options = Map.copyOf(options);
  }

  public String format() {
    return format;
  }

  public String location() {
    return location;
  }

  /** Reader options (a csv header, a separator); a reader ignores those it does not know. */
  public Map<String, String> options() {
    return options;
  }

  public boolean isTable() {
    return format.equals(TABLE);
  }

  public boolean usesDelta() {
    return TableFormat.DELTA.is(format);
  }

  @Override
  public String toString() {
    return isTable() ? "table " + location : format + " " + location;
  }
}
