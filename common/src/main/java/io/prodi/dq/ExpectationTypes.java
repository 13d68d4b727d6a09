package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registry of expectation types, keyed by the lower-case {@code type}: each with
 * its scope, keys and spec class. How a run evaluates each is the engine's {@code Rules}, keyed by the
 * same names. Adding a type: one spec class, one line here, one rule class and one line there.
 */
public final class ExpectationTypes {
  private static final Map<String, ExpectationType> TYPES = registry(
      new ExpectationType("not_null", ExpectationType.Scope.ROW, ColumnSpec::bind, "column"),
      new ExpectationType("non_negative", ExpectationType.Scope.ROW, ColumnSpec::bind, "column"),
      new ExpectationType("valid_values", ExpectationType.Scope.ROW, ValidValuesSpec::bind, "column", "values"),
      new ExpectationType("range", ExpectationType.Scope.ROW, RangeSpec::bind, "column", "min", "max"),
      new ExpectationType("condition", ExpectationType.Scope.ROW, ConditionSpec::bind, "expr"),
      new ExpectationType("regex", ExpectationType.Scope.ROW, RegexSpec::bind, "column", "pattern"),
      new ExpectationType("unique", ExpectationType.Scope.KEY, UniqueSpec::bind, "column", "columns"),
      new ExpectationType("primary_key", ExpectationType.Scope.KEY, PrimaryKeySpec::bind, "columns"),
      new ExpectationType("min_row_count", ExpectationType.Scope.TABLE, RowCountSpec::bind, "value"),
      new ExpectationType("max_row_count", ExpectationType.Scope.TABLE, RowCountSpec::bind, "value"),
      new ExpectationType("freshness", ExpectationType.Scope.TABLE, FreshnessSpec::bind, "column", "max_age"),
      new ExpectationType("anomaly", ExpectationType.Scope.TABLE, AnomalySpec::bind, "metric", "column", "window",
          "min_history", "method", "max_change", "threshold"),
      new ExpectationType("columns_exist", ExpectationType.Scope.SCHEMA, ColumnsExistSpec::bind, "columns"),
      new ExpectationType("referential", ExpectationType.Scope.JOIN, ReferentialSpec::bind, "column", "ref"),
      new ExpectationType("value_parses", ExpectationType.Scope.ROW, ValueParsesSpec::bind));

  private ExpectationTypes() {}

  private static Map<String, ExpectationType> registry(ExpectationType... types) {
    Map<String, ExpectationType> byId = new TreeMap<>();
    for (ExpectationType type : types) {
      byId.put(type.id(), type);
    }
    return java.util.Collections.unmodifiableMap(byId);
  }

  /** Every type name, sorted. */
  public static Set<String> ids() {
    return new TreeSet<>(TYPES.keySet());
  }

  /** Every type, sorted by name. */
  public static Collection<ExpectationType> all() {
    return TYPES.values();
  }

  public static Optional<ExpectationType> fromId(String id) {
    return Optional.ofNullable(TYPES.get(id.toLowerCase(Locale.ROOT)));
  }

  /** The names of the row-level types, where drop and quarantine apply. */
  static Set<String> rowLevelIds() {
    return TYPES.values().stream().filter(ExpectationType::isRowLevel).map(ExpectationType::id)
        .collect(Collectors.toCollection(TreeSet::new));
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
    Optional<ExpectationType> type = fromId(typeName);
    if (type.isEmpty()) {
      node.get("type").unknown("expectation type", typeName, ids());
      return Optional.empty();
    }
    node.allowKeys("a " + type.get().id() + " expectation", type.get().keys());
    return Optional.of(type.get().bind(node, ExpectationSpec.Basics.bind(type.get(), node)));
  }
}
