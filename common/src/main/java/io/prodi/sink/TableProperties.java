package io.prodi.sink;

import io.prodi.storage.TableFormat;
import io.prodi.yaml.ConfigNode;
import java.util.Map;

/**
 * {@code table_properties} of a Delta or Iceberg sink: set when prodi creates the table, and set again on a table
 * whose properties differ. A Delta table prodi creates keeps its change data feed unless these turn it off, or its
 * rows are change rows themselves (a column named as the feed's, {@code _change_type}, which Delta refuses).
 */
public final class TableProperties {
  /** Delta's table property that records row-level changes (read by incremental: {by: version} and refresh). */
  public static final String DELTA_CHANGE_DATA_FEED = "delta.enableChangeDataFeed";
  /** The columns Delta's change data feed adds to what it returns: a table holding one of them cannot have it. */
  public static final java.util.List<String> CHANGE_FEED_COLUMNS = java.util.List.of("_change_type",
      "_commit_version", "_commit_timestamp");

  private TableProperties() {}

  static Map<String, String> bind(ConfigNode node, String format) {
    ConfigNode properties = node.get("table_properties");
    if (properties.isMissing()) {
      return Map.of();
    }
    if (!properties.isMap()) {
      properties.expected("a mapping of table property names to values");
      return Map.of();
    }
    boolean keepsProperties = format != null && (TableFormat.DELTA.is(format) || TableFormat.ICEBERG.is(format));
    if (!keepsProperties) {
      properties.error("Cannot set table_properties on a " + (format == null ? "table of the catalog's default "
          + "format" : format + " sink") + ": only Delta and Iceberg tables keep properties ("
          + String.join(", ", properties.textMap().keySet()) + ")");
    }
    return properties.textMap();
  }

  /** What a new table gets: the declared properties, and for Delta the change data feed unless they say. */
  public static Map<String, String> forNewTable(TableFormat format, Map<String, String> declared) {
    if (format != TableFormat.DELTA || declared.containsKey(DELTA_CHANGE_DATA_FEED)) {
      return declared;
    }
    Map<String, String> all = new java.util.TreeMap<>(declared);
    all.put(DELTA_CHANGE_DATA_FEED, "true");
    return java.util.Collections.unmodifiableMap(all);
  }
}
