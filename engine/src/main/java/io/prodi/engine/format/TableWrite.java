package io.prodi.engine.format;

import io.prodi.engine.spi.StepContext;
import io.prodi.sink.WriteTxn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * One write of a sink's rows: where (a path, or a catalog table for Iceberg), with which writer options and
 * partition columns, and the run's transaction when the write must happen exactly once (an incremental run's
 * append).
 */
public final class TableWrite {
  private final Dataset<Row> rows;
  private final String place;
  private final Map<String, String> options;
  private final List<String> partitionBy;
  private final Optional<WriteTxn> txn;
  private final StepContext context;

  public TableWrite(Dataset<Row> rows, String place, Map<String, String> options, List<String> partitionBy,
      Optional<WriteTxn> txn, StepContext context) {
    this.rows = rows;
    this.place = place;
    this.options = Map.copyOf(options);
    this.partitionBy = List.copyOf(partitionBy);
    this.txn = txn;
    this.context = context;
  }

  public Dataset<Row> rows() {
    return rows;
  }

  /** A path or URI; a catalog table's name for a format written through a catalog. */
  public String place() {
    return place;
  }

  public Map<String, String> options() {
    return options;
  }

  public List<String> partitionBy() {
    return partitionBy;
  }

  public Optional<WriteTxn> txn() {
    return txn;
  }

  public StepContext context() {
    return context;
  }

  /** Spark's writer of the rows in {@code sparkFormat}, with the options, the partition columns and {@code mode}. */
  DataFrameWriter<Row> writer(String sparkFormat, SaveMode mode) {
    DataFrameWriter<Row> writer = rows.write().format(sparkFormat).options(options).mode(mode);
    return partitionBy.isEmpty() ? writer : writer.partitionBy(partitionBy.toArray(new String[0]));
  }

  /** One progress line: an earlier attempt of this run wrote these rows, so they are not written again. */
  void notAgain(String why) {
    context.console().progress("[" + context.layer() + "] " + place + ": " + why + "; not appended again");
  }
}
