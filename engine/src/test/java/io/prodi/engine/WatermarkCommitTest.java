package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodi.config.LayerConfig;
import io.prodi.engine.spi.StepContext;
import io.prodi.env.RunEnvironment;
import io.prodi.run.Console;
import io.prodi.run.RunFailure;
import io.prodi.run.RunSummary;
import io.prodi.state.StateStore;
import io.prodi.testing.TestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The watermark commit when Spark's metrics for a source never arrived although the source gave
 * rows (docs/state.md): the run fails and the watermark stays where it was, instead of staying behind
 * silently while the sinks hold the rows.
 */
class WatermarkCommitTest extends EngineConfigs {
  private static final RunEnvironment ENV = RunEnvironment.of(Map.of(), Map.of());

  /** An incremental bronze config whose watermark (state id inc) stands at {@code stored}; its watermarks opened. */
  private Watermarks opened(String runId, String stored) {
    String file = folder.write("inc.yml", "layer: bronze\nstate: {uri: state}\nio:\n"
        + "  source: {name: people, format: csv, path: in/people.csv, options: {header: 'true'}, schema: "
        + PEOPLE_SCHEMA + ", incremental: {watermark: {field: updated, state_id: inc}}}\n  sink: {path: out/inc}\n");
    LayerConfig config = load(file);
    Console quiet = new Console(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
        false);
    store().commit("inc", stored, "updated", "before", 0);
    return Watermarks.start(new StepContext(TestSession.get(), config, runId, quiet, ENV), ENV, io.prodi.run.StreamBatch.first());
  }

  private StateStore store() {
    return new StateStore(at("state"), new Configuration());
  }

  private static RunSummary summary(String runId) {
    return new RunSummary("bronze", runId, "inc.yml", Instant.now());
  }

  @Test
  void aSourceReadWithoutItsMetricsFailsTheCommitAndLeavesTheWatermark() {
    Watermarks watermarks = opened("run-1", "2024-01-02");
    try {
      assertThatThrownBy(() -> watermarks.commit(Map.of(), Set.of(0), summary("run-1"), "run-1"))
          .isInstanceOf(RunFailure.class).hasMessage("Cannot commit the watermark of inc: Spark reported no metrics "
              + "for the source after the sinks wrote; the watermark stays at 2024-01-02 (rerun to commit it)");
    } finally {
      watermarks.release();
    }
    assertThat(store().read("inc").orElseThrow().value()).isEqualTo("2024-01-02");
    assertThat(store().generation("inc")).isEqualTo(1);
  }

  @Test
  void aSourceThatGaveNoRowsCommitsNothingAndKeepsTheWatermark() {
    Watermarks watermarks = opened("run-2", "2024-01-09");
    try {
      watermarks.commit(Map.of(), Set.of(), summary("run-2"), "run-2");
    } finally {
      watermarks.release();
    }
    assertThat(store().read("inc").orElseThrow().value()).isEqualTo("2024-01-09");
  }
}
