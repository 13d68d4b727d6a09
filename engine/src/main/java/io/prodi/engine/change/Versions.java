package io.prodi.engine.change;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
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
  private static final String REPEATS = "_prodi_repeats";
  private static final String NEXT = "_prodi_next";
  private static final String STARTED = "_prodi_started";
  private static final String LAST_OF_VERSION = "_prodi_last_of_version";

  private Versions() {}

  /** The target columns of an SCD2 table storing {@code stored}. */
  static List<String> targetColumns(List<String> stored) {
    List<String> columns = new ArrayList<>(stored);
    columns.addAll(List.of(VALID_FROM, VALID_TO, IS_CURRENT));
    return columns;
  }

  /** The versions {@code changes} make. */
  static Dataset<Row> of(Dataset<Row> changes, ChangeBatch shape, List<String> tracked) {
    return marked(changes.withColumn(RECORDED, lit(false)), shape, tracked).where(col(LAST_OF_VERSION))
        .select(upsert(shape).toArray(new Column[0]));
  }

  /**
   * What the merge into the table does, in one window pass over the touched keys' changes, recorded
   * ({@link #RECORDED}) and new: their versions ({@link #ACTION} {@code upsert}), and the versions
   * the recorded changes alone made that start where the new ones start none, because a late change
   * split or joined them ({@code delete}; only their key and {@code _valid_from} are set). A new
   * change equal to a recorded one counts once. One change can give both rows: they come out of one
   * array, so the window runs once (a union would run it twice).
   */
  static Dataset<Row> mergeSource(Dataset<Row> changes, ChangeBatch shape, List<String> tracked) {
    List<Column> upsert = upsert(shape);
    List<Column> stale = new ArrayList<>();
    for (String column : shape.stored()) {
      boolean key = shape.keys().stream().anyMatch(column::equalsIgnoreCase);
      stale.add((key ? col(Conditions.quoted(column)) : lit(null).cast(changes.schema().apply(column).dataType()))
          .as(column));
    }
    stale.add(col(Conditions.quoted(shape.sequence())).as(VALID_FROM));
    stale.add(lit(null).cast(changes.schema().apply(shape.sequence()).dataType()).as(VALID_TO));
    stale.add(lit(null).cast("boolean").as(IS_CURRENT));
    stale.add(lit("delete").as(ACTION));
    upsert.add(lit("upsert").as(ACTION));
    Column isStale = col(RECORDED).and(col(OPENED_BEFORE)).and(not(col(OPENS)));
    return marked(changes, shape, tracked).where(col(LAST_OF_VERSION).or(isStale))
        .select(explode(array(when(col(LAST_OF_VERSION), struct(upsert.toArray(new Column[0]))),
            when(isStale, struct(stale.toArray(new Column[0]))))).as("_prodi_row"))
        .where(col("_prodi_row").isNotNull()).select("_prodi_row.*");
  }

  /** A version's row, read from the last change of the version. */
  private static List<Column> upsert(ChangeBatch shape) {
    List<Column> out = shape.stored().stream().map(c -> col(Conditions.quoted(c)).as(c)).collect(Collectors.toList());
    out.add(col(STARTED).as(VALID_FROM));
    out.add(col(NEXT).as(VALID_TO));
    out.add(col(NEXT).isNull().as(IS_CURRENT));
    return out;
  }

  /**
   * Each change (deletes removed once counted) with whether it opens a version, whether it opened one
   * among the recorded changes alone, the sequence its version started at, the next change's sequence,
   * and whether it is its version's last change (whose values the version keeps). Window functions
   * over one ordering (key, then sequence, a recorded change before an equal new one), so Spark sorts
   * the changes once: an exact duplicate of the previous change is dropped, a different change at
   * the previous one's sequence is a tie.
   */
  private static Dataset<Row> marked(Dataset<Row> changes, ChangeBatch shape, List<String> tracked) {
    Column seq = col(Conditions.quoted(shape.sequence()));
    WindowSpec byKey = Window.partitionBy(shape.keys().stream().map(k -> col(Conditions.quoted(k)))
        .toArray(Column[]::new)).orderBy(seq, col(RECORDED).desc());
    Column change = struct(java.util.Arrays.stream(changes.columns()).filter(c -> !c.equals(RECORDED))
        .map(c -> col(Conditions.quoted(c))).toArray(Column[]::new));
    Column trackedValues = struct(tracked.stream().map(c -> col(Conditions.quoted(c))).toArray(Column[]::new));
    Column deletes = col(ChangeBatch.DELETE);
    Column recordedBefore = last(when(col(RECORDED), struct(deletes.as("d"), trackedValues.as("v"))), true)
        .over(byKey.rowsBetween(Window.unboundedPreceding(), -1));
    String tie = Conditions.raiseTie(shape.keys(), shape.sequence(), "", "BOOLEAN");
    Column version = col("_prodi_version");
    return changes.where(expr(Conditions.raiseNull(shape.keys(), shape.sequence())))
        .withColumn(REPEATS, coalesce(lag(change, 1).over(byKey).eqNullSafe(change), lit(false)))
        .where(not(col(REPEATS)))
        .withColumn(NEXT, lead(seq, 1).over(byKey))
        .where(expr("CASE WHEN " + NEXT + " = " + Conditions.quoted(shape.sequence()) + " THEN " + tie + " ELSE true END"))
        .withColumn(OPENS, opensAfter(lag(deletes, 1).over(byKey), lag(trackedValues, 1).over(byKey), deletes,
            trackedValues))
        .withColumn(OPENED_BEFORE, opensAfter(recordedBefore.getField("d"), recordedBefore.getField("v"), deletes,
            trackedValues))
        .withColumn("_prodi_version", sum(when(col(OPENS), 1).otherwise(0)).over(byKey.rowsBetween(
            Window.unboundedPreceding(), Window.currentRow())))
        .where(not(deletes))
        .withColumn(STARTED, last(when(col(OPENS), seq), true).over(byKey.rowsBetween(Window.unboundedPreceding(),
            Window.currentRow())))
        .withColumn(LAST_OF_VERSION, coalesce(not(lead(version, 1).over(byKey).equalTo(version)), lit(true)));
  }

  /** A change opens a version unless it deletes, or follows a change (not a delete) with the same tracked values. */
  private static Column opensAfter(Column previousDeletes, Column previousValues, Column deletes, Column values) {
    return not(deletes).and(previousDeletes.isNull().or(previousDeletes).or(not(previousValues.eqNullSafe(values))));
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
