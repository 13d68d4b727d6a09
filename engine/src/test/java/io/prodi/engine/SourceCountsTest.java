package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.RunOutput;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a run counts its source's rows. A layer that reads one source without a watermark and transforms
 * nothing takes the count from its output (the same rows), so no metric sits between the scan and the
 * checks or the sink; any other layer observes each source where it is read. The summary's counts are
 * the same either way.
 */
class SourceCountsTest extends LayerTestBase {
  /** The physical plans of the layer's queries (every step session's: one listener on the shared context). */
  private final List<String> plans = new CopyOnWriteArrayList<>();
  private final SparkListener listener = new SparkListener() {
    @Override
    public void onOtherEvent(SparkListenerEvent event) {
      if (event instanceof SparkListenerSQLExecutionStart) {
        SparkListenerSQLExecutionStart start = (SparkListenerSQLExecutionStart) event;
        if (!start.description().contains("event log")) {
          plans.add(start.physicalPlanDescription());
        }
      }
    }
  };

  @BeforeEach
  void listen() {
    spark().sparkContext().addSparkListener(listener);
  }

  @AfterEach
  void stopListening() {
    spark().sparkContext().removeSparkListener(listener);
  }

  /**
   * Runs {@code config} and checks how its source was counted: by a metric observed at the source or not,
   * and the summary's 5 rows of the people file either way.
   */
  private RunOutput runCounted(String config, boolean observedAtSource) throws java.util.concurrent.TimeoutException {
    RunOutput run = succeed(config);
    spark().sparkContext().listenerBus().waitUntilEmpty();
    long observing = plans.stream().filter(p -> p.contains("CollectMetrics") && p.contains("_source_0")).count();
    assertThat(observing > 0).as("a source metric in plans %s", plans).isEqualTo(observedAtSource);
    assertThat(summary(run).get("sources").get(0).get("rows").asLong()).isEqualTo(5);
    return run;
  }

  @Test
  void aLayerThatTransformsNothingCountsItsSourceFromTheChecksPass() throws Exception {
    RunOutput run = runCounted(config("silver.yml", "silver", "    {kind: noop}\n",
        "dq: {expectations: [{type: not_null, column: name, severity: warn}]}\n"), false);
    assertThat(run.out() + run.err()).contains("read people: 5 rows");
    assertThat(summary(run).get("expectations").get(0).get("failed").asLong()).isEqualTo(1);
  }

  @Test
  void aLayerThatTransformsNothingCountsItsSourceFromTheWrite() throws Exception {
    RunOutput run = runCounted(config("bronze.yml", "bronze", "    {path: out/people}\n", ""), false);
    assertThat(summary(run).get("sinks").get(0).get("rows").asLong()).isEqualTo(5);
    assertThat(read("parquet", "out/people").count()).isEqualTo(5);
  }

  @Test
  void aLayerWhoseSqlDropsRowsStillCountsEveryRowItsSourceGave() throws Exception {
    RunOutput run = runCounted(config("silver.yml", "silver", "    {path: out/people}\n",
        "transform: {sql: [\"SELECT * FROM __INPUT__ WHERE country = 'CO'\"]}\n"), true);
    assertThat(summary(run).get("sinks").get(0).get("rows").asLong()).isEqualTo(3);
  }
}
