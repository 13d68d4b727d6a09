package io.prodi.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.prodi.run.RunFailure;
import io.prodi.run.ShowQuery;
import io.prodi.run.ShownRows;
import io.prodi.sink.StoredData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * {@code prodi show}: reads stored data with Spark's own readers (files of any format, Delta, a catalog table),
 * counts its rows and takes the first ones, as text in Spark's own formatting and as JSON, in one job.
 */
final class StoredDataReader {
  private static final String JSON_COLUMN = "__prodi_row_json__";

  private final SparkSession spark;

  StoredDataReader(SparkSession spark) {
    this.spark = spark;
  }

  ShownRows show(ShowQuery query) {
    StoredData data = query.data();
    Dataset<Row> rows = filtered(read(data), query);
    spark.sparkContext().setJobDescription("[show] count " + data);
    long total = rows.count();
    List<Column> shown = new ArrayList<>();
    for (String name : rows.columns()) {
      shown.add(col("`" + name.replace("`", "``") + "`").cast("string"));
    }
    shown.add(to_json(struct(col("*"))).as(JSON_COLUMN));
    spark.sparkContext().setJobDescription("[show] first " + query.limit() + " rows of " + data);
    List<Row> first = rows.limit(query.limit()).select(shown.toArray(new Column[0])).collectAsList();
    spark.sparkContext().setJobDescription(null);
    int width = rows.columns().length;
    List<List<String>> text = new ArrayList<>();
    List<String> json = new ArrayList<>();
    for (Row row : first) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        values.add(row.isNullAt(i) ? "null" : row.getString(i));
      }
      text.add(values);
      json.add(row.getString(width));
    }
    List<String> types = new ArrayList<>();
    for (StructField field : rows.schema().fields()) {
      types.add(field.dataType().simpleString());
    }
    return new ShownRows(data.toString(), Arrays.asList(rows.columns()), types, text, json, total);
  }

  /** Throws IllegalArgumentException when the --where condition does not resolve against the data. */
  private Dataset<Row> read(StoredData data) {
    try {
      if (data.isTable()) {
        return spark.table(data.location());
      }
      DataFrameReader reader = spark.read().format(data.format()).options(data.options());
      if (io.prodi.storage.TableFormat.CSV.is(data.format())) {
        reader = reader.option("header", data.options().getOrDefault("header", "true"))
            .option("inferSchema", data.options().getOrDefault("inferSchema", "true"));
      }
      return reader.load(data.location());
    } catch (Exception e) { // AnalysisException: no such path or table, not that format
      throw new RunFailure("Cannot show " + data + ": " + RunFailure.firstLine(e) + " (" + data.location() + ")", e);
    }
  }

  private static Dataset<Row> filtered(Dataset<Row> rows, ShowQuery query) {
    if (query.where().isEmpty()) {
      return rows;
    }
    try {
      return rows.where(query.where().get()); // analyzed here: a Dataset is analyzed when it is made
    } catch (Exception e) {
      if (e instanceof AnalysisException) {
        throw new IllegalArgumentException("Cannot filter " + query.data() + ": " + RunFailure.firstLine(e) + " ("
            + query.where().get() + ")", e);
      }
      throw e;
    }
  }
}
