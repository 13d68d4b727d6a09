package io.prodi.engine.change;

import io.prodi.sink.SinkResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * The table a change-data sink writes, in its table format (a Delta table, an Iceberg table), and
 * the tables prodi keeps beside it (the change log, the tombstones). The change-data code
 * ({@link ChangeData}) computes what to write the same way for every format and asks its target
 * only these questions.
 */
abstract class ChangeTarget {
  abstract boolean exists();

  /** Its current rows. */
  abstract Dataset<Row> rows();

  /** Its rows at its current version: what a later write of this run cannot change, should Spark read them again. */
  abstract Dataset<Row> pinnedRows();

  /** Creates it from {@code rows} ({@code partitionBy}: the sink's partition columns or transforms). */
  abstract void create(Dataset<Row> rows, List<String> partitionBy);

  /** Rows added to this existing table, matched to its columns by name. */
  abstract void append(Dataset<Row> rows);

  /**
   * Merges {@code source} (alias {@code s}) into it (alias {@code t}) on {@code condition} with {@code clauses}:
   * what the merge changed.
   */
  abstract SinkResult merge(Dataset<Row> source, String condition, List<MergeClause> clauses);

  /** A table property prodi set ({@code prodi.*}), if any. */
  abstract Optional<String> property(String key);

  final void setProperty(String key, String value) {
    session().sql("ALTER TABLE " + sqlName() + " SET TBLPROPERTIES ('" + key + "' = '" + value.replace("'", "\\'")
        + "')");
  }

  /** New nullable columns, after the existing ones (the same SQL for every format). */
  final void addColumns(List<StructField> fields) {
    if (!fields.isEmpty()) {
      session().sql("ALTER TABLE " + sqlName() + " ADD COLUMNS (" + fields.stream()
          .map(f -> Conditions.quoted(f.name()) + " " + f.dataType().sql()).collect(Collectors.joining(", ")) + ")");
    }
  }

  /** The session its SQL runs in. */
  abstract SparkSession session();

  /** Its name in SQL: {@code delta.`path`} or the catalog table's name. */
  abstract String sqlName();

  /** The table of prodi's kept beside this one under {@code name}; it needs this table to exist. */
  abstract ChangeTarget beside(String name);

  /** What its latest commit wrote: after {@link #create}, the rows it was created with. */
  abstract SinkResult lastCommit();

  /** What messages call it: the path or the table name. */
  abstract String shown();

  /** Its columns, in order. */
  final List<String> columns() {
    return java.util.Arrays.asList(rows().columns());
  }
}
