package io.prodi.configtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Expected rows of the output or the quarantine: a count, and/or rows compared as a set keyed by
 * {@code key} (or in order with {@code ordered: true}, or as a multiset), on every column or only
 * the listed ones.
 */
public final class ExpectedRows {
  public static final Set<String> KEYS = Set.of("key", "rows", "columns", "ordered", "count");

  private final List<String> key;
  private final List<JsonNode> rows;
  private final boolean onlyListed;
  private final boolean ordered;
  private final Long count;
  private final boolean hasRows;

  private ExpectedRows(List<String> key, List<JsonNode> rows, boolean onlyListed, boolean ordered, Long count,
      boolean hasRows) {
    this.key = List.copyOf(key);
    this.rows = List.copyOf(rows);
    this.onlyListed = onlyListed;
    this.ordered = ordered;
    this.count = count;
    this.hasRows = hasRows;
  }

  static ExpectedRows bind(ConfigNode node) {
    node.allowKeys("expected rows", KEYS);
    List<JsonNode> rows = new ArrayList<>();
    for (ConfigNode row : node.get("rows").elements()) {
      if (row.isMap()) {
        rows.add(row.raw());
      } else {
        row.expected("a row mapping {column: value}");
      }
    }
    String columns = Optional.ofNullable(node.get("columns").oneOf("columns mode", Set.of("all", "only_listed")))
        .orElse("all");
    Long count = node.get("count").integer();
    if (!node.has("rows") && count == null) {
      node.error("Cannot check rows: give rows, count or both (" + node.shown() + ")");
    }
    List<String> key = node.get("key").textList();
    if (!key.isEmpty()) {
      for (int i = 0; i < rows.size(); i++) {
        for (String column : key) {
          if (!rows.get(i).has(column)) {
            node.get("rows").error("Cannot key expected row " + (i + 1) + ": it has no key column " + column + " ("
                + rows.get(i) + ")");
          }
        }
      }
    }
    return new ExpectedRows(key, rows, columns.equals("only_listed"), node.get("ordered").bool(false), count,
        node.has("rows"));
  }

  /** Every difference between these expectations and the actual rows, as lines of the diff; none when equal. */
  public List<String> differences(String what, List<Map<String, Object>> actual, List<String> actualColumns) {
    List<String> diff = new ArrayList<>();
    if (count != null && count != actual.size()) {
      diff.add(what + ": expected " + count + " rows, got " + actual.size());
    }
    if (hasRows) {
      diff.addAll(RowDiff.compare(what, rows, actual, actualColumns, key, onlyListed, ordered));
    }
    return diff;
  }
}
