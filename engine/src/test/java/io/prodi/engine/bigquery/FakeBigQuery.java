package io.prodi.engine.bigquery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.CreatableRelationProvider;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.RelationProvider;
import org.apache.spark.sql.sources.TableScan;
import org.apache.spark.sql.types.StructType;

/**
 * A stand-in for the spark-bigquery-connector (which, like every data source Spark hands options to, sees their
 * keys in lower case and reads them without regard to case), registered under the data source name {@code bigquery} in the
 * tests only (META-INF/services of the test class path): it records the options of every read and write, and
 * keeps each table's rows in memory. Like the connector, an overwrite with {@code partitionField} and
 * {@code spark.sql.sources.partitionOverwriteMode=DYNAMIC} replaces only the partitions it writes; any other
 * overwrite replaces the table. A {@code query} reads the table a test registered for it.
 */
public final class FakeBigQuery implements DataSourceRegister, RelationProvider, CreatableRelationProvider {
  /** One write as the connector received it. */
  public static final class Write {
    public final String table;
    public final SaveMode mode;
    public final Map<String, String> options;

    Write(String table, SaveMode mode, Map<String, String> options) {
      this.table = table;
      this.mode = mode;
      this.options = options;
    }
  }

  private static final Map<String, List<Row>> ROWS = new ConcurrentHashMap<>();
  private static final Map<String, StructType> SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, String> QUERIES = new ConcurrentHashMap<>();
  private static final List<Write> WRITES = new java.util.concurrent.CopyOnWriteArrayList<>();
  private static final List<Map<String, String>> READS = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public String shortName() {
    return "bigquery";
  }

  public static void reset() {
    ROWS.clear();
    SCHEMAS.clear();
    QUERIES.clear();
    WRITES.clear();
    READS.clear();
  }

  /** A table's rows, as a test puts them before a read. */
  public static void put(String table, Dataset<Row> rows) {
    ROWS.put(table, rows.collectAsList());
    SCHEMAS.put(table, rows.schema());
  }

  /** What a {@code query} returns: the rows of {@code table}. */
  public static void answer(String query, String table) {
    QUERIES.put(query, table);
  }

  public static List<Row> rows(String table) {
    return ROWS.getOrDefault(table, List.of());
  }

  public static List<Write> writes() {
    return List.copyOf(WRITES);
  }

  public static List<Map<String, String>> reads() {
    return List.copyOf(READS);
  }

  @Override
  public BaseRelation createRelation(SQLContext context, SaveMode mode,
      scala.collection.immutable.Map<String, String> parameters, Dataset<Row> data) {
    Map<String, String> options = new TreeMap<>(scala.collection.JavaConverters.mapAsJavaMap(parameters));
    String table = options.remove("path");
    WRITES.add(new Write(table, mode, Map.copyOf(options)));
    List<Row> written = data.collectAsList();
    synchronized (ROWS) {
      List<Row> rows = new ArrayList<>();
      String field = options.get("partitionfield");
      if (mode == SaveMode.Append) {
        rows.addAll(rows(table));
      } else if (field != null && "DYNAMIC".equalsIgnoreCase(options.get("spark.sql.sources.partitionoverwritemode"))) {
        Set<Object> replaced = new HashSet<>();
        written.forEach(r -> replaced.add(r.get(r.fieldIndex(field))));
        rows(table).stream().filter(r -> !replaced.contains(r.get(r.fieldIndex(field)))).forEach(rows::add);
      }
      rows.addAll(written);
      ROWS.put(table, rows);
      SCHEMAS.put(table, data.schema());
    }
    return relation(context, table, null);
  }

  @Override
  public BaseRelation createRelation(SQLContext context, scala.collection.immutable.Map<String, String> parameters) {
    Map<String, String> options = new TreeMap<>(scala.collection.JavaConverters.mapAsJavaMap(parameters));
    READS.add(java.util.Collections.unmodifiableMap(new TreeMap<>(options)));
    String table = options.containsKey("query") ? QUERIES.get(options.get("query")) : options.get("path");
    if (table == null || !SCHEMAS.containsKey(table)) {
      throw new IllegalArgumentException("Not found: Table " + options.getOrDefault("path", options.get("query")));
    }
    return relation(context, table, options.get("filter"));
  }

  private static BaseRelation relation(SQLContext context, String table, String filter) {
    return new StoredTable(context, table, filter);
  }

  /** A stored table as Spark scans it, with the connector's {@code filter} applied. */
  private static final class StoredTable extends BaseRelation implements TableScan {
    private final SQLContext context;
    private final String table;
    private final String filter;

    StoredTable(SQLContext context, String table, String filter) {
      this.context = context;
      this.table = table;
      this.filter = filter;
    }

    @Override
    public SQLContext sqlContext() {
      return context;
    }

    @Override
    public StructType schema() {
      return SCHEMAS.get(table);
    }

    @Override
    public RDD<Row> buildScan() {
      Dataset<Row> rows = context.sparkSession().createDataFrame(rows(table), schema());
      return (filter == null ? rows : rows.where(filter)).rdd();
    }
  }
}
