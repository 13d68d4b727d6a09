package io.prodi.engine.sink;

import io.delta.tables.DeltaTable;
import io.prodi.config.LayerConfig;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.SinkSpec;
import io.prodi.sink.TableProperties;
import io.prodi.storage.TableFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The table properties of a Delta or Iceberg sink, settled after its write: a table the write created gets the
 * declared properties and, for Delta, its change data feed (unless declared off); an existing table gets the declared
 * properties it does not hold yet. Nothing is read or written for an existing table with none declared.
 */
final class SinkTableProperties {
  private final SparkSession spark;
  private final TableFormat format;
  private final String sqlName;
  private final String path;
  private final Map<String, String> declared;
  private final boolean existed;

  private SinkTableProperties(SparkSession spark, TableFormat format, String sqlName, String path,
      Map<String, String> declared) {
    this.spark = spark;
    this.format = format;
    this.sqlName = sqlName;
    this.path = path;
    this.declared = declared;
    this.existed = exists();
  }

  /** The sink's table before it is written, when it is a Delta or Iceberg table. */
  static Optional<SinkTableProperties> before(SinkSpec spec, StepContext context) {
    Optional<TableFormat> format = spec.tableFormat().filter(f -> f == TableFormat.DELTA || f == TableFormat.ICEBERG);
    if (format.isEmpty() || format.get() == TableFormat.ICEBERG && spec.tableProperties().isEmpty()) {
      return Optional.empty(); // nothing to set: no lookup of the table either
    }
    LayerConfig config = context.config();
    if (spec.catalogTable().isPresent()) {
      return Optional.of(new SinkTableProperties(context.spark(), format.get(), spec.catalogTable().get(), null,
          spec.tableProperties()));
    }
    if (format.get() != TableFormat.DELTA) {
      return Optional.empty();
    }
    String path = spec.location(config.locationStorage(), config.baseDir());
    return Optional.of(new SinkTableProperties(context.spark(), format.get(), "delta.`" + path.replace("`", "``")
        + "`", path, spec.tableProperties()));
  }

  private boolean exists() {
    return path != null ? DeltaTable.isDeltaTable(spark, path) : spark.catalog().tableExists(sqlName);
  }

  /** After the write: the properties the table must have and does not, set in one statement. */
  void settle() {
    Map<String, String> wanted = existed ? declared : TableProperties.forNewTable(format, declared);
    if (wanted.isEmpty() || !exists()) {
      return;
    }
    if (!declared.containsKey(TableProperties.DELTA_CHANGE_DATA_FEED) && wanted.containsKey(
        TableProperties.DELTA_CHANGE_DATA_FEED) && holdsChangeColumns()) {
      wanted = new TreeMap<>(wanted); // a table of change rows (_change_type, ...): Delta refuses the feed on it
      wanted.remove(TableProperties.DELTA_CHANGE_DATA_FEED);
      if (wanted.isEmpty()) {
        return;
      }
    }
    Map<String, String> held = held();
    List<String> missing = new TreeMap<>(wanted).entrySet().stream()
        .filter(e -> !e.getValue().equalsIgnoreCase(held.getOrDefault(e.getKey(), "")))
        .map(e -> "'" + quoted(e.getKey()) + "' = '" + quoted(e.getValue()) + "'").collect(Collectors.toList());
    if (!missing.isEmpty()) {
      try {
        spark.sql("ALTER TABLE " + sqlName + " SET TBLPROPERTIES (" + String.join(", ", missing) + ")");
      } catch (Exception e) { // AnalysisException from Scala: a property the format refuses
        throw new RunFailure("Cannot set table_properties of " + (path != null ? path : sqlName) + ": "
            + RunFailure.firstLine(e) + " (" + String.join(", ", missing) + ")", e);
      }
    }
  }

  /** Whether the table has a column of the names Delta's change data feed reserves. */
  private boolean holdsChangeColumns() {
    List<String> columns = java.util.Arrays.asList(spark.table(sqlName).columns());
    return TableProperties.CHANGE_FEED_COLUMNS.stream().anyMatch(columns::contains);
  }

  private Map<String, String> held() {
    Map<String, String> held = new TreeMap<>();
    for (Row row : spark.sql("SHOW TBLPROPERTIES " + sqlName).collectAsList()) {
      held.put(row.getString(0), row.getString(1));
    }
    return held;
  }

  private static String quoted(String text) {
    return text.replace("\\", "\\\\").replace("'", "\\'");
  }
}
