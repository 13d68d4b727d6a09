package io.prodi.dq;

import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigNode;
import java.util.List;

/** {@code condition}: a SQL boolean expression every row satisfies (a row where it is null passes). */
public final class ConditionSpec extends ExpectationSpec {
  private final String expr;

  private ConditionSpec(Basics basics, ConfigNode node) {
    super(basics, List.of());
    this.expr = node.get("expr").requiredText("the condition expression");
    if (expr != null) {
      SqlSyntax.expressionError(expr).ifPresent(e ->
          node.get("expr").error("Cannot parse condition: " + e + " (" + expr + ")"));
    }
  }

  static ConditionSpec bind(ConfigNode node, Basics basics) {
    return new ConditionSpec(basics, node);
  }

  public String expr() {
    return expr;
  }
}
