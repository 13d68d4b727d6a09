package io.prodi.configtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares expected rows (YAML) with actual rows (Spark) and writes the differences a person reads
 * at a glance: missing rows, unexpected rows, and per key the columns that differ. Numbers compare
 * by value (10.5 equals 10.50), doubles within a relative 1e-9; dates and timestamps by their text
 * (2024-06-01, 2024-06-01 10:00:00, UTC).
 */
public final class RowDiff {
  private static final double TOLERANCE = 1e-9;
  private static final int SHOWN = 20;

  private RowDiff() {}

  static List<String> compare(String what, List<JsonNode> expected, List<Map<String, Object>> actual,
      List<String> actualColumns, List<String> key, boolean onlyListed, boolean ordered) {
    List<String> diff = new ArrayList<>();
    if (!onlyListed) {
      Set<String> expectedColumns = new LinkedHashSet<>();
      expected.forEach(row -> row.fieldNames().forEachRemaining(expectedColumns::add));
      List<String> extra = actualColumns.stream().filter(c -> !expectedColumns.contains(c)).collect(Collectors.toList());
      List<String> absent = expectedColumns.stream().filter(c -> !actualColumns.contains(c)).collect(Collectors.toList());
      if (!expected.isEmpty() && !extra.isEmpty()) {
        diff.add(what + ": unexpected columns " + String.join(", ", extra) + " (use columns: only_listed to ignore them)");
      }
      if (!absent.isEmpty()) {
        diff.add(what + ": missing columns " + String.join(", ", absent));
      }
    }
    if (!key.isEmpty()) {
      keyed(what, expected, actual, key, diff);
    } else if (ordered) {
      inOrder(what, expected, actual, diff);
    } else {
      asMultiset(what, expected, actual, diff);
    }
    return diff;
  }

  private static void keyed(String what, List<JsonNode> expected, List<Map<String, Object>> actual, List<String> key,
      List<String> diff) {
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (Map<String, Object> row : actual) {
      String k = keyOf(row, key);
      if (byKey.put(k, row) != null) {
        diff.add(what + ": key " + k + " appears more than once in the actual rows");
      }
    }
    Set<String> matched = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    for (JsonNode row : expected) {
      String k = keyOfExpected(row, key);
      Map<String, Object> actualRow = byKey.get(k);
      if (actualRow == null) {
        missing.add("    " + render(row));
        continue;
      }
      matched.add(k);
      Iterator<String> columns = row.fieldNames();
      while (columns.hasNext()) {
        String column = columns.next();
        if (!same(row.get(column), actualRow.get(column))) {
          diff.add(what + ": row " + k + ": " + column + " expected " + render(row.get(column)) + ", actual "
              + renderValue(actualRow.get(column)));
        }
      }
    }
    List<String> unexpected = byKey.entrySet().stream().filter(e -> !matched.contains(e.getKey()))
        .map(e -> "    " + renderRow(e.getValue())).collect(Collectors.toList());
    section(what + ": missing rows (expected, not in the output):", missing, diff);
    section(what + ": unexpected rows (in the output, not expected):", unexpected, diff);
  }

  private static void inOrder(String what, List<JsonNode> expected, List<Map<String, Object>> actual,
      List<String> diff) {
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      if (i >= actual.size()) {
        diff.add(what + ": row " + (i + 1) + " missing: " + render(expected.get(i)));
      } else if (i >= expected.size()) {
        diff.add(what + ": row " + (i + 1) + " unexpected: " + renderRow(actual.get(i)));
      } else if (!matches(expected.get(i), actual.get(i))) {
        diff.add(what + ": row " + (i + 1) + " expected " + render(expected.get(i)) + ", actual "
            + renderRow(actual.get(i)));
      }
    }
  }

  private static void asMultiset(String what, List<JsonNode> expected, List<Map<String, Object>> actual,
      List<String> diff) {
    List<Map<String, Object>> remaining = new ArrayList<>(actual);
    List<String> missing = new ArrayList<>();
    for (JsonNode row : expected) {
      Iterator<Map<String, Object>> it = remaining.iterator();
      boolean found = false;
      while (it.hasNext() && !found) {
        if (matches(row, it.next())) {
          it.remove();
          found = true;
        }
      }
      if (!found) {
        missing.add("    " + render(row));
      }
    }
    section(what + ": missing rows (expected, not in the output):", missing, diff);
    section(what + ": unexpected rows (in the output, not expected):",
        remaining.stream().map(r -> "    " + renderRow(r)).collect(Collectors.toList()), diff);
  }

  private static boolean matches(JsonNode expected, Map<String, Object> actual) {
    Iterator<String> columns = expected.fieldNames();
    while (columns.hasNext()) {
      String column = columns.next();
      if (!same(expected.get(column), actual.get(column))) {
        return false;
      }
    }
    return true;
  }

  public static boolean same(JsonNode expected, Object actual) {
    if (expected == null || expected.isNull()) {
      return actual == null;
    }
    if (actual == null) {
      return false;
    }
    if (expected.isNumber() || actual instanceof Number) {
      return sameNumber(expected.asText(), actual);
    }
    if (expected.isBoolean()) {
      return actual instanceof Boolean && expected.booleanValue() == (Boolean) actual;
    }
    if (expected.isArray()) {
      List<?> values = actual instanceof scala.collection.Seq
          ? scala.collection.JavaConverters.seqAsJavaList((scala.collection.Seq<?>) actual) : null;
      if (values == null || values.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < values.size(); i++) {
        if (!same(expected.get(i), values.get(i))) {
          return false;
        }
      }
      return true;
    }
    return normalText(expected.asText()).equals(normalText(renderValue(actual)));
  }

  private static boolean sameNumber(String expected, Object actual) {
    try {
      BigDecimal a = new BigDecimal(expected.trim());
      BigDecimal b = new BigDecimal(String.valueOf(actual));
      if (actual instanceof Double || actual instanceof Float) {
        double x = a.doubleValue();
        double y = b.doubleValue();
        return Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
      }
      return a.compareTo(b) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String normalText(String text) {
    return text.replace('T', ' ').replaceAll("Z$", "").replaceAll("\\.0$", "");
  }

  private static String keyOf(Map<String, Object> row, List<String> key) {
    return key.stream().map(k -> renderValue(row.get(k))).collect(Collectors.joining("|"));
  }

  private static String keyOfExpected(JsonNode row, List<String> key) {
    return key.stream().map(k -> row.get(k).isNull() ? "null" : normalKey(row.get(k))).collect(Collectors.joining("|"));
  }

  private static String normalKey(JsonNode value) {
    return value.isNumber() ? new BigDecimal(value.asText()).stripTrailingZeros().toPlainString() : value.asText();
  }

  static String renderValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Timestamp) {
      return ((Timestamp) value).toInstant().toString().replace('T', ' ').replace("Z", "");
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return String.valueOf(value);
    }
    if (value instanceof scala.collection.Seq) {
      return scala.collection.JavaConverters.seqAsJavaList((scala.collection.Seq<?>) value).stream()
          .map(RowDiff::renderValue).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(value);
  }

  private static String render(JsonNode value) {
    if (value.isObject()) {
      List<String> parts = new ArrayList<>();
      value.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + render(e.getValue())));
      return parts.stream().collect(Collectors.joining(", ", "{", "}"));
    }
    return value.isNull() ? "null" : value.isValueNode() ? value.asText() : value.toString().replace("\"", "");
  }

  private static String renderRow(Map<String, Object> row) {
    return row.entrySet().stream().map(e -> e.getKey() + ": " + renderValue(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static void section(String title, List<String> lines, List<String> diff) {
    if (!lines.isEmpty()) {
      diff.add(title);
      diff.addAll(lines.subList(0, Math.min(SHOWN, lines.size())));
      if (lines.size() > SHOWN) {
        diff.add("    ... and " + (lines.size() - SHOWN) + " more");
      }
    }
  }
}
