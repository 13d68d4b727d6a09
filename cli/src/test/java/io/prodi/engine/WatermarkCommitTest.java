package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodi.config.LayerConfig;
import io.prodi.config.load.ConfigLoader;
import io.prodi.engine.spi.StepContext;
import io.prodi.env.RunEnvironment;
import io.prodi.run.Console;
import io.prodi.run.RunFailure;
import io.prodi.run.RunSummary;
import io.prodi.state.StateStore;
import io.prodi.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The watermark commit when Spark's metrics for a source never arrived although the source gave
 * rows (docs/state.md): the run fails and the watermark stays where it was, instead of staying behind
 * silently while the sinks hold the rows.
 */
class WatermarkCommitTest extends EngineTestBase {
  @Test
  void aSourceReadWithoutItsMetricsFailsTheCommitAndLeavesTheWatermark() {
    String file = folder.write("inc.yml", "layer: bronze\nstate: {uri: state}\nio:\n"
        + "  source: {name: people, format: csv, path: in/people.csv, options: {header: 'true'}, schema: "
        + PEOPLE_SCHEMA + ", incremental: {watermark: {field: updated, state_id: inc}}}\n  sink: {path: out/inc}\n");
    LayerConfig config = new ConfigLoader(CliRun.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(),
        tmp.toString()).loadLayer(file, Optional.empty()).config();
    RunEnvironment env = RunEnvironment.of(Map.of(), Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console = new Console(new PrintStream(out), new PrintStream(out), false);
    StepContext context = new StepContext(spark(), config, "run-1", console, env);
    StateStore store = new StateStore(at("state"), new Configuration());
    store.commit("inc", "2024-01-02", "updated", "before", 0);

    Watermarks watermarks = Watermarks.start(context, env);
    try {
      RunSummary summary = new RunSummary("bronze", "run-1", file, Instant.now());
      assertThatThrownBy(() -> watermarks.commit(Map.of(), Set.of(0), summary, "run-1"))
          .isInstanceOf(RunFailure.class).hasMessage("Cannot commit the watermark of inc: Spark reported no metrics "
              + "for the source after the sinks wrote; the watermark stays at 2024-01-02 (rerun to commit it)");
    } finally {
      watermarks.release();
    }
    assertThat(store.read("inc").orElseThrow().value()).isEqualTo("2024-01-02");
    assertThat(store.generation("inc")).isEqualTo(1);
  }

  @Test
  void aSourceThatGaveNoRowsCommitsNothingAndKeepsTheWatermark() {
    String file = folder.write("inc.yml", "layer: bronze\nstate: {uri: state}\nio:\n"
        + "  source: {name: people, format: csv, path: in/people.csv, options: {header: 'true'}, schema: "
        + PEOPLE_SCHEMA + ", incremental: {watermark: {field: updated, state_id: inc}}}\n  sink: {path: out/inc}\n");
    LayerConfig config = new ConfigLoader(CliRun.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(),
        tmp.toString()).loadLayer(file, Optional.empty()).config();
    RunEnvironment env = RunEnvironment.of(Map.of(), Map.of());
    StepContext context = new StepContext(spark(), config, "run-2", Console.system(false), env);
    StateStore store = new StateStore(at("state"), new Configuration());
    store.commit("inc", "2024-01-09", "updated", "before", 0);
    Watermarks watermarks = Watermarks.start(context, env);
    try {
      watermarks.commit(Map.of(), Set.of(), new RunSummary("bronze", "run-2", file, Instant.now()), "run-2");
    } finally {
      watermarks.release();
    }
    assertThat(store.read("inc").orElseThrow().value()).isEqualTo("2024-01-09");
  }
}
