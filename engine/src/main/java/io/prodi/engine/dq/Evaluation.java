package io.prodi.engine.dq;

import io.prodi.dq.ExpectationSpec;
import io.prodi.engine.spi.StepContext;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What a rule evaluates against: the output, the shared pass's results, the run's context and clock. */
public final class Evaluation {
  private final Dataset<Row> output;
  private final Map<String, Row> aggregates;
  private final Map<String, java.util.List<String>> samples;
  private final long totalRows;
  private final StepContext context;
  private final Instant now;

  Evaluation(Dataset<Row> output, Map<String, Row> aggregates, Map<String, java.util.List<String>> samples,
      long totalRows, StepContext context, Instant now) {
    this.output = output;
    this.aggregates = Map.copyOf(aggregates);
    this.samples = Map.copyOf(samples);
    this.totalRows = totalRows;
    this.context = context;
    this.now = now;
  }

  public Dataset<Row> output() {
    return output;
  }

  /** The values of this expectation's aggregation columns, in the order {@link Rule#aggregates} gave them. */
  public Row aggregates(ExpectationSpec spec) {
    return aggregates.get(spec.name());
  }

  /** A few failing values of a row-level expectation that failed (none for one that passed). */
  public java.util.List<String> samples(ExpectationSpec spec) {
    return samples.getOrDefault(spec.name(), java.util.List.of());
  }

  public long totalRows() {
    return totalRows;
  }

  public StepContext context() {
    return context;
  }

  public Instant now() {
    return now;
  }

  /**
   * Metric {@code key} of the layer's last {@code window} successful runs in the event log, newest first: one
   * small job over the log (named "event log", not a pass over the data).
   */
  public java.util.List<Double> history(String key, int window) {
    org.apache.spark.sql.SparkSession spark = context.spark();
    String previous = spark.sparkContext().getLocalProperty("spark.job.description");
    spark.sparkContext().setJobDescription("[" + context.layer() + "] event log: history of " + key);
    try {
      return new io.prodi.engine.ops.EventLog(spark, io.prodi.run.EventRecord.uri(context.config()))
          .metricHistory(context.layer(), io.prodi.run.StateIds.dataset(context.config()), key, window);
    } finally {
      spark.sparkContext().setJobDescription(previous);
    }
  }
}
