package io.prodi.engine.change;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The SCD2 versions of keys from all their changes, a pure function of the set of changes: sorted by
 * sequence, consecutive changes with equal tracked values form one version ({@code _valid_from} the
 * first's sequence, untracked values the latest's); a delete closes the open version and opens none;
 * {@code _valid_to} is the sequence of the change that closed the version, null while current.
 * Two different changes of a key at one sequence (exact duplicates were dropped) fail the job that
 * computes the versions, naming the key and the sequence; so does a change without key or sequence.
 */
final class Versions {
  static final String VALID_FROM = "_valid_from";
  static final String VALID_TO = "_valid_to";
  static final String IS_CURRENT = "_is_current";
  /** The flag of a change already in the change log, among the changes {@link #mergeSource} reads. */
  static final String RECORDED = "_prodi_recorded";
  /** The column of the merge source saying what to do with a version: {@code upsert} or {@code delete}. */
  static final String ACTION = "_prodi_action";
  private static final String OPENS = "_prodi_opens";
  private static final String OPENED_BEFORE = "_prodi_opened_before";

  private Versions() {}

  /** The target columns of an SCD2 table storing {@code stored}. */
  static List<String> targetColumns(List<String> stored) {
    List<String> columns = new ArrayList<>(stored);
    columns.addAll(List.of(VALID_FROM, VALID_TO, IS_CURRENT));
    return columns;
  }

  /** The versions {@code changes} make. */
  static Dataset<Row> of(Dataset<Row> changes, ChangeBatch shape, List<String> tracked) {
    return versionsOf(marked(changes.withColumn(RECORDED, lit(false)), shape, tracked), shape);
  }

  /**
   * What the merge into the table does, in one window pass over the touched keys' changes, recorded
   * ({@link #RECORDED}) and new: their versions ({@link #ACTION} {@code upsert}), and the versions
   * the recorded changes alone made that start where the new ones start none, because a late change
   * split or joined them ({@code delete}; only their key and {@code _valid_from} are set).
   */
  static Dataset<Row> mergeSource(Dataset<Row> changes, ChangeBatch shape, List<String> tracked) {
    Dataset<Row> marked = marked(changes, shape, tracked);
    List<Column> stale = shape.keys().stream().map(k -> col(Conditions.quoted(k))).collect(Collectors.toList());
    stale.add(col(Conditions.quoted(shape.sequence())).as(VALID_FROM));
    stale.add(lit("delete").as(ACTION));
    return versionsOf(marked, shape).withColumn(ACTION, lit("upsert"))
        .unionByName(marked.where(col(RECORDED).and(col(OPENED_BEFORE)).and(not(col(OPENS))))
            .select(stale.toArray(new Column[0])), true);
  }

  /**
   * Each change with the version it belongs to, whether it opens one, and whether it opened one
   * among the recorded changes alone; deletes removed once counted.
   */
  private static Dataset<Row> marked(Dataset<Row> changes, ChangeBatch shape, List<String> tracked) {
    Column seq = col(Conditions.quoted(shape.sequence()));
    WindowSpec byKey = Window.partitionBy(shape.keys().stream().map(k -> col(Conditions.quoted(k)))
        .toArray(Column[]::new)).orderBy(seq);
    Column trackedValues = struct(tracked.stream().map(c -> col(Conditions.quoted(c))).toArray(Column[]::new));
    Column deletes = col(ChangeBatch.DELETE);
    Column recordedBefore = last(when(col(RECORDED), struct(deletes.as("d"), trackedValues.as("v"))), true)
        .over(byKey.rowsBetween(Window.unboundedPreceding(), -1));
    String tie = Conditions.raiseTie(shape.keys(), shape.sequence(), "", "BOOLEAN");
    return changes.where(expr(Conditions.raiseNull(shape.keys(), shape.sequence())))
        .withColumn("_prodi_next", lead(seq, 1).over(byKey))
        .where(expr("CASE WHEN _prodi_next = " + Conditions.quoted(shape.sequence()) + " THEN " + tie + " ELSE true END"))
        .withColumn(OPENS, opensAfter(lag(deletes, 1).over(byKey), lag(trackedValues, 1).over(byKey), deletes,
            trackedValues))
        .withColumn(OPENED_BEFORE, opensAfter(recordedBefore.getField("d"), recordedBefore.getField("v"), deletes,
            trackedValues))
        .withColumn("_prodi_version", sum(when(col(OPENS), 1).otherwise(0)).over(byKey.rowsBetween(
            Window.unboundedPreceding(), Window.currentRow())))
        .where(not(deletes));
  }

  /** A change opens a version unless it deletes, or follows a change (not a delete) with the same tracked values. */
  private static Column opensAfter(Column previousDeletes, Column previousValues, Column deletes, Column values) {
    return not(deletes).and(previousDeletes.isNull().or(previousDeletes).or(not(previousValues.eqNullSafe(values))));
  }

  private static Dataset<Row> versionsOf(Dataset<Row> marked, ChangeBatch shape) {
    Column seq = col(Conditions.quoted(shape.sequence()));
    List<Column> group = shape.keys().stream().map(k -> col(Conditions.quoted(k))).collect(Collectors.toList());
    group.add(col("_prodi_version"));
    String latest = "struct(" + shape.stored().stream().map(Conditions::quoted).collect(Collectors.joining(", "))
        + ")";
    String seqName = Conditions.quoted(shape.sequence());
    Dataset<Row> versions = marked.groupBy(group.toArray(new Column[0])).agg(
        min(seq).as(VALID_FROM),
        expr("max_by(" + latest + ", " + seqName + ")").as("_prodi_latest"),
        expr("max_by(_prodi_next, " + seqName + ")").as(VALID_TO));
    List<Column> out = shape.stored().stream().map(c -> col("_prodi_latest." + Conditions.quoted(c)).as(c))
        .collect(Collectors.toList());
    out.add(col(VALID_FROM));
    out.add(col(VALID_TO));
    out.add(col(VALID_TO).isNull().as(IS_CURRENT));
    return versions.select(out.toArray(new Column[0]));
  }

  /** The tracked columns: those named, or every stored column but the keys and the sequence. */
  static List<String> tracked(ChangeBatch shape, List<String> named) {
    if (!named.isEmpty()) {
      return named;
    }
    List<String> tracked = new ArrayList<>(shape.stored());
    tracked.removeIf(c -> shape.keys().stream().anyMatch(c::equalsIgnoreCase) || c.equalsIgnoreCase(shape.sequence()));
    return tracked;
  }
}
