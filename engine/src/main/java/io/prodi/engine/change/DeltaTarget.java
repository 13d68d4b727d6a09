package io.prodi.engine.change;

import io.delta.tables.DeltaTable;
import io.prodi.sink.SinkResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta table a change-data sink writes, by path or by catalog name, and the tables prodi keeps
 * beside it (the change log, the tombstones) in a sibling folder {@code _prodi_<table folder>}.
 */
final class DeltaTarget extends ChangeTarget {
  private final SparkSession spark;
  private final String path;
  private final String table;

  private DeltaTarget(SparkSession spark, String path, String table) {
    this.spark = spark;
    this.path = path;
    this.table = table;
  }

  static DeltaTarget atPath(SparkSession spark, String path) {
    return new DeltaTarget(spark, path, null);
  }

  static DeltaTarget named(SparkSession spark, String table) {
    return new DeltaTarget(spark, null, table);
  }

  /**
   * The table prodi keeps beside this one: {@code <parent>/_prodi_<table folder>/<name>}, a sibling
   * folder (a Delta table cannot hold another), which Spark's file listings skip as they skip any
   * name starting with an underscore. It needs this table to exist when named in a catalog.
   */
  @Override
  DeltaTarget beside(String name) {
    String location = location().replaceAll("/+$", "");
    int slash = location.lastIndexOf('/');
    return atPath(spark, location.substring(0, slash + 1) + "_prodi_" + location.substring(slash + 1) + "/" + name);
  }

  @Override
  boolean exists() {
    return path != null ? DeltaTable.isDeltaTable(spark, path) : spark.catalog().tableExists(table);
  }

  private DeltaTable delta() {
    return path != null ? DeltaTable.forPath(spark, path) : DeltaTable.forName(spark, table);
  }

  @Override
  Dataset<Row> rows() {
    return delta().toDF();
  }

  @Override
  Dataset<Row> pinnedRows() {
    long version = delta().history(1).head().<Long>getAs("version");
    return path != null ? spark.read().format("delta").option("versionAsOf", version).load(path)
        : spark.sql("SELECT * FROM " + table + " VERSION AS OF " + version);
  }

  @Override
  void create(Dataset<Row> rows, List<String> partitionBy) {
    var writer = rows.write().format("delta").partitionBy(partitionBy.toArray(new String[0]));
    if (path != null) {
      writer.save(path);
    } else {
      writer.saveAsTable(table);
    }
  }

  @Override
  void append(Dataset<Row> rows) {
    Dataset<Row> ordered = rows.selectExpr(java.util.Arrays.stream(rows().columns()).map(Conditions::quoted)
        .toArray(String[]::new));
    if (path != null) {
      ordered.write().format("delta").mode("append").save(path);
    } else {
      ordered.write().format("delta").mode("append").saveAsTable(table);
    }
  }

  @Override
  Optional<String> property(String key) {
    Row detail = delta().detail().select("properties").first();
    scala.collection.Map<String, String> properties = detail.getMap(0);
    return properties.get(key).isDefined() ? Optional.of(properties.get(key).get()) : Optional.empty();
  }

  @Override
  SparkSession session() {
    return spark;
  }

  @Override
  String shown() {
    return path != null ? path : table;
  }

  /**
   * One SQL {@code MERGE INTO}, whose result row holds the rows it inserted, updated and deleted: no
   * reading of the table's history before and after (a Spark job each).
   */
  @Override
  SinkResult merge(Dataset<Row> source, String condition, List<MergeClause> clauses) {
    Row counts = MergeClause.run(spark, sqlName(), source, condition, clauses).get(0);
    return changed(counts.<Long>getAs("num_inserted_rows"), counts.<Long>getAs("num_updated_rows"),
        counts.<Long>getAs("num_deleted_rows"));
  }

  /** The rows the latest commit inserted, updated and deleted, from the metrics Delta keeps in it. */
  @Override
  SinkResult lastCommit() {
    Row last = delta().history(1).head();
    Map<String, String> metrics = scala.collection.JavaConverters.mapAsJavaMap(
        last.<scala.collection.Map<String, String>>getAs("operationMetrics"));
    return changed(count(metrics, "numTargetRowsInserted", "numOutputRows"),
        count(metrics, "numTargetRowsUpdated", null), count(metrics, "numTargetRowsDeleted", null));
  }

  private static SinkResult changed(long inserted, long updated, long deleted) {
    return SinkResult.rows(inserted + updated + deleted, inserted + " inserted, " + updated + " updated, " + deleted
        + " deleted");
  }

  private static long count(Map<String, String> metrics, String key, String fallback) {
    String value = metrics.getOrDefault(key, fallback == null ? "0" : metrics.getOrDefault(fallback, "0"));
    return Long.parseLong(value);
  }

  private String location() {
    return path != null ? path : delta().detail().select("location").first().getString(0);
  }

  @Override
  String sqlName() {
    return path != null ? "delta.`" + path.replace("`", "``") + "`" : table;
  }
}
