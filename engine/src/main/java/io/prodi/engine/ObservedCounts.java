package io.prodi.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.CollectMetrics;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import scala.collection.JavaConverters;

/**
 * Row counts taken while the data flows through the run's own jobs, with {@code Dataset.observe}
 * (no extra pass): a listener keeps the first value of each observed count of this run.
 */
final class ObservedCounts implements QueryExecutionListener {
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final String prefix;
  private final Map<String, Row> rows = new ConcurrentHashMap<>();
  private final Map<String, Long> actionsSeen = new ConcurrentHashMap<>();

  ObservedCounts(String runId) {
    this.prefix = "prodi_" + runId.replaceAll("[^A-Za-z0-9]", "_") + "_";
  }

  /** {@code data} with a count of its rows observed under {@code name}. */
  Dataset<Row> observe(Dataset<Row> data, String name) {
    return data.observe(prefix + name, org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)));
  }

  /** {@code data} with these aggregates observed under {@code name}, computed by whichever job runs it. */
  Dataset<Row> observe(Dataset<Row> data, String name, List<org.apache.spark.sql.Column> aggregates) {
    return data.observe(prefix + name, aggregates.get(0),
        aggregates.subList(1, aggregates.size()).toArray(new org.apache.spark.sql.Column[0]));
  }

  @Override
  public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
    Map<String, Row> observed = JavaConverters.mapAsJavaMap(qe.observedMetrics());
    for (Map.Entry<String, Row> metric : observed.entrySet()) {
      if (metric.getKey().startsWith(prefix) && !metric.getValue().isNullAt(0)) {
        rows.putIfAbsent(metric.getKey(), metric.getValue());
      }
    }
    actionsSeen.merge(funcName, 1L, Long::sum);
    synchronized (this) {
      notifyAll();
    }
  }

  @Override
  public void onFailure(String funcName, QueryExecution qe, Exception exception) {
    actionsSeen.merge(funcName, 1L, Long::sum);
    synchronized (this) {
      notifyAll();
    }
  }

  /** How many executions of an action ({@code count}, ...) the listener has heard of: a mark to await after. */
  long actionsSeen(String action) {
    return actionsSeen.getOrDefault(action, 0L);
  }

  /**
   * The observed rows of {@code names} after one more {@code action} than {@code mark}: its event
   * carries every metric it computed, so once it has arrived a missing name was not computed (Spark
   * reports nothing for a source that gave no rows) and there is nothing more to wait for.
   */
  Map<String, Row> awaitAction(Set<String> names, String action, long mark) {
    return await(names, () -> actionsSeen(action) > mark);
  }

  /** The names observed anywhere in a dataset's plan: the counts its jobs will report. */
  Set<String> namesIn(Dataset<Row> data) {
    Set<String> names = new java.util.HashSet<>();
    List<LogicalPlan> pending = new ArrayList<>(List.of(data.queryExecution().analyzed()));
    while (!pending.isEmpty()) {
      LogicalPlan plan = pending.remove(pending.size() - 1);
      if (plan instanceof CollectMetrics && ((CollectMetrics) plan).name().startsWith(prefix)) {
        names.add(((CollectMetrics) plan).name().substring(prefix.length()));
      }
      pending.addAll(JavaConverters.seqAsJavaList(plan.children()));
    }
    return names;
  }

  /** The first long of each observed row: the counts of {@link #observe(Dataset, String)}. */
  static Map<String, Long> counts(Map<String, Row> observed) {
    Map<String, Long> out = new HashMap<>();
    observed.forEach((name, row) -> out.put(name, row.getLong(0)));
    return out;
  }

  /**
   * The observed rows of {@code names}, waiting for listener events still on their way (Spark
   * delivers them asynchronously, within milliseconds of the job's end).
   */
  Map<String, Row> await(Set<String> names) {
    return await(names, () -> false);
  }

  private Map<String, Row> await(Set<String> names, java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    synchronized (this) {
      while (!names.stream().allMatch(n -> rows.containsKey(prefix + n)) && !done.getAsBoolean()
          && System.nanoTime() < deadline) {
        try {
          wait(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    Map<String, Row> out = new HashMap<>();
    names.forEach(n -> {
      Row row = rows.get(prefix + n);
      if (row != null) {
        out.put(n, row);
      }
    });
    return out;
  }
}
