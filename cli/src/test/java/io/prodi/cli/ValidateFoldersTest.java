package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate takes files and folders, tells each file's kind, and checks an extends base through its extenders. */
class ValidateFoldersTest {
  private static final String LAYER = "layer: raw\ndry_run: false\nio:\n  source: {path: in, format: csv}\n"
      + "  sink: {path: out}\ntransform: {sql: 'SELECT * FROM __INPUT__'}\n";

  @TempDir
  Path tmp;
  private ConfigFolder folder;
  private String root;

  @BeforeEach
  void setUp() {
    folder = new ConfigFolder(tmp);
    root = tmp.toString();
    folder.write("cfg/raw/base.yml", "layer: raw\nio:\n  source: {format: csv}\n  sink: {format: parquet}\n"
        + "transform: {sql: 'SELECT * FROM __INPUT__'}\n");
    folder.write("cfg/raw/dev.yml", "extends: ./base.yml\ndry_run: false\nio:\n  source: {path: in}\n  sink: {path: out}\n");
    folder.write("cfg/raw/prod.yml", "extends: base.yml\ndry_run: false\nio:\n  source: {path: in2}\n  sink: {path: out2}\n");
    folder.write("cfg/raw/plain.yml", LAYER);
    folder.write("cfg/raw/plain.test.yml", "config: plain.yml\ninputs:\n  source: {rows: [{a: 1}]}\n"
        + "expect:\n  output: {rows: [{a: 1}]}\n");
    folder.write("cfg/pipelines/all.yml", "steps:\n  - {layer: raw, config: ../raw/plain.yml}\n");
    folder.write("cfg/datasets/d.yml", "id: d\nlayers:\n  raw: {io: {source: {format: csv}}}\n");
    folder.write("cfg/env/local.yml", "timezone: UTC\n");
  }

  @Test
  void aFolderIsValidatedFileByFileEachAsItsKind() {
    CliRun run = CliRun.prodi("validate", root + "/cfg");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).containsExactly(
        "[dataset] " + root + "/cfg/datasets/d.yml is valid",
        "[environment] " + root + "/cfg/env/local.yml is valid",
        "[raw] " + root + "/cfg/raw/plain.yml is valid",
        "[pipeline] " + root + "/cfg/pipelines/all.yml is valid (1 steps)",
        "[base] " + root + "/cfg/raw/base.yml is checked through the files that extend it (2)",
        "[raw] " + root + "/cfg/raw/dev.yml is valid",
        "[test] " + root + "/cfg/raw/plain.test.yml is valid",
        "[raw] " + root + "/cfg/raw/plain.yml is valid",
        "[raw] " + root + "/cfg/raw/prod.yml is valid");
  }

  @Test
  void aMistakeInAFolderFailsTheWholeRunAndNamesTheFile() {
    String bad = folder.write("cfg/raw/bad.yml", LAYER.replace("format: csv", "format: cvs"));
    CliRun run = CliRun.prodi("validate", "-c", root + "/cfg/raw");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).hasSize(1).first().asString().startsWith("prodi: error: " + bad + ": io.source.format: ");
    assertThat(run.outLines()).contains("[raw] " + root + "/cfg/raw/dev.yml is valid");
  }

  @Test
  void aBaseNamedAloneIsValidatedAsALayerConfig() {
    CliRun run = CliRun.prodi("validate", root + "/cfg/raw/base.yml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).anyMatch(line -> line.contains("io.source"));
  }

  @Test
  void aPipelineFileGivenWhereALayerConfigIsWantedIsPointedToDashP() {
    String pipeline = root + "/cfg/pipelines/all.yml";
    for (String command : new String[] {"run-layer", "state"}) {
      CliRun run = command.equals("state") ? CliRun.prodi("state", "list", "-c", pipeline)
          : CliRun.prodi(command, "-c", pipeline);
      assertThat(run.exitCode()).as(command).isEqualTo(2);
      assertThat(run.errors()).as(command).containsExactly("prodi: error: " + pipeline + ": $: Cannot use a pipeline "
          + "file as a layer config: it lists steps; run it with 'run-pipeline -p " + pipeline + "' (validate and plan "
          + "take it with -c) (" + pipeline + ")");
    }
  }

  @Test
  void planUnderstandsAPipelineFile() {
    CliRun run = CliRun.prodi("plan", "-c", root + "/cfg/pipelines/all.yml");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines().get(0)).isEqualTo("[pipeline] " + root + "/cfg/pipelines/all.yml (1 steps)");
    assertThat(run.outLines().get(1)).startsWith("[raw] plan for ");
  }

  @Test
  void aDatasetConfigGivenToRunIsNamedForWhatItIs() {
    CliRun run = CliRun.prodi("run-layer", "-c", root + "/cfg/datasets/d.yml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).containsExactly("prodi: error: " + root + "/cfg/datasets/d.yml: $: Cannot use a dataset "
        + "config as a layer config: a layer config names it with dataset_config (" + root + "/cfg/datasets/d.yml)");
  }
}
