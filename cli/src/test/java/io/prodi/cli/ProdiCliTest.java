package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.Layer;
import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes, messages and outputs. */
class ProdiCliTest {
  private static final String VALID = "layer: raw\ndry_run: false\nio:\n  source: {path: in, format: csv}\n"
      + "  sink: {path: out}\ntransform: {sql: 'SELECT * FROM __INPUT__'}\n";

  @TempDir
  Path tmp;
  private ConfigFolder folder;
  private String valid;

  @BeforeEach
  void setUp() {
    folder = new ConfigFolder(tmp);
    valid = folder.write("raw.yml", VALID);
  }

  private static JsonNode summary(CliRun run) {
    assertThat(run.outLines()).last().asString().startsWith("{\"prodi_summary\":");
    return run.summary();
  }

  @Test
  void validatePrintsOneLinePerValidFile() {
    String bronze = folder.write("bronze.yml", VALID.replace("layer: raw", "layer: bronze"));
    CliRun run = CliRun.prodi("validate", "-c", valid, "-c", bronze);
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("[raw] " + valid + " is valid", "[bronze] " + bronze + " is valid");
  }

  @Test
  void validateReportsEveryProblemOfEveryFileAndExits2WithoutAStackTrace() {
    String bad = folder.write("bad.yml", "layer: raw\nio:\n  source: {formt: csv, path: x}\n  sink: {path: y, mode: upsrt}\n");
    CliRun run = CliRun.prodi("validate", "-c", bad, valid);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "prodi: error: " + bad + ": io.source.formt: Cannot use key 'formt' in a files source: unknown key, did you "
            + "mean 'format'? (valid keys: format, incremental, local_fallback, name, options, path, preferred_protocol, "
            + "relative_path, schema, type, uri, uris, use_local_fallback)",
        "prodi: error: " + bad + ": io.sink.mode: Cannot use write mode 'upsrt': unknown write mode (valid: append, "
            + "error, ignore, merge, overwrite, scd2)");
    assertThat(run.outLines()).containsExactly("[raw] " + valid + " is valid");
  }

  @Test
  void aMissingConfigFileExits2WithOneLine() {
    String missing = tmp.resolve("missing.yml").toString();
    CliRun run = CliRun.prodi("validate", "-c", missing);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "prodi: error: " + missing + ": $: Cannot read config: file not found (" + missing + ")");
  }

  @Test
  void usageErrorsExit2AndSuggestTheClosestOption() {
    CliRun run = CliRun.prodi("run-layer", "raw", "-c", valid, "--dry-rn");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).singleElement().asString()
        .startsWith("prodi: error: Cannot parse the command line: Unknown option: '--dry-rn'")
        .contains("--dry-run");
  }

  @Test
  void anUnknownLayerIsAUsageError() {
    CliRun run = CliRun.prodi("run-layer", "platinum", "-c", valid);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).containsExactly("prodi: error: Cannot parse the command line: Cannot use layer "
        + "'platinum' in LAYER: unknown layer (valid: raw, bronze, silver, gold)");
  }

  @Test
  void aDryRunSaysWhatAChangeDataSinkWillDo() throws Exception {
    Path config = tmp.resolve("scd2.yml");
    Files.writeString(config, "layer: silver\nio:\n  source: {path: in}\n  sink: {path: out, format: delta, mode: scd2, "
        + "merge: {keys: [id], sequence_by: seq, delete_when: \"op = 'D'\", except_columns: [op], track_history: [a]}}\n");
    CliRun run = CliRun.prodi("run-layer", "-c", config.toString(), "--dry-run", "--base-dir", tmp.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).contains("  write   files delta " + tmp.resolve("out") + " (mode scd2; keys id, ordered "
        + "by seq, deletes where op = 'D', history of a, without op; change data feed on when created)");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void aDryRunPrintsThePlanAndADryRunSummaryAndExits0() throws Exception {
    CliRun run = CliRun.prodi("run-layer", "raw", "-c", valid, "--dry-run", "--base-dir", tmp.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).startsWith("[raw] plan for " + valid + " (dry run)",
        "  read    source 1: files csv " + tmp.resolve("in"),
        "  input   views __INPUT__, __BASE__, raw_input",
        "  sql     SELECT * FROM __INPUT__",
        "  write   files parquet " + tmp.resolve("out") + " (mode overwrite)");
    JsonNode summary = summary(run);
    assertThat(summary.get("status").asText()).isEqualTo("dry_run");
    assertThat(summary.get("layer").asText()).isEqualTo("raw");
    assertThat(summary.get("sinks").get(0).get("location").asText()).isEqualTo(tmp.resolve("out").toString());
  }

  @Test
  void theGuardForcesADryRunFromTheEnvironmentOrAnOverrideWithTheExactMessage() throws Exception {
    for (CliRun run : List.of(
        CliRun.prodi(Map.of("PRODI_FORCE_DRY_RUN", "true"), "run-layer", "raw", "-c", valid),
        CliRun.prodi("run-layer", "--layer", "raw", "-c", valid, "--env.PRODI_FORCE_DRY_RUN=true"),
        CliRun.prodi("run-layer", "raw", "-c", valid, "--env.PRODI_FORCE_DRY_RUN", "true"))) {
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.outLines().get(0)).isEqualTo("[raw] PRODI_FORCE_DRY_RUN=true - forcing dry_run execution");
      assertThat(summary(run).get("status").asText()).isEqualTo("dry_run");
    }
  }

  @Test
  void anOverrideCanTurnTheProcessGuardOff() {
    CliRun run = CliRun.prodi(Map.of("PRODI_FORCE_DRY_RUN", "1"), "run-layer", "raw", "-c", valid,
        "--env.PRODI_FORCE_DRY_RUN=false");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).doesNotContain("forcing dry_run");
  }

  @Test
  void aRealRunReachesTheEngineAndItsFailureIsExit1WithTheSummary() throws Exception {
    CliRun run = CliRun.prodi("run-layer", "raw", "-c", valid);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).containsExactly("prodi: error: Cannot run raw: this test's engine has no Spark (" + valid
        + ")");
    assertThat(summary(run).get("status").asText()).isEqualTo("failed");
  }

  @Test
  void aLayerMainRunsItsLayerAndRejectsAnother() {
    CliRun ok = CliRun.layerMain(Layer.RAW, Map.of(), "--config", valid, "--dry-run");
    assertThat(ok.exitCode()).isZero();
    CliRun wrong = CliRun.layerMain(Layer.BRONZE, Map.of(), "--config", valid, "--layer", "raw");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.errors()).containsExactly("prodi: error: Cannot parse the command line: Cannot run layer raw "
        + "with io.prodi.layers.BronzeLayer: it runs the bronze layer (raw)");
    CliRun mismatch = CliRun.layerMain(Layer.GOLD, Map.of(), "--config", valid, "--dry-run");
    assertThat(mismatch.exitCode()).isEqualTo(2);
    assertThat(mismatch.errors()).containsExactly("prodi: error: " + valid
        + ": layer: Cannot run this config in the gold layer: it declares layer raw (raw)");
  }

  @Test
  void dqFlagsOverrideFailOnErrorAndConflictingOnesAreAUsageError() {
    String withDq = folder.write("dq.yml", VALID + "dq: {fail_on_error: true, expectations: [{type: not_null, column: a}]}\n");
    CliRun plan = CliRun.prodi("plan", "-c", withDq, "--dq.no-fail-on-error");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.outLines()).contains("  dq      fail_on_error false");
    CliRun both = CliRun.prodi("plan", "-c", withDq, "--dq-fail-on-error", "--dq-no-fail-on-error");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.errors()).containsExactly("prodi: error: Cannot parse the command line: Cannot use both "
        + "--dq-fail-on-error and --dq-no-fail-on-error: choose one");
  }

  @Test
  void varsMayContainEqualsSignsAndAMissingJinjaVariableIsAConfigError() {
    String templated = folder.write("t.yml", VALID.replace("SELECT * FROM __INPUT__",
        "SELECT * FROM __INPUT__ WHERE {{ predicate }}"));
    CliRun ok = CliRun.prodi("plan", "-c", templated, "--vars", "predicate=a=1");
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.outLines()).contains("  sql     SELECT * FROM __INPUT__ WHERE a=1");
    CliRun missing = CliRun.prodi("plan", "-c", templated);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.errors()).containsExactly("prodi: error: " + templated + ": line 6: Cannot render "
        + "{{ predicate }}: variable predicate has no value and no default; pass --vars predicate=... "
        + "({{ predicate }})");
    CliRun malformed = CliRun.prodi("plan", "-c", templated, "--vars", "novalue");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.errors()).containsExactly(
        "prodi: error: Cannot parse the command line: Cannot read --vars: expected KEY=VALUE (novalue)");
  }

  @Test
  void validateOfManyFilesPrintsEachWarningOnceWithEveryPlaceThatHasIt() {
    String source = "layer: raw\nio:\n  source: {type: jdbc, url: 'jdbc:postgresql://127.0.0.1/x', table: t, "
        + "auth: {user_env: PG_USER, password_env: PG_PASSWORD}}\n  sink: {path: out}\n";
    String a = folder.write("cfg/a.yml", source);
    String b = folder.write("cfg/b.yml", source);
    CliRun validate = CliRun.prodi(Map.of("PG_USER", "app"), "validate", tmp.resolve("cfg").toString());
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
    assertThat(validate.errLines()).containsExactly("prodi: warning: Cannot read credential: environment variable "
        + "PG_PASSWORD is not set (PG_PASSWORD); in 2 places: " + a + ": io.source.auth.password_env, " + b
        + ": io.source.auth.password_env");
    assertThat(validate.outLines()).containsExactly("[raw] " + a + " is valid", "[raw] " + b + " is valid");
  }

  @Test
  void aMissingCredentialWarnsInValidateAndDryRunsButFailsARealRunWithExit2() {
    String jdbc = folder.write("jdbc.yml", "layer: raw\nio:\n  source: {type: jdbc, url: 'jdbc:postgresql://127.0.0.1/x',"
        + " table: t, auth: {user_env: PG_USER, password_env: PG_PASSWORD}}\n  sink: {path: out}\n");
    String line = jdbc + ": io.source.auth.password_env: Cannot read credential: environment variable PG_PASSWORD is "
        + "not set (PG_PASSWORD)";
    CliRun validate = CliRun.prodi(Map.of("PG_USER", "app"), "validate", "-c", jdbc);
    assertThat(validate.exitCode()).isZero();
    assertThat(validate.errLines()).containsExactly("prodi: warning: " + line);
    CliRun dry = CliRun.prodi(Map.of("PG_USER", "app"), "run-layer", "raw", "-c", jdbc, "--dry-run");
    assertThat(dry.exitCode()).isZero();
    assertThat(dry.errLines()).contains("prodi: warning: " + line);
    CliRun real = CliRun.prodi(Map.of("PG_USER", "app"), "run-layer", "raw", "-c", jdbc);
    assertThat(real.exitCode()).isEqualTo(2);
    assertThat(real.errors()).containsExactly("prodi: error: " + line);
    assertThat(real.out()).doesNotContain("prodi_summary");
  }

  @Test
  void credentialValuesNeverAppearInOutput() {
    String http = folder.write("http.yml", "layer: raw\ndry_run: true\nio:\n  source: {type: http, url: "
        + "'https://api.example.com/v1/items?token=${API_TOKEN}', auth: {type: bearer_env, token_env: API_TOKEN}}\n"
        + "  sink: {path: out}\n");
    CliRun run = CliRun.prodi(Map.of("API_TOKEN", "tok-SECRET-42"), "run-layer", "raw", "-c", http, "--vars",
        "API_TOKEN=tok-SECRET-42");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out() + run.err()).doesNotContain("tok-SECRET-42").contains("token=****");
  }

  @Test
  void aConfigErrorPrintsNoStackTraceUnlessVerbose() {
    String bad = folder.write("bad.yml", "layer: raw\n");
    assertThat(CliRun.prodi("validate", "-c", bad).err()).doesNotContain("\tat ");
    CliRun verbose = CliRun.prodi("run-layer", "raw", "-c", valid, "--verbose");
    assertThat(verbose.err()).contains("\tat io.prodi.run.");
    assertThat(CliRun.prodi("run-layer", "raw", "-c", valid).err()).doesNotContain("\tat ");
  }

  @Test
  void noCommandPrintsUsageAndExits2() {
    CliRun run = CliRun.prodi();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("run-layer", "run-pipeline", "validate", "plan");
  }
}
