package io.prodi.engine.format;

import io.prodi.engine.change.ChangeData;
import io.prodi.engine.change.IcebergTarget;
import io.prodi.run.RunFailure;
import io.prodi.sink.MergeSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteMode;
import io.prodi.sink.WriteTxn;
import io.prodi.storage.TableFormat;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Iceberg tables of a declared catalog ({@link TableWrite#place()} is the table's name, its partition columns the
 * table's SQL partition transforms). A missing table (and its namespace) is created from the rows' schema,
 * partitioned by the transforms. An exactly-once append records the run's transaction in the snapshot summary
 * ({@code prodi.txn.app}, {@code prodi.txn.version}), where a rerun after a crash finds it and appends nothing; an
 * overwrite replaces only the partitions the rows have; merge and scd2 go through the change-data code as
 * {@code MERGE INTO} statements; changes since a snapshot come from Iceberg's changelog ({@link IcebergChanges}).
 */
final class IcebergFormat extends FormatIO {
  static final String TXN_APP = "prodi.txn.app";
  static final String TXN_VERSION = "prodi.txn.version";

  IcebergFormat() {
    super(TableFormat.ICEBERG);
  }

  /** Iceberg's SQL extensions: MERGE INTO an Iceberg table, its procedures (the changelog view). */
  @Override
  public Optional<String> sessionExtension() {
    return Optional.of("org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
  }

  @Override
  SinkResult append(TableWrite write) {
    boolean exists = exists(write);
    if (exists && write.txn().isPresent()) {
      Optional<Long> committed = committedSnapshot(write.place(), write.txn().get(), write.context().spark());
      if (committed.isPresent()) {
        String why = "an earlier attempt of this run committed these rows (Iceberg snapshot " + committed.get() + ")";
        write.notAgain(why);
        return SinkResult.skipped(why);
      }
    }
    DataFrameWriterV2<Row> writer = writer(write, exists);
    if (write.txn().isPresent()) {
      writer = writer.option("snapshot-property." + TXN_APP, write.txn().get().appId(write.place()))
          .option("snapshot-property." + TXN_VERSION, Long.toString(write.txn().get().version()));
    }
    DataFrameWriterV2<Row> appending = writer;
    return commit(write, appending::append);
  }

  @Override
  SinkResult overwrite(TableWrite write) {
    DataFrameWriterV2<Row> writer = writer(write, exists(write));
    return commit(write, writer::overwritePartitions);
  }

  @Override
  SinkResult merge(WriteMode mode, TableWrite write, MergeSpec merge) {
    return new ChangeData(mode, merge, write.partitionBy()).intoIcebergTable(write.rows(), write.place(),
        write.partitionBy(), write.context());
  }

  /** A full refresh: every row of the table replaced by the rows, in one snapshot. */
  @Override
  SinkResult replaceAll(TableWrite write) {
    boolean exists = exists(write);
    DataFrameWriterV2<Row> writer = writer(write, exists);
    return commit(write, exists ? () -> writer.overwrite(org.apache.spark.sql.functions.lit(true)) : writer::append);
  }

  @Override
  SinkResult replaceKeys(TableWrite write, io.prodi.engine.spi.RefreshWrite refresh) {
    return new io.prodi.engine.change.KeyReplace(refresh, write.partitionBy()).intoIcebergTable(write.rows(),
        write.place(), write.partitionBy(), write.context());
  }

  @Override
  SinkResult ignoreIfExists(TableWrite write) {
    return exists(write) ? SinkResult.skipped("mode ignore: table " + write.place() + " exists") : append(write);
  }

  @Override
  SinkResult failIfExists(TableWrite write) {
    if (exists(write)) {
      throw new RunFailure("Cannot write table sink: the table exists and mode is error (" + write.place() + ")");
    }
    return append(write);
  }

  @Override
  public Dataset<Row> changesSince(SparkSession spark, String place, long lastRead, Optional<Long> upTo) {
    return IcebergChanges.read(spark, place, lastRead, upTo);
  }

  private static boolean exists(TableWrite write) {
    return write.context().spark().catalog().tableExists(write.place());
  }

  /** The table's writer, after creating the table (partitioned by the transforms) when it does not exist. */
  private static DataFrameWriterV2<Row> writer(TableWrite write, boolean exists) {
    if (!exists) {
      IcebergTarget.createTable(write.context().spark(), write.place(), write.rows().schema(), write.partitionBy());
    }
    return write.rows().writeTo(write.place()).options(write.options());
  }

  private static SinkResult commit(TableWrite write, Commit commit) {
    try {
      commit.run();
    } catch (Exception e) { // NoSuchTableException and Iceberg's validation errors, unchecked from Scala
      throw new RunFailure("Cannot write iceberg table " + write.place() + ": " + RunFailure.firstLine(e) + " ("
          + write.place() + ")", e);
    }
    return SinkResult.allRows();
  }

  /** An Iceberg write, which may throw a checked NoSuchTableException. */
  private interface Commit {
    void run() throws Exception;
  }

  /** The snapshot an earlier attempt of this run committed, if the table's history has one. */
  private static Optional<Long> committedSnapshot(String table, WriteTxn txn, SparkSession spark) {
    String app = txn.appId(table).replace("'", "''");
    List<Row> found = spark.sql("SELECT snapshot_id FROM " + table + ".snapshots WHERE summary['" + TXN_APP + "'] = '"
        + app + "' AND summary['" + TXN_VERSION + "'] = '" + txn.version() + "'").collectAsList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getLong(0));
  }
}
