package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-pipeline and pipeline files. */
class PipelineCliTest {
  @TempDir
  Path tmp;
  private ConfigFolder folder;

  @BeforeEach
  void setUp() {
    folder = new ConfigFolder(tmp);
    for (String layer : new String[] {"raw", "bronze"}) {
      folder.write("cfg/" + layer + ".yml", "layer: " + layer + "\ncompute: {app_name: '" + layer + "_{{ part }}'}\n"
          + "io:\n  source: {path: 'in/{{ part }}'}\n  sink: {path: 'out/" + layer + "/{{ part }}'}\n");
    }
  }

  @Test
  void anEmptyPipelineSaysSoAndExits0() {
    for (String text : new String[] {"steps: []\n", "pipeline: []\n", "[]\n"}) {
      String file = folder.write("empty.yml", text);
      CliRun run = CliRun.prodi("run-pipeline", "-p", file);
      assertThat(run.exitCode()).isZero();
      assertThat(run.outLines()).containsExactly("No steps defined in pipeline. Nothing to execute.");
    }
  }

  @Test
  void stepsRunInOrderWithStepVarsRenderedWithTheRunsAndOverridingThem() {
    String file = folder.write("pipelines/p.yml", "steps:\n"
        + "  - {layer: raw, config: ../cfg/raw.yml, vars: {part: 'p_{{ base }}'}}\n"
        + "  - {layer: bronze, config: ../cfg/bronze.yml}\n");
    CliRun run = CliRun.prodi("run-pipeline", "-p", file, "--dry-run", "--vars", "base=x", "--vars", "part=run",
        "--base-dir", tmp.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines().stream().filter(l -> l.startsWith("[")).collect(Collectors.toList())).containsExactly(
        "[raw] plan for " + tmp.resolve("cfg/raw.yml") + " (dry run)",
        "[bronze] plan for " + tmp.resolve("cfg/bronze.yml") + " (dry run)");
    assertThat(run.out()).contains("  write   files parquet " + tmp.resolve("out/raw/p_x"))
        .contains("  write   files parquet " + tmp.resolve("out/bronze/run"));
  }

  @Test
  void aStepConfigNotBesideThePipelineIsLookedUpUnderTheBaseDirAndAMissingOneNamesBothPlaces() {
    String file = folder.write("pipelines/p.yml", "steps:\n  - {layer: raw, config: cfg/raw.yml, vars: {part: a}}\n");
    CliRun run = CliRun.prodi("run-pipeline", "-p", file, "--dry-run", "--base-dir", tmp.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("[raw] plan for " + tmp.resolve("cfg/raw.yml") + " (dry run)");

    String missing = folder.write("pipelines/q.yml", "steps:\n  - {layer: raw, config: cfg/nowhere.yml}\n");
    CliRun failed = CliRun.prodi("run-pipeline", "-p", missing, "--dry-run", "--base-dir", tmp.toString());
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.err()).contains("Cannot read the step's config: file not found ("
        + tmp.resolve("pipelines/cfg/nowhere.yml") + ", also tried " + tmp.resolve("cfg/nowhere.yml") + ")");
  }

  @Test
  void aninvalidStepStopsThePipelineBeforeAnyStepRuns() {
    String broken = folder.write("cfg/silver.yml", "layer: silver\nio: {source: {path: a}, sink: {path: b, mode: upsert}}\n");
    String file = folder.write("p.yml", "- {layer: raw, config: cfg/raw.yml, vars: {part: a}}\n"
        + "- {layer: silver, config: cfg/silver.yml}\n");
    CliRun run = CliRun.prodi("run-pipeline", "-p", file, "--dry-run");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).doesNotContain("plan for");
    assertThat(run.errors()).containsExactly("prodi: error: " + broken + ": io.sink.mode: Cannot use write mode "
        + "'upsert': unknown write mode (valid: append, error, ignore, merge, overwrite, scd2)");
  }

  @Test
  void theFirstFailingStepStopsThePipelineWithItsExitCode() {
    String file = folder.write("p.yml", "steps:\n  - {layer: raw, config: cfg/raw.yml, vars: {part: a}}\n"
        + "  - {layer: bronze, config: cfg/bronze.yml, vars: {part: b}}\n");
    CliRun run = CliRun.prodi("run-pipeline", "-p", file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).hasSize(2).last().asString()
        .isEqualTo("prodi: error: Cannot continue pipeline: step raw exited with 1 (" + tmp.resolve("cfg/raw.yml") + ")");
    assertThat(run.err()).doesNotContain("step 2/2");
  }

  @Test
  void aStepNamingAnotherLayerThanItsConfigIsAnError() {
    String file = folder.write("p.yml", "steps:\n  - {layer: gold, config: cfg/raw.yml, vars: {part: a}}\n");
    CliRun run = CliRun.prodi("run-pipeline", "-p", file, "--dry-run");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).containsExactly("prodi: error: " + tmp.resolve("cfg/raw.yml")
        + ": layer: Cannot run this config in the gold layer: it declares layer raw (raw)");
  }

  @Test
  void validateChecksEveryStepOfAPipeline() {
    String file = folder.write("p.yml", "steps:\n  - {layer: raw, config: cfg/raw.yml, vars: {part: a}}\n"
        + "  - {layer: bronze, config: cfg/bronze.yml, vars: {part: b}}\n");
    CliRun run = CliRun.prodi("validate", "-c", file);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).containsExactly("[raw] " + tmp.resolve("cfg/raw.yml") + " is valid",
        "[bronze] " + tmp.resolve("cfg/bronze.yml") + " is valid", "[pipeline] " + file + " is valid (2 steps)");
  }
}
