package io.prodi.engine.format;

import io.delta.tables.DeltaTable;
import io.prodi.engine.change.ChangeData;
import io.prodi.run.RunFailure;
import io.prodi.sink.MergeSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteMode;
import io.prodi.storage.TableFormat;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Delta Lake tables at a path. An exactly-once append uses Delta's idempotent writes: {@code txnAppId} names the
 * run's state ids and the sink, {@code txnVersion} the generation it commits; Delta skips a write whose version it
 * has already committed for that app id, and the table's version not moving is how the skip is seen and reported.
 * An overwrite of a partitioned table replaces only the partitions written; merge and scd2 go through the
 * change-data code ({@link ChangeData}); changes since a version come from the change data feed
 * ({@link DeltaChanges}).
 */
final class DeltaFormat extends FormatIO {
  static final String EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  static final String CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

  DeltaFormat() {
    super(TableFormat.DELTA);
  }

  @Override
  public Optional<String> sessionExtension() {
    return Optional.of(EXTENSION);
  }

  /** Delta's catalog as the session catalog: a Delta table by name ({@code delta.`path`}, a catalog table). */
  @Override
  public java.util.Map<String, String> sessionSettings() {
    return java.util.Map.of("spark.sql.catalog.spark_catalog", CATALOG);
  }

  @Override
  SinkResult append(TableWrite write) {
    if (write.txn().isEmpty()) {
      write.writer(sparkName(), SaveMode.Append).save(write.place());
      return SinkResult.allRows();
    }
    Long before = version(write);
    write.writer(sparkName(), SaveMode.Append).option("txnAppId", write.txn().get().appId(write.place()))
        .option("txnVersion", write.txn().get().version()).save(write.place());
    if (before != null && before.equals(version(write))) {
      String why = "an earlier attempt of this run committed these rows (Delta txn version " + write.txn().get().version()
          + ")";
      write.notAgain(why);
      return SinkResult.alreadyWritten(why);
    }
    return SinkResult.allRows();
  }

  /** A merge or scd2 into the table at the path, after checking that a path holding other data is not taken for it. */
  @Override
  SinkResult merge(WriteMode mode, TableWrite write, MergeSpec merge) {
    boolean exists = DeltaTable.isDeltaTable(write.context().spark(), write.place());
    Optional<String> data = exists ? Optional.empty() : PathCheck.dataIn(write.context(), write.place());
    if (data.isPresent()) {
      throw new RunFailure("Cannot merge into " + write.place() + ": it exists and is not a Delta table (it holds "
          + data.get() + ")");
    }
    return new ChangeData(mode, merge, write.partitionBy()).intoPath(write.rows(), write.place(), write.context());
  }

  /** A full refresh: the table replaced, its schema too (what the SQL gives now), in one commit. */
  @Override
  SinkResult replaceAll(TableWrite write) {
    write.writer(sparkName(), SaveMode.Overwrite).option("partitionOverwriteMode", "static")
        .option("overwriteSchema", "true").save(write.place());
    return SinkResult.allRows();
  }

  @Override
  SinkResult replaceKeys(TableWrite write, io.prodi.engine.spi.RefreshWrite refresh) {
    return new io.prodi.engine.change.KeyReplace(refresh, write.partitionBy()).intoPath(write.rows(), write.place(),
        write.context());
  }

  @Override
  public Dataset<Row> changesSince(SparkSession spark, String place, long lastRead, Optional<Long> upTo) {
    return DeltaChanges.read(spark, place, lastRead);
  }

  private static Long version(TableWrite write) {
    SparkSession spark = write.context().spark();
    if (!DeltaTable.isDeltaTable(spark, write.place())) {
      return null;
    }
    return DeltaTable.forPath(spark, write.place()).history(1).head().<Long>getAs("version");
  }
}
