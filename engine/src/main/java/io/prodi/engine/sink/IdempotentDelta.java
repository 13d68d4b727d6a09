package io.prodi.engine.sink;

import io.delta.tables.DeltaTable;
import io.prodi.engine.spi.StepContext;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteTxn;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;

/**
 * A Delta append with Delta's idempotent writes: {@code txnAppId} names the run's state ids and the
 * sink, {@code txnVersion} the generation it commits. Delta skips a write whose version it has already
 * committed for that app id, so a rerun after a crash between this commit and the watermark's adds
 * nothing; the table's version not moving is how the skip is seen and reported.
 */
final class IdempotentDelta {
  private IdempotentDelta() {}

  static SinkResult append(DataFrameWriter<Row> writer, String location, WriteTxn txn, StepContext context) {
    Long before = version(location, context);
    writer.option("txnAppId", txn.appId(location)).option("txnVersion", txn.version()).save(location);
    if (before != null && before.equals(version(location, context))) {
      String why = "an earlier attempt of this run committed these rows (Delta txn version " + txn.version() + ")";
      context.console().progress("[" + context.layer() + "] " + location + ": " + why + "; not appended again");
      return SinkResult.alreadyWritten(why);
    }
    return SinkResult.allRows();
  }

  private static Long version(String location, StepContext context) {
    if (!DeltaTable.isDeltaTable(context.spark(), location)) {
      return null;
    }
    return DeltaTable.forPath(context.spark(), location).history(1).head().<Long>getAs("version");
  }
}
