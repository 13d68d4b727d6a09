package io.prodi.dq;

import java.util.List;
import java.util.Optional;

/** The outcome of one expectation: what was checked, how many rows failed, samples, and whether it passed. */
public final class ExpectationResult {
  private final ExpectationSpec spec;
  private final Long rowsChecked;
  private final Long rowsFailed;
  private final List<String> samples;
  private final boolean passed;
  private final String observed;
  private final java.util.Map.Entry<String, Double> metric;

  private ExpectationResult(ExpectationSpec spec, Long rowsChecked, Long rowsFailed, List<String> samples,
      boolean passed, String observed) {
    this(spec, rowsChecked, rowsFailed, samples, passed, observed, null);
  }

  private ExpectationResult(ExpectationSpec spec, Long rowsChecked, Long rowsFailed, List<String> samples,
      boolean passed, String observed, java.util.Map.Entry<String, Double> metric) {
    this.metric = metric;
    this.spec = spec;
    this.rowsChecked = rowsChecked;
    this.rowsFailed = rowsFailed;
    this.samples = List.copyOf(samples);
    this.passed = passed;
    this.observed = observed;
  }

  /** A result counted in rows: it passed when no row failed. */
  public static ExpectationResult rows(ExpectationSpec spec, long checked, long failed, List<String> samples) {
    return new ExpectationResult(spec, checked, failed, samples, failed == 0, null);
  }

  /**
   * A result counted in rows whose failures are of several kinds (a primary key's null and repeated
   * keys): {@code observed} says how many of each, the samples are labelled by kind.
   */
  public static ExpectationResult rows(ExpectationSpec spec, long checked, long failed, List<String> samples,
      String observed) {
    return new ExpectationResult(spec, checked, failed, samples, failed == 0, observed);
  }

  /** A result about the whole output (row counts, freshness, the schema): {@code observed} says what was seen. */
  public static ExpectationResult table(ExpectationSpec spec, Long checked, boolean passed, String observed) {
    return new ExpectationResult(spec, checked, null, List.of(), passed, observed);
  }

  /**
   * A result about the whole output that measured a metric the event log keeps ({@code name}, {@code value}),
   * for later runs to compare with.
   */
  public static ExpectationResult measured(ExpectationSpec spec, long checked, boolean passed, String observed,
      String name, double value) {
    return new ExpectationResult(spec, checked, null, List.of(), passed, observed, java.util.Map.entry(name, value));
  }

  /** The metric this result measured, for the event log. */
  public Optional<java.util.Map.Entry<String, Double>> metric() {
    return Optional.ofNullable(metric);
  }

  public ExpectationSpec spec() {
    return spec;
  }

  public Optional<Long> rowsChecked() {
    return Optional.ofNullable(rowsChecked);
  }

  /** Failing rows, for row-level, unique and referential expectations. */
  public Optional<Long> rowsFailed() {
    return Optional.ofNullable(rowsFailed);
  }

  public List<String> samples() {
    return samples;
  }

  public boolean passed() {
    return passed;
  }

  public Optional<String> observed() {
    return Optional.ofNullable(observed);
  }

  /** Whether this failure ends the run (an error expectation whose action is fail). */
  public boolean failsTheRun() {
    return !passed && spec.onFail() == OnFail.FAIL;
  }

  /** One line for logs: "not_null_id: 2 of 10 rows failed (samples: null)". */
  public String describe() {
    String what = rowsFailed == null ? observed
        : rowsFailed + " of " + rowsChecked + " rows failed" + (observed == null ? "" : ": " + observed);
    return spec.name() + ": " + (passed ? "passed" : what) + (samples.isEmpty() || passed ? ""
        : " (samples: " + String.join(", ", samples) + ")");
  }
}
