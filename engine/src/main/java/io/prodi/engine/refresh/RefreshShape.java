package io.prodi.engine.refresh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import scala.collection.JavaConverters;

/**
 * Whether a query can be refreshed by key, read off its analyzed plan (never its text): the output's key (a GROUP BY's
 * groups, or the declared {@code refresh.keys} of a query without one) and, when it cannot, the construct that
 * stops it. A refresh by key is right when every output row derives from the driving source's rows one at a time
 * (projections, filters, joins with tables read whole) or from whole groups of them (one GROUP BY, at the top):
 * the keys the changed rows give, before and after, are then all the keys a change can affect.
 */
public final class RefreshShape {
  /** Plan nodes no refresh by key supports, with how the docs name them. */
  private static final Map<String, String> UNSUPPORTED_NODES = Map.ofEntries(
      Map.entry("Window", "a window function (OVER)"), Map.entry("GlobalLimit", "LIMIT"),
      Map.entry("LocalLimit", "LIMIT"), Map.entry("Offset", "OFFSET"), Map.entry("Tail", "LIMIT"),
      Map.entry("Union", "UNION"), Map.entry("Intersect", "INTERSECT"), Map.entry("Except", "EXCEPT"),
      Map.entry("Expand", "GROUPING SETS, ROLLUP or CUBE"), Map.entry("Distinct", "SELECT DISTINCT (use GROUP BY)"),
      Map.entry("Deduplicate", "a deduplication"), Map.entry("Sample", "TABLESAMPLE"),
      Map.entry("Pivot", "PIVOT"), Map.entry("RepartitionByExpression", "DISTRIBUTE BY"));
  /** Expressions whose value is not a function of the rows: the run's time, code prodi cannot see, the file read. */
  private static final Map<String, String> UNSUPPORTED_EXPRESSIONS = Map.ofEntries(
      Map.entry("CurrentDate", "current_date()"), Map.entry("CurrentTimestamp", "current_timestamp()"),
      Map.entry("Now", "now()"), Map.entry("LocalTimestamp", "localtimestamp()"),
      Map.entry("CurrentTimeZone", "current_timezone()"), Map.entry("CurrentUser", "current_user()"),
      Map.entry("InputFileName", "input_file_name()"), Map.entry("ScalaUDF", "a UDF"),
      Map.entry("ScalaUDAF", "a UDAF"), Map.entry("ScalaAggregator", "a UDAF"), Map.entry("PythonUDF", "a UDF"),
      Map.entry("HiveGenericUDF", "a Hive UDF"), Map.entry("HiveSimpleUDF", "a Hive UDF"),
      Map.entry("CallMethodViaReflection", "reflect()"), Map.entry("ScalarSubquery", "a subquery"),
      Map.entry("Exists", "a subquery (EXISTS)"), Map.entry("InSubquery", "a subquery (IN)"),
      Map.entry("ListQuery", "a subquery (IN)"), Map.entry("LateralSubquery", "a LATERAL subquery"));
  private static final Set<String> ABOVE_GROUP_BY = Set.of("Project", "SubqueryAlias", "Sort", "View");

  private final List<String> keys;
  private final String whyNot;

  private RefreshShape(List<String> keys, String whyNot) {
    this.keys = keys == null ? List.of() : List.copyOf(keys);
    this.whyNot = whyNot;
  }

  /**
   * The shape of {@code analyzed}, whose driving source {@code shown} the SQL reads as one of {@code views};
   * {@code declaredKeys} are {@code refresh.keys}, the output's key when the query has no GROUP BY.
   */
  public static RefreshShape of(LogicalPlan analyzed, Set<String> views, String shown, List<String> declaredKeys) {
    Map<Long, LogicalPlan> ctes = PlanTree.ctes(analyzed);
    Set<String> driving = views.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Optional<String> unsupported = unsupported(analyzed, driving, shown, ctes);
    if (unsupported.isPresent()) {
      return new RefreshShape(null, unsupported.get());
    }
    if (!PlanTree.reads(analyzed, driving, ctes)) {
      return new RefreshShape(null, "the SQL does not read " + shown + ", the source read by version");
    }
    List<Aggregate> aggregates = new ArrayList<>();
    PlanTree.collect(analyzed, Aggregate.class, aggregates, ctes);
    if (aggregates.size() > 1) {
      return new RefreshShape(null, "two GROUP BYs (one above the other, or in a subquery)");
    }
    List<String> output = names(analyzed);
    return aggregates.isEmpty() ? declared(declaredKeys, output) : grouped(analyzed, output, ctes);
  }

  public boolean byKey() {
    return whyNot == null;
  }

  /** The output columns that identify a row: the GROUP BY's, or the declared keys. */
  public List<String> keys() {
    return keys;
  }

  /** Why the query cannot be refreshed by key (empty when it can). */
  public Optional<String> whyNot() {
    return Optional.ofNullable(whyNot);
  }

  private static RefreshShape declared(List<String> declaredKeys, List<String> output) {
    if (declaredKeys.isEmpty()) {
      return new RefreshShape(null, "the query has no GROUP BY and refresh.keys names no unique key of its output");
    }
    List<String> missing = declaredKeys.stream().filter(k -> output.stream().noneMatch(k::equalsIgnoreCase))
        .collect(Collectors.toList());
    if (!missing.isEmpty()) {
      return new RefreshShape(null, "refresh.keys names " + String.join(", ", missing) + ", not among the output's "
          + "columns (" + String.join(", ", output) + ")");
    }
    return new RefreshShape(declaredKeys, null);
  }

  /** One GROUP BY with only projections and ordering above it: its groups, as output columns, are the key. */
  private static RefreshShape grouped(LogicalPlan analyzed, List<String> output, Map<Long, LogicalPlan> ctes) {
    List<LogicalPlan> above = new ArrayList<>();
    LogicalPlan node = analyzed;
    while (!(node instanceof Aggregate)) {
      boolean passes = ABOVE_GROUP_BY.contains(node.nodeName()) || node.nodeName().equals("WithCTE")
          || node.nodeName().equals("CTERelationRef");
      List<LogicalPlan> inputs = PlanTree.children(node, ctes);
      if (!passes || inputs.size() != 1) {
        String what = node.nodeName().equals("Filter") ? "HAVING (a filter on the aggregated groups)"
            : "a " + node.nodeName() + " above the GROUP BY";
        return new RefreshShape(null, what);
      }
      above.add(node);
      node = inputs.get(0);
    }
    Aggregate aggregate = (Aggregate) node;
    List<Expression> groups = JavaConverters.seqAsJavaList(aggregate.groupingExpressions());
    if (groups.isEmpty()) {
      return new RefreshShape(null, "a global aggregate (no GROUP BY) has one row, recomputed whole");
    }
    Map<Long, Integer> groupOf = new HashMap<>();
    for (NamedExpression named : JavaConverters.seqAsJavaList(aggregate.aggregateExpressions())) {
      Expression value = named instanceof Alias ? ((Alias) named).child() : (Expression) named;
      for (int g = 0; g < groups.size(); g++) {
        if (value.semanticEquals(groups.get(g))) {
          groupOf.put(named.exprId().id(), g);
        }
      }
    }
    for (int i = above.size() - 1; i >= 0; i--) {
      if (above.get(i) instanceof Project) {
        groupOf = throughProject((Project) above.get(i), groupOf);
      } else if (above.get(i).nodeName().equals("CTERelationRef")) {
        groupOf = throughReference(above.get(i), ctes, groupOf);
      }
    }
    String[] keys = new String[groups.size()];
    for (Attribute attribute : JavaConverters.seqAsJavaList(analyzed.output())) {
      Integer g = groupOf.get(attribute.exprId().id());
      if (g != null && keys[g] == null) {
        keys[g] = attribute.name();
      }
    }
    for (int g = 0; g < keys.length; g++) {
      if (keys[g] == null) {
        return new RefreshShape(null, "GROUP BY " + groups.get(g).sql() + " is not among the output's columns ("
            + String.join(", ", output) + ")");
      }
    }
    return new RefreshShape(List.of(keys), null);
  }

  /** The group each column of a reference to a WITH query holds: the query's columns, by position. */
  private static Map<Long, Integer> throughReference(LogicalPlan reference, Map<Long, LogicalPlan> ctes,
      Map<Long, Integer> below) {
    List<Attribute> defined = JavaConverters.seqAsJavaList(ctes.get(PlanTree.cteId(reference)).output());
    List<Attribute> referenced = JavaConverters.seqAsJavaList(reference.output());
    Map<Long, Integer> out = new HashMap<>();
    for (int i = 0; i < Math.min(defined.size(), referenced.size()); i++) {
      Integer group = below.get(defined.get(i).exprId().id());
      if (group != null) {
        out.put(referenced.get(i).exprId().id(), group);
      }
    }
    return out;
  }

  /** The group each column of a projection holds, from the groups of the columns below it. */
  private static Map<Long, Integer> throughProject(Project project, Map<Long, Integer> below) {
    Map<Long, Integer> out = new HashMap<>();
    for (NamedExpression named : JavaConverters.seqAsJavaList(project.projectList())) {
      Expression value = named instanceof Alias ? ((Alias) named).child() : (Expression) named;
      if (value instanceof Attribute && below.containsKey(((Attribute) value).exprId().id())) {
        out.put(named.exprId().id(), below.get(((Attribute) value).exprId().id()));
      }
    }
    return out;
  }

  private static Optional<String> unsupported(LogicalPlan plan, Set<String> driving, String shown,
      Map<Long, LogicalPlan> ctes) {
    String node = plan.nodeName();
    if (UNSUPPORTED_NODES.containsKey(node)) {
      return Optional.of(UNSUPPORTED_NODES.get(node));
    }
    for (Expression expression : JavaConverters.seqAsJavaList(plan.expressions())) {
      Optional<String> found = unsupported(expression);
      if (found.isPresent()) {
        return found;
      }
    }
    if (plan instanceof Join) {
      Optional<String> join = join((Join) plan, driving, shown, ctes);
      if (join.isPresent()) {
        return join;
      }
    }
    for (LogicalPlan child : PlanTree.children(plan, ctes)) {
      Optional<String> found = unsupported(child, driving, shown, ctes);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> unsupported(Expression expression) {
    String name = expression.getClass().getSimpleName();
    if (UNSUPPORTED_EXPRESSIONS.containsKey(name)) {
      return Optional.of(UNSUPPORTED_EXPRESSIONS.get(name));
    }
    List<Expression> children = JavaConverters.seqAsJavaList(expression.children());
    if (!expression.deterministic() && children.stream().allMatch(Expression::deterministic)) {
      return Optional.of("a non-deterministic function (" + expression.prettyName() + ")");
    }
    for (Expression child : children) {
      Optional<String> found = unsupported(child);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** A join keeps rows independent of each other when the driving source is on one side that it preserves. */
  private static Optional<String> join(Join join, Set<String> driving, String shown, Map<Long, LogicalPlan> ctes) {
    boolean left = PlanTree.reads(join.left(), driving, ctes);
    boolean right = PlanTree.reads(join.right(), driving, ctes);
    String type = join.joinType().sql();
    if (left && right) {
      return Optional.of("a join of " + shown + " with itself");
    }
    if (!left && !right || type.equals("INNER") || type.equals("CROSS")) {
      return Optional.empty();
    }
    boolean preserved = left ? type.equals("LEFT OUTER") || type.equals("LEFT SEMI") || type.equals("LEFT ANTI")
        : type.equals("RIGHT OUTER");
    return preserved ? Optional.empty()
        : Optional.of("a " + type + " join with " + shown + " on its " + (left ? "left" : "right") + " side");
  }

  private static List<String> names(LogicalPlan plan) {
    return JavaConverters.seqAsJavaList(plan.output()).stream().map(Attribute::name).collect(Collectors.toList());
  }
}
