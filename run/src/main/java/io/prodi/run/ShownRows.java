package io.prodi.run;

import java.util.List;

/** What {@code prodi show} read: the first rows as text and as JSON, the schema, and how many rows there are. */
public final class ShownRows {
  private final String source;
  private final List<String> columns;
  private final List<String> types;
  private final List<List<String>> rows;
  private final List<String> jsonRows;
  private final long total;

  public ShownRows(String source, List<String> columns, List<String> types, List<List<String>> rows,
      List<String> jsonRows, long total) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.types = List.copyOf(types);
    this.rows = rows.stream().map(List::copyOf).collect(java.util.stream.Collectors.toUnmodifiableList());
    this.jsonRows = List.copyOf(jsonRows);
    this.total = total;
  }

  /** What was read: "delta /data/gold/x", "table db.t". */
  public String source() {
    return source;
  }

  public List<String> columns() {
    return columns;
  }

  /** Each column's Spark SQL type ({@code bigint}, {@code decimal(12,2)}), in column order. */
  public List<String> types() {
    return types;
  }

  /** The rows shown, each value as text ({@code null} for a SQL NULL). */
  public List<List<String>> rows() {
    return rows;
  }

  /** The same rows as JSON objects, one per row (Spark's own JSON of a row). */
  public List<String> jsonRows() {
    return jsonRows;
  }

  /** All rows there are (after --where), not only those shown. */
  public long total() {
    return total;
  }
}
