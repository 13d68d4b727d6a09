package io.prodi.engine.refresh;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import scala.collection.JavaConverters;

/** Walks an analyzed plan as a query reads it: a reference to a WITH query stands for that query's plan. */
final class PlanTree {
  private PlanTree() {}

  /** The plans of the WITH queries of {@code plan}, by id. */
  static Map<Long, LogicalPlan> ctes(LogicalPlan plan) {
    Map<Long, LogicalPlan> ctes = new java.util.HashMap<>();
    collectCtes(plan, ctes);
    return ctes;
  }

  static boolean reads(LogicalPlan plan, Set<String> driving, Map<Long, LogicalPlan> ctes) {
    if (plan instanceof SubqueryAlias && driving.contains(((SubqueryAlias) plan).alias().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return children(plan, ctes).stream().anyMatch(child -> reads(child, driving, ctes));
  }


  static <T> void collect(LogicalPlan plan, Class<T> type, List<T> out, Map<Long, LogicalPlan> ctes) {
    if (type.isInstance(plan)) {
      out.add(type.cast(plan));
    }
    Set<LogicalPlan> seen = new HashSet<>();
    for (LogicalPlan child : children(plan, ctes)) {
      if (seen.add(child)) {
        collect(child, type, out, ctes);
      }
    }
  }


  /** A node's inputs; a reference to a WITH query stands for that query's plan. */
  static List<LogicalPlan> children(LogicalPlan plan, Map<Long, LogicalPlan> ctes) {
    if (plan.nodeName().equals("CTERelationRef")) {
      LogicalPlan definition = ctes.get(cteId(plan));
      return definition == null ? List.of() : List.of(definition);
    }
    if (plan.nodeName().equals("WithCTE")) {
      List<LogicalPlan> all = JavaConverters.seqAsJavaList(plan.children());
      return List.of(all.get(all.size() - 1));
    }
    return JavaConverters.seqAsJavaList(plan.children());
  }


  private static void collectCtes(LogicalPlan plan, Map<Long, LogicalPlan> ctes) {
    if (plan.nodeName().equals("CTERelationDef")) {
      ctes.put(cteId(plan), plan.children().head());
    }
    JavaConverters.seqAsJavaList(plan.children()).forEach(child -> collectCtes(child, ctes));
  }


  static long cteId(LogicalPlan plan) {
    try {
      String method = plan.nodeName().equals("CTERelationDef") ? "id" : "cteId";
      return (Long) plan.getClass().getMethod(method).invoke(plan);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read the id of a WITH query in the plan: " + e, e);
    }
  }

}
