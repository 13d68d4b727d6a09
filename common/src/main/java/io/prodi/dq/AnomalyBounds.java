package io.prodi.dq;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An anomaly check's decision, in plain Java: the bounds its history allows and whether a value lies within
 * them. {@code relative}: the history's mean ± {@code max_change} of it; {@code zscore}: the mean ±
 * {@code threshold} sample standard deviations. Too little history passes, and says so.
 */
public final class AnomalyBounds {
  private final AnomalySpec spec;
  private final List<Double> history;
  private final double lower;
  private final double upper;

  private AnomalyBounds(AnomalySpec spec, List<Double> history) {
    this.spec = spec;
    this.history = List.copyOf(history);
    double mean = history.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double spread = spec.method() == AnomalySpec.Method.RELATIVE ? Math.abs(mean) * spec.limit()
        : spec.limit() * deviation(history, mean);
    this.lower = mean - spread;
    this.upper = mean + spread;
  }

  /** The bounds from {@code history} (newest first) for {@code spec}. */
  public static AnomalyBounds of(AnomalySpec spec, List<Double> history) {
    return new AnomalyBounds(spec, history);
  }

  private static double deviation(List<Double> values, double mean) {
    if (values.size() < 2) {
      return 0;
    }
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.size() - 1));
  }

  /** Whether the history is long enough to judge by. */
  public boolean enoughHistory() {
    return history.size() >= spec.minHistory();
  }

  public boolean allows(double value) {
    return !enoughHistory() || (value >= lower - 1e-9 && value <= upper + 1e-9);
  }

  public double lower() {
    return lower;
  }

  public double upper() {
    return upper;
  }

  /** What the report and the event log show: the value, the bounds and the history they came from. */
  public String describe(double value) {
    String metric = spec.metricKey() + " " + number(value);
    if (!enoughHistory()) {
      return metric + ": " + history.size() + " earlier successful run" + (history.size() == 1 ? "" : "s")
          + " in the event log, " + spec.minHistory() + " needed to judge; passing";
    }
    String rule = spec.method() == AnomalySpec.Method.RELATIVE ? "within " + number(spec.limit() * 100) + "% of the mean"
        : "within " + number(spec.limit()) + " standard deviations of the mean";
    return metric + ", expected " + rule + " of the last " + history.size() + " successful runs: ["
        + number(lower) + ", " + number(upper) + "] (history, newest first: "
        + history.stream().map(AnomalyBounds::number).collect(Collectors.joining(", ")) + ")";
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.4g", value);
  }
}
