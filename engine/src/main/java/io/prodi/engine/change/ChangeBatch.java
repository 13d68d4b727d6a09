package io.prodi.engine.change;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.prodi.run.RunFailure;
import io.prodi.sink.MergeSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * One run's input as changes: the columns the table stores, the sequence that orders them and a
 * delete flag, checked (no null key or sequence, no two different changes of a key with one
 * sequence) in one job, exact duplicates dropped.
 */
final class ChangeBatch {
  /** The flag column of a change that deletes its key. */
  static final String DELETE = "_prodi_delete";
  /** The sequence of a snapshot without {@code sequence_by}: the run's logical date. */
  static final String SNAPSHOT_SEQUENCE = "_prodi_sequence";

  private final Dataset<Row> changes;
  private final List<String> stored;
  private final String sequence;
  private final List<String> keys;

  private ChangeBatch(Dataset<Row> changes, List<String> stored, String sequence, List<String> keys) {
    this.changes = changes;
    this.stored = List.copyOf(stored);
    this.sequence = sequence;
    this.keys = List.copyOf(keys);
  }

  /** The input's changes, checked and kept until {@link #release}; {@code target} names the table in messages. */
  static ChangeBatch of(Dataset<Row> input, MergeSpec spec, String target) {
    return changesOf(input, spec, target).checked(target);
  }

  /**
   * The input's changes kept until {@link #release}, not checked here: the pass that merges them
   * checks them ({@link Versions} raises ties and nulls, and {@link #nullChanges} counts the nulls
   * then), one job less when the table exists.
   */
  static ChangeBatch checkedByTheMerge(Dataset<Row> input, MergeSpec spec, String target) {
    ChangeBatch batch = changesOf(input, spec, target);
    return new ChangeBatch(batch.changes.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK()),
        batch.stored, batch.sequence, batch.keys);
  }

  private static ChangeBatch changesOf(Dataset<Row> input, MergeSpec spec, String target) {
    String sequence = spec.sequenceBy().orElseThrow();
    checkOrderable(input, sequence, target);
    List<String> stored = storedColumns(input, spec);
    Column delete = spec.deleteWhen().map(d -> functionsCoalesce(expr(d))).orElse(lit(false));
    List<Column> selected = new ArrayList<>();
    stored.forEach(c -> selected.add(col(Conditions.quoted(c))));
    if (stored.stream().noneMatch(sequence::equalsIgnoreCase)) {
      selected.add(col(Conditions.quoted(sequence)));
    }
    selected.add(delete.as(DELETE));
    Dataset<Row> changes = input.select(selected.toArray(new Column[0])).dropDuplicates();
    return new ChangeBatch(changes, stored, sequence, spec.keys());
  }

  /** Changes already made (a snapshot's), with their sequence column and delete flag; checked the same way. */
  static ChangeBatch ofChanges(Dataset<Row> changes, List<String> stored, String sequence, List<String> keys,
      String target) {
    return new ChangeBatch(changes, stored, sequence, keys).checked(target);
  }

  /**
   * This batch checked, its changes kept in memory (or on disk) until {@link #release}: the check and
   * the merges read them several times. What they are made from must not change while the sink writes
   * (Spark may compute them again): a snapshot's deletes read the table at a pinned version.
   */
  private ChangeBatch checked(String target) {
    ChangeBatch batch = new ChangeBatch(changes.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK()),
        stored, sequence, keys);
    try {
      batch.check(target);
      return batch;
    } catch (RuntimeException e) {
      batch.release();
      throw e;
    }
  }

  void release() {
    changes.unpersist();
  }

  /** The input columns the table stores: all but {@code except_columns}. */
  static List<String> storedColumns(Dataset<Row> input, MergeSpec spec) {
    List<String> stored = new ArrayList<>(Arrays.asList(input.columns()));
    stored.removeIf(c -> spec.exceptColumns().stream().anyMatch(c::equalsIgnoreCase));
    return stored;
  }

  private static Column functionsCoalesce(Column condition) {
    return org.apache.spark.sql.functions.coalesce(condition, lit(false));
  }

  static void checkOrderable(Dataset<Row> input, String sequence, String target) {
    DataType type = Arrays.stream(input.schema().fields()).filter(f -> f.name().equalsIgnoreCase(sequence))
        .findFirst().map(f -> f.dataType()).orElse(DataTypes.NullType);
    if (!(type instanceof NumericType || type instanceof DateType || type instanceof TimestampType
        || type instanceof TimestampNTZType)) {
      throw new RunFailure("Cannot order the changes into " + target + ": sequence_by needs a number, date or "
          + "timestamp column (" + sequence + " is " + type.simpleString() + ")");
    }
  }

  /** One job: null keys or sequences (counted) and the first key with two different changes at one sequence. */
  private void check(String target) {
    Row found = changes.groupBy(groupColumns()).agg(count(lit(1)).as("n"))
        .agg(sum(when(nullKeyOrSequence(), col("n")).otherwise(0)).as("nulls"),
            expr("first(CASE WHEN n > 1 THEN " + keyAndSequence() + " END, true)").as("tie"))
        .first();
    if (!found.isNullAt(0) && found.getLong(0) > 0) {
      throw nulls(target, found.getLong(0));
    }
    if (!found.isNullAt(1)) {
      throw tie(target, found.getString(1));
    }
  }

  /** The failure of a merge that met a change without key or sequence: they are counted (one job). */
  RunFailure nullChanges(String target) {
    return nulls(target, changes.where(nullKeyOrSequence()).count());
  }

  private RunFailure nulls(String target, long count) {
    return new RunFailure("Cannot apply changes to " + target + ": " + count + " changes have a null key or "
        + sequence + " (keys " + String.join(", ", keys) + ")");
  }

  private Column nullKeyOrSequence() {
    return keys.stream().map(k -> col(Conditions.quoted(k)).isNull())
        .reduce(col(Conditions.quoted(sequence)).isNull(), Column::or);
  }

  private Column[] groupColumns() {
    List<Column> group = new ArrayList<>();
    keys.forEach(k -> group.add(col(Conditions.quoted(k))));
    group.add(col(Conditions.quoted(sequence)));
    return group.toArray(new Column[0]);
  }

  private String keyAndSequence() {
    return Conditions.keyText(keys, sequence, "");
  }

  static RunFailure tie(String target, String keyAndSequence) {
    return new RunFailure("Cannot apply changes to " + target + ": two different changes of one key share one "
        + "sequence value; give them different sequence values or drop one (" + keyAndSequence + ")");
  }

  Dataset<Row> changes() {
    return changes;
  }

  /** The input columns the table stores, in input order. */
  List<String> stored() {
    return stored;
  }

  String sequence() {
    return sequence;
  }

  List<String> keys() {
    return keys;
  }

  /** Every column of a change: the stored ones and the sequence, without the delete flag. */
  List<String> valueColumns() {
    List<String> values = new ArrayList<>(stored);
    if (stored.stream().noneMatch(sequence::equalsIgnoreCase)) {
      values.add(sequence);
    }
    return values;
  }
}
