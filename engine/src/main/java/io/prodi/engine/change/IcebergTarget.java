package io.prodi.engine.change;

import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * An Iceberg table of a declared catalog ({@code catalog.namespace.table}) as a change-data target:
 * merges are Spark SQL {@code MERGE INTO} statements (Iceberg's SQL extensions run them), versions are
 * snapshot ids, and the tables kept beside it live in its namespace as {@code _prodi_<table>_<name>}.
 */
public final class IcebergTarget extends ChangeTarget {
  static final String EXTENSION = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
  private final SparkSession spark;
  private final String table;
  private final List<String> transforms;

  private IcebergTarget(SparkSession spark, String table, List<String> transforms) {
    this.spark = spark;
    this.table = table;
    this.transforms = List.copyOf(transforms);
  }

  static IcebergTarget named(SparkSession spark, String table, List<String> transforms) {
    return new IcebergTarget(spark, table, transforms);
  }

  /**
   * Creates the table (and its namespace: a REST catalog has none until then) from a schema, partitioned
   * by SQL transforms ({@code days(ts)}, {@code bucket(16, id)}); nothing when it exists.
   */
  public static void createTable(SparkSession spark, String table, StructType schema, List<String> transforms) {
    createTable(spark, table, schema, transforms, "");
  }

  private static void createTable(SparkSession spark, String table, StructType schema, List<String> transforms,
      String properties) {
    String partitioned = transforms.isEmpty() ? "" : " PARTITIONED BY (" + String.join(", ", transforms) + ")";
    try {
      spark.sql("CREATE NAMESPACE IF NOT EXISTS " + table.substring(0, table.lastIndexOf('.')));
      spark.sql("CREATE TABLE IF NOT EXISTS " + table + " (" + schema.toDDL() + ") USING iceberg" + partitioned
          + properties);
    } catch (Exception e) {
      throw new RunFailure("Cannot create iceberg table " + table + ": " + RunFailure.firstLine(e) + " (" + table + ")",
          e);
    }
  }

  @Override
  boolean exists() {
    return spark.catalog().tableExists(table);
  }

  @Override
  Dataset<Row> rows() {
    return spark.table(table);
  }

  @Override
  Dataset<Row> pinnedRows() {
    long snapshot = version();
    return snapshot < 0 ? rows() : spark.read().option("snapshot-id", snapshot).table(table);
  }

  /**
   * Created as Iceberg advises for tables merged often: format 2 with merge-on-read, so that a merge writes
   * the rows it changes and delete records, not whole data files again.
   */
  @Override
  void create(Dataset<Row> rows, List<String> partitionBy) {
    createTable(spark, table, rows.schema(), transforms, " TBLPROPERTIES ('format-version' = '2', "
        + "'write.merge.mode' = 'merge-on-read', 'write.update.mode' = 'merge-on-read', "
        + "'write.delete.mode' = 'merge-on-read')");
    appendRows(rows);
  }

  @Override
  void append(Dataset<Row> rows) {
    appendRows(rows.selectExpr(columns().stream().map(Conditions::quoted).toArray(String[]::new)));
  }

  private void appendRows(Dataset<Row> rows) {
    try {
      rows.writeTo(table).append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new RunFailure("Cannot append to iceberg table " + table + ": it was dropped while the run wrote it ("
          + table + ")", e);
    }
  }

  /** Runs the merge, then reads what it changed from the snapshot it committed. */
  @Override
  SinkResult merge(Dataset<Row> source, String condition, List<MergeClause> clauses) {
    if (!spark.conf().get("spark.sql.extensions", "").contains(EXTENSION)) {
      throw new RunFailure("Cannot merge into " + table + ": the Spark session lacks Iceberg's SQL extensions, which "
          + "run MERGE INTO; add " + EXTENSION + " to spark.sql.extensions when the job is submitted ("
          + spark.conf().get("spark.sql.extensions", "") + ")");
    }
    long before = version();
    MergeClause.run(spark, table, source, condition, clauses);
    return since(before);
  }

  @Override
  Optional<String> property(String key) {
    return spark.sql("SHOW TBLPROPERTIES " + table).collectAsList().stream()
        .filter(row -> key.equals(row.getString(0))).map(row -> row.getString(1)).findFirst();
  }

  @Override
  SparkSession session() {
    return spark;
  }

  @Override
  String sqlName() {
    return table;
  }

  @Override
  IcebergTarget beside(String name) {
    int dot = table.lastIndexOf('.');
    return new IcebergTarget(spark, table.substring(0, dot + 1) + "_prodi_" + table.substring(dot + 1) + "_" + name,
        List.of());
  }

  /** Its current snapshot's id (the main branch's), -1 when it does not exist or has no snapshot yet. */
  private long version() {
    if (!exists()) {
      return -1;
    }
    List<Row> main = spark.sql("SELECT snapshot_id FROM " + table + ".refs WHERE name = 'main'").collectAsList();
    return main.isEmpty() ? -1 : main.get(0).getLong(0);
  }

  /**
   * The rows the snapshot after {@code before} wrote and deleted, from its summary: on a merge-on-read table the
   * rows written (inserted or updated) and the delete records (updated or deleted); a copy-on-write table's
   * merge rewrites whole data files, so there they count the rewritten files' rows.
   */
  private SinkResult since(long before) {
    long snapshot = version();
    if (snapshot == before) {
      return SinkResult.rows(0, "no change");
    }
    Row summary = spark.sql("SELECT summary['added-records'], summary['added-position-deletes'], "
        + "summary['deleted-records'] FROM " + table + ".snapshots WHERE snapshot_id = " + snapshot).first();
    long written = count(summary, 0);
    long deletes = count(summary, 1);
    long rewritten = count(summary, 2);
    return SinkResult.rows(written, written + " rows written, " + (deletes + rewritten) + " deleted or replaced"
        + (rewritten > 0 ? " (whole data files rewritten: copy-on-write)" : "") + ", Iceberg snapshot " + snapshot);
  }

  private static long count(Row summary, int field) {
    return summary.isNullAt(field) ? 0 : Long.parseLong(summary.getString(field));
  }

  @Override
  SinkResult lastCommit() {
    return since(-1);
  }

  @Override
  String shown() {
    return table;
  }
}
