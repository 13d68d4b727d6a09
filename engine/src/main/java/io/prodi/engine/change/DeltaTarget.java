package io.prodi.engine.change;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta table a change-data sink writes, by path or by catalog name, and the tables prodi keeps
 * beside it (the change log, the tombstones) in a sibling folder {@code _prodi_<table folder>}.
 */
final class DeltaTarget {
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
  DeltaTarget beside(String name) {
    String location = location().replaceAll("/+$", "");
    int slash = location.lastIndexOf('/');
    return atPath(spark, location.substring(0, slash + 1) + "_prodi_" + location.substring(slash + 1) + "/" + name);
  }

  boolean exists() {
    return path != null ? DeltaTable.isDeltaTable(spark, path) : spark.catalog().tableExists(table);
  }

  DeltaTable delta() {
    return path != null ? DeltaTable.forPath(spark, path) : DeltaTable.forName(spark, table);
  }

  Dataset<Row> rows() {
    return delta().toDF();
  }

  /** Its rows at its current version: what a later write of this run cannot change, should Spark read them again. */
  Dataset<Row> pinnedRows() {
    long version = delta().history(1).head().<Long>getAs("version");
    return path != null ? spark.read().format("delta").option("versionAsOf", version).load(path)
        : spark.sql("SELECT * FROM " + table + " VERSION AS OF " + version);
  }

  void create(Dataset<Row> rows, List<String> partitionBy) {
    var writer = rows.write().format("delta").partitionBy(partitionBy.toArray(new String[0]));
    if (path != null) {
      writer.save(path);
    } else {
      writer.saveAsTable(table);
    }
  }

  /** Rows added to this existing table, matched to its columns by name. */
  void append(Dataset<Row> rows) {
    Dataset<Row> ordered = rows.selectExpr(java.util.Arrays.stream(rows().columns()).map(Conditions::quoted)
        .toArray(String[]::new));
    if (path != null) {
      ordered.write().format("delta").mode("append").save(path);
    } else {
      ordered.write().format("delta").mode("append").saveAsTable(table);
    }
  }

  /** A table property prodi set ({@code prodi.*}), if any. */
  Optional<String> property(String key) {
    Row detail = delta().detail().select("properties").first();
    scala.collection.Map<String, String> properties = detail.getMap(0);
    return properties.get(key).isDefined() ? Optional.of(properties.get(key).get()) : Optional.empty();
  }

  void setProperty(String key, String value) {
    spark.sql("ALTER TABLE " + sqlName() + " SET TBLPROPERTIES ('" + key + "' = '" + value.replace("'", "\\'") + "')");
  }

  /** New nullable columns, after the existing ones. */
  void addColumns(List<org.apache.spark.sql.types.StructField> fields) {
    if (fields.isEmpty()) {
      return;
    }
    spark.sql("ALTER TABLE " + sqlName() + " ADD COLUMNS (" + fields.stream()
        .map(f -> Conditions.quoted(f.name()) + " " + f.dataType().sql()).collect(java.util.stream.Collectors.joining(", "))
        + ")");
  }

  /** What messages call it: the path or the table name. */
  String shown() {
    return path != null ? path : table;
  }

  private String location() {
    return path != null ? path : delta().detail().select("location").first().getString(0);
  }

  private String sqlName() {
    return path != null ? "delta.`" + path.replace("`", "``") + "`" : table;
  }
}
