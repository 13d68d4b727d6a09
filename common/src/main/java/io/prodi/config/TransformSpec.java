package io.prodi.config;

import io.prodi.transform.PreStep;
import io.prodi.transform.PreSteps;
import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code transform}: pre steps, SQL statements and functions, applied in that order. */
public final class TransformSpec {
  public static final Set<String> KEYS = Set.of("pre", "sql", "temp_view", "functions");

  private final List<PreStep> pre;
  private final List<String> sql;
  private final String tempView;
  private final List<FunctionSpec> functions;

  private TransformSpec(List<PreStep> pre, List<String> sql, String tempView, List<FunctionSpec> functions) {
    this.pre = List.copyOf(pre);
    this.sql = List.copyOf(sql);
    this.tempView = tempView;
    this.functions = List.copyOf(functions);
  }

  static TransformSpec bind(ConfigNode node) {
    node.allowKeys("transform", KEYS);
    List<PreStep> pre = new ArrayList<>();
    for (ConfigNode step : node.get("pre").elements()) {
      PreSteps.bind(step).ifPresent(pre::add);
    }
    List<String> sql = statements(node.get("sql"));
    String tempView = node.get("temp_view").text();
    if (tempView != null && !tempView.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      node.get("temp_view").error("Cannot name the input view " + tempView
          + ": expected a SQL identifier (letters, digits, _) (" + tempView + ")");
    }
    List<FunctionSpec> functions = new ArrayList<>();
    for (ConfigNode function : node.get("functions").elements()) {
      functions.add(FunctionSpec.bind(function));
    }
    return new TransformSpec(pre, sql, tempView, functions);
  }

  private static List<String> statements(ConfigNode node) {
    List<ConfigNode> items = node.isList() ? node.elements() : (node.isMissing() ? List.of() : List.of(node));
    List<String> statements = new ArrayList<>();
    for (ConfigNode item : items) {
      String sql = item.text();
      if (sql == null || sql.isBlank()) {
        if (!item.isMissing()) {
          item.expected("a SQL statement");
        }
        continue;
      }
      String trimmed = sql.trim().replaceAll(";\\s*$", "");
      SqlSyntax.statementError(trimmed).ifPresent(e -> item.error("Cannot parse SQL: " + e + " ("
          + item.shown() + ")"));
      statements.add(trimmed);
    }
    return statements;
  }

  public static TransformSpec none() {
    return new TransformSpec(List.of(), List.of(), null, List.of());
  }

  /** Whether the output is the input row for row: no pre step, SQL statement or function. */
  public boolean keepsEveryRow() {
    return pre.isEmpty() && sql.isEmpty() && functions.isEmpty();
  }

  public List<PreStep> pre() {
    return pre;
  }

  /** The SQL statements in order; the last one's result is the output. */
  public List<String> sql() {
    return sql;
  }

  public Optional<String> tempView() {
    return Optional.ofNullable(tempView);
  }

  public List<FunctionSpec> functions() {
    return functions;
  }
}
