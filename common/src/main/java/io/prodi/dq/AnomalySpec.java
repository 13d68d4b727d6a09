package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code anomaly}: a metric of the output ({@code row_count}, or a column's {@code null_fraction},
 * {@code distinct_count}, {@code mean}, {@code sum}, {@code min}, {@code max}) compared with the same layer's
 * last {@code window} successful runs in the event log: within {@code max_change} of their mean
 * ({@code method: relative}) or within {@code threshold} standard deviations ({@code method: zscore}).
 * With fewer than {@code min_history} runs it passes and says so.
 */
public final class AnomalySpec extends ExpectationSpec {
  /** What is measured in the shared pass. */
  public enum Metric {
    ROW_COUNT, NULL_FRACTION, DISTINCT_COUNT, MEAN, SUM, MIN, MAX;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static List<String> ids() {
      return Arrays.stream(values()).map(Metric::id).collect(Collectors.toList());
    }
  }

  /** How the value is compared with its history. */
  public enum Method {
    RELATIVE, ZSCORE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static List<String> ids() {
      return Arrays.stream(values()).map(Method::id).collect(Collectors.toList());
    }
  }

  private final Metric metric;
  private final Method method;
  private final int window;
  private final int minHistory;
  private final double limit;

  private AnomalySpec(Basics basics, List<String> columns, Metric metric, Method method, int window, int minHistory,
      double limit) {
    super(basics, columns);
    this.metric = metric;
    this.method = method;
    this.window = window;
    this.minHistory = minHistory;
    this.limit = limit;
  }

  static AnomalySpec bind(ConfigNode node, Basics basics) {
    Optional<Metric> chosen = choice(node.get("metric"), "anomaly metric", Metric.values(), Metric.ids());
    if (!node.has("metric")) {
      node.get("metric").missing("the metric (" + String.join(", ", Metric.ids()) + ")");
    }
    Metric metric = chosen.orElse(Metric.ROW_COUNT);
    List<String> columns = List.of();
    if (chosen.isEmpty()) {
      columns = node.has("column") ? column(node) : List.of(); // the metric's problem is recorded already
    } else if (metric == Metric.ROW_COUNT && node.has("column")) {
      node.get("column").error("Cannot check row_count of a column: row_count counts the output's rows; leave out "
          + "column (" + node.get("column").shown() + ")");
    } else if (metric != Metric.ROW_COUNT) {
      columns = column(node);
    }
    Method method = choice(node.get("method"), "anomaly method", Method.values(), Method.ids()).orElse(Method.RELATIVE);
    Integer window = node.get("window").positiveInt();
    Integer minHistory = node.get("min_history").positiveInt();
    int w = window == null ? 14 : window;
    int min = minHistory == null ? Math.min(5, w) : minHistory;
    if (min > w) {
      node.get("min_history").error("Cannot need " + min + " runs of history from a window of " + w
          + ": min_history must be at most window (" + min + ")");
    }
    String own = method == Method.RELATIVE ? "max_change" : "threshold";
    String other = method == Method.RELATIVE ? "threshold" : "max_change";
    if (node.has(other)) {
      node.get(other).error("Cannot use " + other + " with method " + method.id() + ": it belongs to method "
          + (method == Method.RELATIVE ? "zscore" : "relative") + " (" + node.get(other).shown() + ")");
    }
    Double given = node.get(own).number();
    if (given != null && given <= 0) {
      node.get(own).error("Cannot compare with a " + own + " of " + given + ": it must be greater than 0 (" + given + ")");
    }
    double limit = given != null ? given : method == Method.RELATIVE ? 0.5 : 3.0;
    return new AnomalySpec(basics, columns, metric, method, w, min, limit);
  }

  private static <E extends Enum<E>> Optional<E> choice(ConfigNode node, String what, E[] values, List<String> ids) {
    String given = node.text();
    if (given == null) {
      return Optional.empty();
    }
    for (int i = 0; i < values.length; i++) {
      if (ids.get(i).equals(given.toLowerCase(Locale.ROOT))) {
        return Optional.of(values[i]);
      }
    }
    node.unknown(what, given, ids);
    return Optional.empty();
  }

  public Metric metric() {
    return metric;
  }

  public Method method() {
    return method;
  }

  /** How many of the last successful runs are compared. */
  public int window() {
    return window;
  }

  public int minHistory() {
    return minHistory;
  }

  /** {@code max_change} (relative: a fraction of the history's mean) or {@code threshold} (zscore: deviations). */
  public double limit() {
    return limit;
  }

  /** The metric's name in the event log's {@code metrics}: {@code row_count} or {@code null_fraction(amount)}. */
  public String metricKey() {
    return columns().isEmpty() ? metric.id() : metric.id() + "(" + columns().get(0) + ")";
  }
}
