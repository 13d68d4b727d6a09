package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.prodi.dq.ConditionSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.execution.SparkSqlParser;
import scala.collection.JavaConverters;

/**
 * {@code condition}: a Spark SQL boolean expression holds. As in a SQL CHECK constraint, a row fails
 * when the expression is false; when it is null (unknown) the row passes.
 */
final class ConditionRule extends RowRule<ConditionSpec> {
  /** Spark's own parser: the columns an expression reads, on every Spark line (Spark 4's Column has no expr()). */
  private static final SparkSqlParser PARSER = new SparkSqlParser();

  @Override
  protected Column failsWhen(ConditionSpec spec) {
    return not(expr(spec.expr()));
  }

  /** A condition has no one column: the sample is the columns it reads, as JSON. */
  @Override
  public Column sampleOf(ConditionSpec spec) {
    Set<String> columns = new LinkedHashSet<>();
    collectColumns(PARSER.parseExpression(spec.expr()), columns);
    if (columns.isEmpty()) {
      return org.apache.spark.sql.functions.lit("(no column)");
    }
    return to_json(struct(columns.stream().map(c -> col(c)).toArray(Column[]::new)));
  }

  private static void collectColumns(Expression expression, Set<String> columns) {
    if (expression instanceof UnresolvedAttribute) {
      columns.add(((UnresolvedAttribute) expression).name());
    }
    List<Expression> children = new ArrayList<>(JavaConverters.seqAsJavaList(expression.children()));
    children.forEach(child -> collectColumns(child, columns));
  }
}
