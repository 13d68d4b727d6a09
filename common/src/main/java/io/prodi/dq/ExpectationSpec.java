package io.prodi.dq;

import io.prodi.source.SourceSpec;
import io.prodi.yaml.ConfigNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One data-quality expectation: immutable data, evaluated later by the layer. Each
 * type has its own spec class with its own keys (see {@link ExpectationTypes}); this base holds what
 * every expectation has: its type, name, severity and action.
 */
public abstract class ExpectationSpec {
  /** Every word {@code severity} accepts. */
  public static final Set<String> SEVERITIES = ids(Severity.values());
  /** Every word {@code on_fail} accepts. */
  public static final Set<String> ACTIONS = ids(OnFail.values());

  private final ExpectationType type;
  private final String name;
  private final Severity severity;
  private final OnFail onFail;
  private final List<String> columns;
  private final String path;
  private final boolean oneColumn;

  /** What every expectation's mapping gives: its type, name (if set), severity and action. */
  static final class Basics {
    final ExpectationType type;
    final String name;
    final Severity severity;
    final OnFail onFail;
    final String path;
    final boolean oneColumn;

    private Basics(ExpectationType type, String name, Severity severity, OnFail onFail, String path,
        boolean oneColumn) {
      this.type = type;
      this.name = name;
      this.severity = severity;
      this.onFail = onFail;
      this.path = path;
      this.oneColumn = oneColumn;
    }

    static Basics bind(ExpectationType type, ConfigNode node) {
      Severity severity = Optional.ofNullable(node.get("severity").oneOf("severity", SEVERITIES))
          .map(s -> Severity.valueOf(s.toUpperCase(Locale.ROOT))).orElse(Severity.ERROR);
      OnFail onFail = Optional.ofNullable(node.get("on_fail").oneOf("on_fail action", ACTIONS))
          .map(s -> OnFail.valueOf(s.toUpperCase(Locale.ROOT))).orElse(severity.defaultAction());
      if (onFail.removesRows() && !type.isRowLevel()) {
        node.get("on_fail").error("Cannot " + onFail + " rows for a " + type.id()
            + " expectation: row actions apply to row-level types (" + String.join(", ", ExpectationTypes.rowLevelIds())
            + ") (" + onFail + ")");
      }
      if (severity == Severity.WARN && onFail == OnFail.FAIL) {
        node.get("on_fail").error("Cannot fail the run on a warn expectation: use severity error or on_fail warn ("
            + onFail + ")");
      }
      return new Basics(type, node.get("name").text(), severity, onFail, node.path(), node.has("column"));
    }
  }

  protected ExpectationSpec(Basics basics, List<String> columns) {
    this.type = basics.type;
    this.columns = List.copyOf(columns);
    this.name = Optional.ofNullable(basics.name).orElse(defaultName(type, this.columns));
    this.severity = basics.severity;
    this.onFail = basics.onFail;
    this.path = basics.path;
    this.oneColumn = basics.oneColumn;
  }

  /** A copy of {@code base} (for {@link #withRef}). */
  protected ExpectationSpec(ExpectationSpec base) {
    this.type = base.type;
    this.columns = base.columns;
    this.name = base.name;
    this.severity = base.severity;
    this.onFail = base.onFail;
    this.path = base.path;
    this.oneColumn = base.oneColumn;
  }

  private static Set<String> ids(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.toString()).collect(Collectors.toCollection(TreeSet::new));
  }

  static String defaultName(ExpectationType type, List<String> columns) {
    return columns.isEmpty() ? type.id() : type.id() + "_" + String.join("_", columns);
  }

  /** {@code column} (one) of a mapping, recorded as missing when absent. */
  static List<String> column(ConfigNode node) {
    String column = node.get("column").text();
    if (column == null) {
      node.get("column").missing("the column to check");
      return List.of();
    }
    return List.of(column);
  }

  /** {@code columns} (a list) of a mapping, recorded as missing when empty. */
  static List<String> columns(ConfigNode node) {
    List<String> columns = node.get("columns").textList();
    if (columns.isEmpty()) {
      node.get("columns").missing("the column to check");
    }
    return columns;
  }

  public ExpectationType type() {
    return type;
  }

  public String name() {
    return name;
  }

  public Severity severity() {
    return severity;
  }

  public OnFail onFail() {
    return onFail;
  }

  /** The columns it checks, in the order given. */
  public List<String> columns() {
    return columns;
  }

  /** The YAML path of the key naming its {@code index}-th column: {@code dq.expectations[2].column}. */
  public String columnPath(int index) {
    if (oneColumn) { // unique takes column and columns: column first
      return index == 0 ? path + ".column" : path + ".columns[" + (index - 1) + "]";
    }
    return path + ".columns[" + index + "]";
  }

  /**
   * The problems of checking these output {@code columns}: a column it names that the output lacks, keyed by the YAML
   * path naming it (a nested {@code payload.id} needs its top-level {@code payload}); none for {@code columns_exist},
   * whose failure is its result.
   */
  public java.util.Map<String, String> missingColumns(List<String> outputColumns) {
    java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
    if (isSchemaOnly()) {
      return problems;
    }
    for (int i = 0; i < columns.size(); i++) {
      String top = columns.get(i).split("\\.", 2)[0].replace("`", "");
      if (outputColumns.stream().noneMatch(c -> c.equalsIgnoreCase(top))) {
        problems.put(columnPath(i), "Cannot check column " + columns.get(i) + ": the output has no such column"
            + io.prodi.yaml.ClosestName.hint(top, outputColumns) + " (columns: " + String.join(", ", outputColumns)
            + ")");
      }
    }
    return problems;
  }

  /** Whether failing rows can be told apart, so that drop and quarantine apply. */
  public boolean isRowLevel() {
    return type.isRowLevel();
  }

  /** Whether it looks at the schema only, before any job. */
  public boolean isSchemaOnly() {
    return type.scope() == ExpectationType.Scope.SCHEMA;
  }

  /** The source it looks values up in (a referential expectation's ref). */
  public Optional<SourceSpec> ref() {
    return Optional.empty();
  }

  /** This expectation reading its reference from {@code other} (a config test's fixture); itself when it has no ref. */
  public ExpectationSpec withRef(SourceSpec other) {
    return this;
  }

  /** One line for plans and reports. */
  public String describe() {
    return name + " (" + type.id() + (columns.isEmpty() ? "" : " on " + String.join(", ", columns)) + "; "
        + severity + ", on_fail " + onFail + ")";
  }
}
