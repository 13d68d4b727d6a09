package io.prodi.engine.sink;

import io.prodi.catalog.PartitionTransform;
import io.prodi.engine.change.ChangeData;
import io.prodi.engine.change.IcebergTarget;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import io.prodi.sink.TableSinkSpec;
import io.prodi.sink.WriteMode;
import io.prodi.sink.WriteTxn;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes an Iceberg table of a declared catalog. A missing table (and its namespace) is created from the output's
 * schema with its partition transforms ({@code CREATE TABLE ... USING iceberg PARTITIONED BY (days(ts), bucket(16, id))}); then
 * {@code append} appends and {@code overwrite} replaces only the partitions the output has rows in. An
 * incremental run's append records its transaction in the snapshot summary, so that its rerun after a crash
 * finds it there and does not append the rows again. {@code merge} and {@code scd2} go through the change-data
 * code Delta tables use ({@link ChangeData}), as {@code MERGE INTO} statements.
 */
final class IcebergSinkWriter {
  static final String TXN_APP = "prodi.txn.app";
  static final String TXN_VERSION = "prodi.txn.version";

  private IcebergSinkWriter() {}

  static SinkResult write(TableSinkSpec spec, Dataset<Row> output, StepContext context) {
    String table = spec.table();
    if (spec.mode().mergesByKey()) {
      return new ChangeData(spec.mode(), spec.merge(), spec.partitionBy()).intoIcebergTable(output, table,
          transforms(spec), context);
    }
    boolean exists = context.spark().catalog().tableExists(table);
    if (exists && spec.mode() == WriteMode.IGNORE) {
      return SinkResult.skipped("mode ignore: table " + table + " exists");
    }
    if (exists && spec.mode() == WriteMode.ERROR) {
      throw new RunFailure("Cannot write table sink: the table exists and mode is error (" + table + ")");
    }
    Optional<WriteTxn> txn = spec.mode() == WriteMode.APPEND ? context.writeTxn() : Optional.empty();
    if (exists && txn.isPresent()) {
      Optional<Long> committed = committedSnapshot(table, txn.get(), context);
      if (committed.isPresent()) {
        String why = "an earlier attempt of this run committed these rows (Iceberg snapshot " + committed.get() + ")";
        context.console().progress("[" + context.layer() + "] " + table + ": " + why + "; not appended again");
        return SinkResult.skipped(why);
      }
    }
    if (!exists) {
      create(spec, output, context);
    }
    DataFrameWriterV2<Row> writer = output.writeTo(table).options(spec.options());
    if (txn.isPresent()) {
      writer = writer.option("snapshot-property." + TXN_APP, txn.get().appId(table))
          .option("snapshot-property." + TXN_VERSION, Long.toString(txn.get().version()));
    }
    try {
      if (spec.mode() == WriteMode.OVERWRITE) {
        writer.overwritePartitions();
      } else {
        writer.append();
      }
    } catch (Exception e) { // NoSuchTableException and Iceberg's validation errors, unchecked from Scala
      throw new RunFailure("Cannot write iceberg table " + table + ": " + RunFailure.firstLine(e) + " (" + table + ")",
          e);
    }
    return SinkResult.allRows();
  }

  private static void create(TableSinkSpec spec, Dataset<Row> output, StepContext context) {
    IcebergTarget.createTable(context.spark(), spec.table(), output.schema(), transforms(spec));
  }

  private static java.util.List<String> transforms(TableSinkSpec spec) {
    return spec.partitionTransforms().stream().map(PartitionTransform::sql).collect(Collectors.toList());
  }

  /** The snapshot an earlier attempt of this run committed, if the table's history has one. */
  private static Optional<Long> committedSnapshot(String table, WriteTxn txn, StepContext context) {
    String app = txn.appId(table).replace("'", "''");
    java.util.List<Row> found = context.spark().sql("SELECT snapshot_id FROM " + table + ".snapshots WHERE summary['"
        + TXN_APP + "'] = '" + app + "' AND summary['" + TXN_VERSION + "'] = '" + txn.version() + "'").collectAsList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getLong(0));
  }
}
