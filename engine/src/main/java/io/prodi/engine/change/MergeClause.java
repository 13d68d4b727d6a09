package io.prodi.engine.change;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One {@code WHEN} clause of a change merge, as data: what a matched or unmatched row does, under
 * which condition (SQL text over {@code t}, the table, and {@code s}, the source), with which
 * assignments. {@link ChangeTarget}s run a list of them as one SQL {@code MERGE INTO} statement, which
 * Delta and Iceberg both take.
 */
final class MergeClause {
  /** What the clause does. */
  enum Action {
    /** When matched: delete the table's row. */
    DELETE,
    /** When matched: set the assigned columns. */
    UPDATE,
    /** When matched: set every column from the source. */
    UPDATE_ALL,
    /** When not matched: insert the assigned columns. */
    INSERT,
    /** When not matched: insert every column of the source. */
    INSERT_ALL,
    /** When not matched by the source: delete the table's row. */
    DELETE_UNMATCHED
  }

  private final Action action;
  private final String condition;
  private final Map<String, String> assignments;

  private MergeClause(Action action, String condition, Map<String, String> assignments) {
    this.action = action;
    this.condition = condition;
    this.assignments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assignments));
  }

  static MergeClause delete(String condition) {
    return new MergeClause(Action.DELETE, condition, Map.of());
  }

  static MergeClause update(String condition, Map<String, String> assignments) {
    return new MergeClause(Action.UPDATE, condition, assignments);
  }

  static MergeClause updateAll() {
    return new MergeClause(Action.UPDATE_ALL, null, Map.of());
  }

  static MergeClause insert(String condition, Map<String, String> assignments) {
    return new MergeClause(Action.INSERT, condition, assignments);
  }

  static MergeClause insertAll() {
    return new MergeClause(Action.INSERT_ALL, null, Map.of());
  }

  static MergeClause deleteUnmatched() {
    return new MergeClause(Action.DELETE_UNMATCHED, null, Map.of());
  }

  Action action() {
    return action;
  }

  Optional<String> condition() {
    return Optional.ofNullable(condition);
  }

  /** Target column (quoted) to source expression, in the order given. */
  Map<String, String> assignments() {
    return assignments;
  }

  /**
   * Runs {@code MERGE INTO table t USING source s ON condition} with {@code clauses}, the source seen
   * through a temporary view of a name of its own (no view of the step's SQL is replaced), dropped
   * afterwards. Returns what the statement returns: Delta's row of counts; nothing for Iceberg.
   */
  static List<Row> run(SparkSession spark, String table, Dataset<Row> source, String condition,
      List<MergeClause> clauses) {
    String view = "prodi_merge_source_" + UUID.randomUUID().toString().replace("-", "");
    source.createOrReplaceTempView(view);
    try {
      return spark.sql("MERGE INTO " + table + " t USING " + view + " s ON " + condition + " "
          + clauses.stream().map(MergeClause::sql).collect(Collectors.joining(" "))).collectAsList();
    } finally {
      spark.catalog().dropTempView(view);
    }
  }

  /** This clause in SQL. */
  String sql() {
    String when = condition().map(c -> " AND (" + c + ")").orElse("");
    switch (action) {
      case DELETE:
        return "WHEN MATCHED" + when + " THEN DELETE";
      case UPDATE:
        return "WHEN MATCHED" + when + " THEN UPDATE SET " + assignments.entrySet().stream()
            .map(a -> a.getKey() + " = " + a.getValue()).collect(Collectors.joining(", "));
      case UPDATE_ALL:
        return "WHEN MATCHED" + when + " THEN UPDATE SET *";
      case INSERT:
        return "WHEN NOT MATCHED" + when + " THEN INSERT (" + String.join(", ", assignments.keySet()) + ") VALUES ("
            + String.join(", ", assignments.values()) + ")";
      case INSERT_ALL:
        return "WHEN NOT MATCHED" + when + " THEN INSERT *";
      default:
        return "WHEN NOT MATCHED BY SOURCE" + when + " THEN DELETE";
    }
  }
}
