package io.prodi.engine.change;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.prodi.engine.spi.RefreshWrite;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An incremental refresh's write into a Delta or Iceberg table: the rows of the affected keys replaced by the
 * recomputed rows in one {@code MERGE} (keys matched null-safe): a matched key the rows still hold is updated,
 * a new one inserted, and a key whose rows vanished (a group emptied by deletes) deleted. A table that does not
 * exist yet is created from the rows.
 */
public final class KeyReplace {
  private static final String PRESENT = "__prodi_present";
  private static final String KEY = RefreshWrite.KEY;

  private final RefreshWrite refresh;
  private final List<String> partitionBy;

  public KeyReplace(RefreshWrite refresh, List<String> partitionBy) {
    this.refresh = refresh;
    this.partitionBy = List.copyOf(partitionBy);
  }

  public SinkResult intoPath(Dataset<Row> rows, String path, StepContext context) {
    return apply(rows, DeltaTarget.atPath(context.spark(), path));
  }

  public SinkResult intoTable(Dataset<Row> rows, String table, StepContext context) {
    return apply(rows, DeltaTarget.named(context.spark(), table));
  }

  public SinkResult intoIcebergTable(Dataset<Row> rows, String table, List<String> transforms, StepContext context) {
    return apply(rows, IcebergTarget.named(context.spark(), table, transforms));
  }

  private SinkResult apply(Dataset<Row> rows, ChangeTarget target) {
    if (!target.exists()) {
      target.create(rows, partitionBy);
      return target.lastCommit();
    }
    List<String> keys = refresh.keys();
    List<String> columns = target.columns();
    List<String> values = new ArrayList<>(columns);
    values.removeAll(keys);
    String condition = keys.stream().map(k -> "t." + Conditions.quoted(k) + " <=> s." + Conditions.quoted(k))
        .reduce((a, b) -> a + " AND " + b).orElse("true");
    try {
      return target.merge(source(rows, keys, values), condition, List.of(
          MergeClause.delete("s." + PRESENT + " IS NULL"),
          MergeClause.update(null, Conditions.assignFrom(values, "s")),
          MergeClause.insert("s." + PRESENT + " IS NOT NULL", Conditions.assignFrom(columns, "s"))));
    } catch (Exception e) { // Delta's and Iceberg's own errors, unchecked from Scala
      String message = RunFailure.firstLine(e);
      if (message.contains("MULTIPLE_SOURCE_ROW") || message.contains("multiple source rows")
          || message.contains("MERGE_CARDINALITY_VIOLATION") || message.contains("multiple rows of the source")) {
        message = "several rows of the output share a key; refresh.keys must be unique in the output";
      }
      throw new RunFailure("Cannot refresh " + target.shown() + " by key: " + message + " (keys "
          + String.join(", ", keys) + ")", e);
    }
  }

  /**
   * Each affected key once: with its recomputed row and a presence mark, or with nulls when no row holds it any
   * more (the merge deletes it).
   */
  private Dataset<Row> source(Dataset<Row> rows, List<String> keys, List<String> values) {
    Dataset<Row> keysOnly = refresh.affected().orElseThrow();
    Column on = lit(true);
    for (int i = 0; i < keys.size(); i++) {
      on = on.and(col(KEY + i).eqNullSafe(rows.col(Conditions.quoted(keys.get(i)))));
    }
    Dataset<Row> joined = keysOnly.join(rows.withColumn(PRESENT, lit(true)), on, "left_outer");
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      out.add(col(KEY + i).as(keys.get(i)));
    }
    values.forEach(v -> out.add(joined.col(Conditions.quoted(v))));
    out.add(col(PRESENT));
    return joined.select(out.toArray(new Column[0]));
  }
}
