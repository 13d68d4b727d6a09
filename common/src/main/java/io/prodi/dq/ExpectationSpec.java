package io.prodi.dq;

import io.prodi.config.yaml.ConfigNode;
import io.prodi.source.SourceSpec;
import io.prodi.source.SourceTypes;
import io.prodi.transform.SqlSyntax;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/** One data-quality expectation: immutable data, evaluated later by the layer (CONTRACT.md §6). */
public final class ExpectationSpec {
  public static final Set<String> SEVERITIES = Set.of("error", "warn");
  public static final Set<String> ACTIONS = Set.of("fail", "warn", "drop", "quarantine");

  private final ExpectationType type;
  private final String name;
  private final String severity;
  private final String onFail;
  private final List<String> columns;
  private final List<String> values;
  private final String min;
  private final String max;
  private final String expr;
  private final String pattern;
  private final Long count;
  private final Duration maxAge;
  private final SourceSpec ref;
  private final String refColumn;

  private ExpectationSpec(ExpectationType type, ConfigNode node, List<String> columns, String severity,
      String onFail, Duration maxAge, SourceSpec ref, String refColumn) {
    this.type = type;
    this.columns = List.copyOf(columns);
    this.name = Optional.ofNullable(node.get("name").text()).orElse(defaultName(type, columns));
    this.severity = severity;
    this.onFail = onFail;
    this.values = node.get("values").textList();
    this.min = node.get("min").text();
    this.max = node.get("max").text();
    this.expr = node.get("expr").text();
    this.pattern = node.get("pattern").text();
    this.count = node.get("value").integer();
    this.maxAge = maxAge;
    this.ref = ref;
    this.refColumn = refColumn;
  }

  private ExpectationSpec(ExpectationSpec base, SourceSpec ref) {
    this.type = base.type;
    this.columns = base.columns;
    this.name = base.name;
    this.severity = base.severity;
    this.onFail = base.onFail;
    this.values = base.values;
    this.min = base.min;
    this.max = base.max;
    this.expr = base.expr;
    this.pattern = base.pattern;
    this.count = base.count;
    this.maxAge = base.maxAge;
    this.ref = ref;
    this.refColumn = base.refColumn;
  }

  /** This referential expectation reading its reference from {@code other} (a config test's fixture). */
  public ExpectationSpec withRef(SourceSpec other) {
    return new ExpectationSpec(this, other);
  }

  /** The expectation a mapping describes, or empty when its type is unknown (the problem is recorded). */
  public static Optional<ExpectationSpec> bind(ConfigNode node) {
    if (!node.isMap()) {
      node.expected("an expectation mapping such as {type: not_null, column: id}");
      return Optional.empty();
    }
    String typeName = node.get("type").text();
    if (typeName == null && node.has("expr")) {
      typeName = "condition";
    }
    if (typeName == null) {
      node.get("type").missing("the expectation type");
      return Optional.empty();
    }
    Optional<ExpectationType> type = ExpectationType.fromId(typeName);
    if (type.isEmpty()) {
      node.get("type").unknown("expectation type", typeName, ExpectationType.ids());
      return Optional.empty();
    }
    node.allowKeys("a " + type.get().id() + " expectation", type.get().keys());
    return Optional.of(bind(type.get(), node));
  }

  private static ExpectationSpec bind(ExpectationType type, ConfigNode node) {
    List<String> columns = columns(type, node);
    String severity = Optional.ofNullable(node.get("severity").oneOf("severity", SEVERITIES)).orElse("error");
    String onFail = Optional.ofNullable(node.get("on_fail").oneOf("on_fail action", ACTIONS))
        .orElse(severity.equals("error") ? "fail" : "warn");
    if ((onFail.equals("drop") || onFail.equals("quarantine")) && !type.isRowLevel()) {
      node.get("on_fail").error("Cannot " + onFail + " rows for a " + type.id()
          + " expectation: row actions apply to row-level types (not_null, non_negative, valid_values, range, "
          + "condition, regex) (" + onFail + ")");
    }
    if (severity.equals("warn") && onFail.equals("fail")) {
      node.get("on_fail").error("Cannot fail the run on a warn expectation: use severity error or on_fail warn ("
          + onFail + ")");
    }
    checkTypeKeys(type, node);
    ConfigNode refNode = node.get("ref");
    SourceSpec ref = null;
    String refColumn = null;
    if (type == ExpectationType.REFERENTIAL) {
      refColumn = refNode.get("column").requiredText("the referenced column");
      ConfigNode refSource = refNode.isMap() ? refNode.withoutKey("column") : refNode;
      ref = SourceTypes.bind(refSource).orElse(null);
    }
    return new ExpectationSpec(type, node, columns, severity, onFail, maxAge(type, node), ref, refColumn);
  }

  private static List<String> columns(ExpectationType type, ConfigNode node) {
    List<String> columns = new ArrayList<>();
    if (type.keys().contains("column")) {
      String column = node.get("column").text();
      if (column != null) {
        columns.add(column);
      }
    }
    if (type.keys().contains("columns")) {
      columns.addAll(node.get("columns").textList());
    }
    if (columns.isEmpty() && (type.keys().contains("column") || type.keys().contains("columns"))) {
      node.get(type.keys().contains("column") ? "column" : "columns").missing("the column to check");
    }
    return columns;
  }

  /** {@code min} above {@code max} fails every row: a mistake the config alone shows. */
  private static void checkBounds(ConfigNode node) {
    String min = node.get("min").text();
    String max = node.get("max").text();
    if (min == null || max == null) {
      return;
    }
    Integer order = compareBounds(min.trim(), max.trim());
    if (order != null && order > 0) {
      node.get("min").error("Cannot check a range: min is greater than max, so every row would fail (" + min
          + " > " + max + ")");
    }
  }

  /** The order of two bounds read as numbers, or as ISO dates/timestamps; null when neither reads both. */
  private static Integer compareBounds(String min, String max) {
    try {
      return new java.math.BigDecimal(min).compareTo(new java.math.BigDecimal(max));
    } catch (NumberFormatException notNumbers) {
      java.util.regex.Pattern iso = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+Z?)?");
      if (iso.matcher(min).matches() && iso.matcher(max).matches()) {
        return min.replace(' ', 'T').compareTo(max.replace(' ', 'T'));
      }
      return null;
    }
  }

  private static void checkTypeKeys(ExpectationType type, ConfigNode node) {
    switch (type) {
      case VALID_VALUES:
        if (node.get("values").textList().isEmpty()) {
          node.get("values").missing("the list of valid values");
        }
        break;
      case RANGE:
        if (!node.has("min") && !node.has("max")) {
          node.error("Cannot check a range: give min, max or both (neither)");
        } else {
          checkBounds(node);
        }
        break;
      case CONDITION:
        String expr = node.get("expr").requiredText("the condition expression");
        if (expr != null) {
          SqlSyntax.expressionError(expr).ifPresent(e ->
              node.get("expr").error("Cannot parse condition: " + e + " (" + expr + ")"));
        }
        break;
      case REGEX:
        String pattern = node.get("pattern").requiredText("the regular expression");
        try {
          if (pattern != null) {
            java.util.regex.Pattern.compile(pattern);
          }
        } catch (PatternSyntaxException e) {
          node.get("pattern").error("Cannot compile pattern: " + e.getDescription() + " (" + pattern + ")");
        }
        break;
      case MIN_ROW_COUNT:
      case MAX_ROW_COUNT:
        Long count = node.get("value").integer();
        if (count == null && !node.has("value")) {
          node.get("value").missing("the row count");
        } else if (count != null && count < 0) {
          node.get("value").error("Cannot check row count: must not be negative (" + count + ")");
        }
        break;
      default:
        break;
    }
  }

  private static Duration maxAge(ExpectationType type, ConfigNode node) {
    if (type != ExpectationType.FRESHNESS) {
      return null;
    }
    String text = node.get("max_age").requiredText("the maximum age (an ISO-8601 duration)");
    try {
      return text == null ? null : Duration.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      node.get("max_age").error("Cannot read max_age: expected an ISO-8601 duration such as PT6H or P1D (" + text + ")");
      return null;
    }
  }

  static String defaultName(ExpectationType type, List<String> columns) {
    return columns.isEmpty() ? type.id() : type.id() + "_" + String.join("_", columns);
  }

  public ExpectationType type() {
    return type;
  }

  public String name() {
    return name;
  }

  public String severity() {
    return severity;
  }

  public String onFail() {
    return onFail;
  }

  public List<String> columns() {
    return columns;
  }

  public List<String> values() {
    return values;
  }

  public Optional<String> min() {
    return Optional.ofNullable(min);
  }

  public Optional<String> max() {
    return Optional.ofNullable(max);
  }

  public Optional<String> expr() {
    return Optional.ofNullable(expr);
  }

  public Optional<String> pattern() {
    return Optional.ofNullable(pattern);
  }

  public Optional<Long> count() {
    return Optional.ofNullable(count);
  }

  public Optional<Duration> maxAge() {
    return Optional.ofNullable(maxAge);
  }

  public Optional<SourceSpec> ref() {
    return Optional.ofNullable(ref);
  }

  public Optional<String> refColumn() {
    return Optional.ofNullable(refColumn);
  }

  /** One line for plans and reports. */
  public String describe() {
    return name + " (" + type.id() + (columns.isEmpty() ? "" : " on " + String.join(", ", columns)) + "; "
        + severity + ", on_fail " + onFail + ")";
  }
}
