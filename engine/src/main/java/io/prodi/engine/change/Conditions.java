package io.prodi.engine.change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The SQL text of a change merge: quoted names, key conditions, row comparisons, column assignments. */
final class Conditions {
  private Conditions() {}

  static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** {@code t.k1 = s.k1 AND ...}: keys are never null in change data, so plain equality. */
  static String sameKeys(List<String> keys, String left, String right) {
    return keys.stream().map(k -> left + "." + quoted(k) + " = " + right + "." + quoted(k))
        .collect(Collectors.joining(" AND "));
  }

  /**
   * The rows of {@code left} with (semi) or without (anti) a row of {@code right} holding the same
   * {@code columns}: a condition join, the same code on every Scala version.
   */
  static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> matching(
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> left, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> right,
      List<String> columns, boolean present) {
    return left.as("_l").join(right.as("_r"), org.apache.spark.sql.functions.expr(sameKeys(columns, "_l", "_r")),
        present ? "left_semi" : "left_anti");
  }

  /** Whether two rows hold the same values in {@code columns}, nulls equal. */
  static String sameValues(List<String> columns, String left, String right) {
    if (columns.isEmpty()) {
      return "true";
    }
    return columns.stream().map(c -> left + "." + quoted(c) + " <=> " + right + "." + quoted(c))
        .collect(Collectors.joining(" AND "));
  }

  /** Every column of {@code columns} set from the source row {@code source}. */
  static Map<String, String> assignFrom(List<String> columns, String source) {
    Map<String, String> assignments = new LinkedHashMap<>();
    columns.forEach(c -> assignments.put(quoted(c), source + "." + quoted(c)));
    return assignments;
  }

  /**
   * The key and sequence of a row of {@code source} ("" for the row in scope) as text,
   * "customer_id=7 and change_seq 12", for an error message.
   */
  static String keyText(List<String> keys, String sequence, String source) {
    String prefix = source.isEmpty() ? "" : source + ".";
    return "concat(" + keys.stream().map(k -> "'" + k.replace("'", "") + "=', coalesce(cast(" + prefix + quoted(k)
        + " AS STRING), 'null'), ', '").collect(Collectors.joining(", ")) + ", '" + sequence.replace("'", "")
        + " ', cast(" + prefix + quoted(sequence) + " AS STRING))";
  }

  /** The mark of a tie raised inside a merge, found again in the failure by {@link #tieIn}. */
  private static final String TIE = "PRODI_TIE[";

  /**
   * A value of {@code type} that fails the merge naming the key and sequence of the source row: how a
   * tie found while merging stops it before anything is committed, in the merge's own pass.
   */
  static String raiseTie(List<String> keys, String sequence, String source, String type) {
    return "CAST(raise_error(concat('" + TIE + "', " + keyText(keys, sequence, source) + ", ']')) AS " + type + ")";
  }

  /** The mark of a change with a null key or sequence found inside a merge, found again by {@link #nullIn}. */
  private static final String NULL = "PRODI_NULL_CHANGE";

  /**
   * A condition true for changes with a key and a sequence, that fails the pass reading a change
   * without one: how a batch checked by the merge's own pass stops it before anything is committed.
   */
  static String raiseNull(List<String> keys, String sequence) {
    String nulls = java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of(sequence))
        .map(c -> quoted(c) + " IS NULL").collect(Collectors.joining(" OR "));
    return "CASE WHEN " + nulls + " THEN CAST(raise_error('" + NULL + "') AS BOOLEAN) ELSE true END";
  }

  /** Whether this failure is a null key or sequence raised by {@link #raiseNull}. */
  static boolean nullIn(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (String.valueOf(e.getMessage()).contains(NULL)) {
        return true;
      }
    }
    return false;
  }

  /** The key and sequence of a tie raised by {@link #raiseTie}, if this failure is one. */
  static java.util.Optional<String> tieIn(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      String message = String.valueOf(e.getMessage());
      int at = message.indexOf(TIE);
      if (at >= 0) {
        int end = message.indexOf(']', at + TIE.length());
        return java.util.Optional.of(message.substring(at + TIE.length(), end < 0 ? message.length() : end));
      }
    }
    return java.util.Optional.empty();
  }
}
