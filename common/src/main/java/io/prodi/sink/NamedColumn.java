package io.prodi.sink;

import java.util.ArrayList;
import java.util.List;

/** An input column a sink names (a merge key, a partition column), with the YAML path under the sink that names it. */
public final class NamedColumn {
  private final String column;
  private final String path;

  public NamedColumn(String column, String path) {
    this.column = column;
    this.path = path;
  }

  /** Every column of {@code columns}, named at {@code key[i]}. */
  public static List<NamedColumn> listed(String key, List<String> columns) {
    List<NamedColumn> named = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      named.add(new NamedColumn(columns.get(i), key + "[" + i + "]"));
    }
    return named;
  }

  public String column() {
    return column;
  }

  /** Where under the sink it is named: {@code merge.sequence_by}, {@code partition_by[1]}. */
  public String path() {
    return path;
  }

  /** The same column named one level deeper: {@code merge.} + path. */
  public NamedColumn under(String parent) {
    return new NamedColumn(column, parent + "." + path);
  }
}
