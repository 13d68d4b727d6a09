package io.prodi.engine.change;

import io.prodi.engine.spi.StepContext;
import io.prodi.sink.MergeSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteMode;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Upserts and change data into a Delta or Iceberg table: {@code mode: merge} (the input wins, or in order with
 * {@code sequence_by} or {@code snapshot}) and {@code mode: scd2}. The table depends on the set of changes seen, not on how
 * they were batched into runs or the order the batches arrived.
 */
public final class ChangeData {
  private final MergeSpec spec;
  private final WriteMode mode;
  private final List<String> partitionBy;

  public ChangeData(WriteMode mode, MergeSpec spec, List<String> partitionBy) {
    this.mode = mode;
    this.spec = spec;
    this.partitionBy = List.copyOf(partitionBy);
  }

  public SinkResult intoPath(Dataset<Row> output, String path, StepContext context) {
    return apply(output, DeltaTarget.atPath(context.spark(), path), context);
  }

  public SinkResult intoTable(Dataset<Row> output, String table, StepContext context) {
    return apply(output, DeltaTarget.named(context.spark(), table), context);
  }

  /** Into an Iceberg table of a declared catalog, created with {@code transforms} (SQL partition transforms). */
  public SinkResult intoIcebergTable(Dataset<Row> output, String table, List<String> transforms, StepContext context) {
    return apply(output, IcebergTarget.named(context.spark(), table, transforms), context);
  }

  private SinkResult apply(Dataset<Row> output, ChangeTarget target, StepContext context) {
    Dataset<Row> stored = spec.exceptColumns().isEmpty() ? output
        : output.drop(spec.exceptColumns().toArray(new String[0]));
    boolean exists = target.exists();
    if (exists) {
      List<ChangeTarget> beside = mode == WriteMode.SCD2 ? List.of(target.beside("changes")) : List.of();
      NewColumns.apply(target, stored.schema(), spec.schemaEvolution(), beside);
    }
    if (mode == WriteMode.MERGE && !spec.ordered()) {
      return PlainUpsert.apply(target, stored, spec.keys(), partitionBy);
    }
    if (spec.snapshot()) {
      return new SnapshotChanges(target, spec, context.logicalDate()).apply(output, mode, partitionBy);
    }
    // scd2 into a table that exists checks the changes in the pass that computes its versions
    ChangeBatch batch = mode == WriteMode.SCD2 && exists
        ? ChangeBatch.checkedByTheMerge(output, spec, target.shown()) : ChangeBatch.of(output, spec, target.shown());
    try {
      return mode == WriteMode.SCD2
          ? new HistoryMerge(target, batch, spec.trackHistory()).apply(partitionBy)
          : new OrderedUpsert(target, batch).apply(partitionBy, spec.deleteWhen().isPresent());
    } finally {
      batch.release();
    }
  }
}
