package io.prodi.engine.change;

import java.util.Map;
import java.util.Optional;

/**
 * One {@code WHEN} clause of a change merge, as data: what a matched or unmatched row does, under
 * which condition (SQL text over {@code t}, the table, and {@code s}, the source), with which
 * assignments. {@link ChangeTarget}s turn a list of them into their table format's merge.
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
}
