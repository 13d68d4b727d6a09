package io.prodi.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run creates, changes or deletes nothing anywhere. */
class DryRunLeavesNothingTest {
  @TempDir
  Path tmp;

  @Test
  void aForcedDryRunOfAConfigWithEveryKindOfOutputLeavesTheTreeUnchanged() throws Exception {
    ConfigFolder folder = new ConfigFolder(tmp);
    folder.write("data/in/part-0.csv", "id,amount\n1,2\n");
    folder.write("data/out/existing.parquet", "old");
    String cfg = folder.write("cfg/silver.yml", "layer: silver\ndry_run: false\n"
        + "state: {uri: data/_state}\n"
        + "io:\n  source: {path: data/in, format: csv, incremental: {watermark: {field: id}}}\n"
        + "  sink:\n    - {path: data/out, mode: overwrite}\n    - {path: data/delta, format: delta, mode: merge, "
        + "merge: {keys: [id]}}\n"
        + "dq:\n  expectations: [{type: not_null, column: id, on_fail: quarantine}]\n"
        + "  quarantine: {path: data/quarantine}\n  report: {path: data/dq/report}\n");
    Map<String, String> before = folder.snapshot();
    CliRun run = CliRun.prodi(Map.of("PRODI_FORCE_DRY_RUN", "yes"), "run-layer", "silver", "-c", cfg,
        "--base-dir", tmp.toString(), "--summary", tmp.resolve("data/summary.json").toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(folder.snapshot()).isEqualTo(before);
    assertThat(Files.exists(tmp.resolve("data/summary.json"))).isFalse();
    assertThat(run.out()).contains("  state   watermark silver::silver::files on id in " + tmp.resolve("data/_state"))
        .contains("  dq      fail_on_error true; report " + tmp.resolve("data/dq/report") + ".json, .md");
  }

  @Test
  void aRealRunOfAnInvalidConfigExits2AndCreatesNothing() {
    ConfigFolder folder = new ConfigFolder(tmp);
    folder.write("data/in/part-0.csv", "id\n1\n");
    String cfg = folder.write("cfg/bad.yml", "layer: silver\nstate: {uri: data/_state}\n"
        + "io:\n  source: {path: data/in, format: csv, incremental: {watermark: {field: id}}}\n"
        + "  sink: [{path: data/out}, {path: data/second, mode: upsert}]\n"
        + "dq: {report: {path: data/dq/report}, expectations: [{type: not_null, column: id}]}\n");
    Map<String, String> before = folder.snapshot();
    CliRun run = CliRun.run(Map.of(), SharedSpark.engine(), null, "run-layer", "silver", "-c", cfg, "--base-dir",
        tmp.toString(), "--summary", tmp.resolve("data/summary.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).containsExactly("prodi: error: " + cfg + ": io.sink[1].mode: Cannot use write mode "
        + "'upsert': unknown write mode (valid: append, error, ignore, merge, overwrite, scd2)");
    assertThat(run.err()).doesNotContain("\tat ");
    assertThat(folder.snapshot()).isEqualTo(before);
  }
}
