package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.state.StateStore;
import io.prodi.testing.CliRun;
import io.prodi.testing.SharedSpark;
import java.nio.file.Files;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Incremental files sources and the state store in real runs. */
class IncrementalRunTest extends EngineTestBase {
  private String incremental(String sinks) {
    return folder.write("inc.yml", "layer: bronze\nstate: {uri: state}\n"
        + "io:\n  source: {name: people, format: csv, path: in, options: {header: 'true'}, schema: " + PEOPLE_SCHEMA
        + ", incremental: {watermark: {field: updated}}}\n  sink:\n" + sinks);
  }

  private StateStore store() {
    return new StateStore(at("state"), new Configuration());
  }

  @Test
  void aSecondRunReadsOnlyRowsAfterTheWatermark() {
    String cfg = incremental("    - {path: out/inc, mode: append}\n");
    JsonNode first = succeed(cfg).summary();
    assertThat(first.get("sources").get(0).get("rows").asLong()).isEqualTo(5);
    assertThat(first.get("watermarks").get(0).get("before").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(first.get("watermarks").get(0).get("after").asText()).isEqualTo("2024-01-05");
    assertThat(store().read("inc::bronze::people").orElseThrow().value()).isEqualTo("2024-01-05");
    folder.write("in/more.csv", "id,name,country,amount,updated\n7,Old,CO,1.0,2024-01-02\n8,New,MX,2.0,2024-01-06\n");
    JsonNode second = succeed(cfg).summary();
    assertThat(second.get("sources").get(0).get("rows").asLong()).isEqualTo(1);
    assertThat(second.get("watermarks").get(0).get("after").asText()).isEqualTo("2024-01-06");
    assertThat(read("parquet", "out/inc").count()).isEqualTo(6);
    JsonNode third = succeed(cfg).summary();
    assertThat(third.get("sources").get(0).get("rows").asLong()).isZero();
    assertThat(third.get("watermarks").get(0).get("after").asText()).isEqualTo("2024-01-06");
  }

  @Test
  void aFailedSinkLeavesTheWatermarkAndTheRerunPicksTheRowsUp() throws Exception {
    folder.write("out/blocked/x.txt", "x");
    String cfg = incremental("    - {path: out/first, mode: append}\n    - {path: out/blocked, mode: error}\n");
    CliRun failed = run(cfg);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(store().read("inc::bronze::people")).isEmpty();
    Files.delete(tmp.resolve("out/blocked/x.txt"));
    Files.delete(tmp.resolve("out/blocked"));
    JsonNode rerun = succeed(cfg).summary();
    assertThat(rerun.get("sources").get(0).get("rows").asLong()).isEqualTo(5);
    assertThat(store().read("inc::bronze::people").orElseThrow().value()).isEqualTo("2024-01-05");
  }

  @Test
  void aDryRunAndARunWhoseLeaseIsTakenChangeNothing() {
    String cfg = incremental("    - {path: out/inc}\n");
    CliRun dry = SharedSpark.prodi(Map.of("PRODI_FORCE_DRY_RUN", "1"), "run-layer", "-c", cfg, "--base-dir", tmp.toString());
    assertThat(dry.exitCode()).isZero();
    assertThat(tmp.resolve("state")).doesNotExist();
    store().lease("inc::bronze::people", "someone-else");
    CliRun blocked = run(cfg);
    assertThat(blocked.exitCode()).isEqualTo(1);
    assertThat(blocked.errors()).singleElement().asString().startsWith(
        "prodi: error: Cannot run with state id inc::bronze::people: another run holds its lease ({\"run_id\":\"someone-else\"");
    assertThat(tmp.resolve("out/inc")).doesNotExist();
    store().release("inc::bronze::people");
    succeed(cfg);
    assertThat(tmp.resolve("state/inc~3A~3Abronze~3A~3Apeople/lease.json")).doesNotExist();
  }

  @Test
  void stateShowSetResetAndUnlock() {
    String cfg = incremental("    - {path: out/inc}\n");
    String base = "--base-dir=" + tmp;
    CliRun set = SharedSpark.prodi("state", "set", "--state-id", "inc::bronze::people", "--value", "2024-01-03", "-c", cfg, base);
    assertThat(set.exitCode()).as(set.toString()).isZero();
    assertThat(SharedSpark.prodi("state", "show", "--state-id", "inc::bronze::people", "-c", cfg, base).out())
        .contains("\"value\":\"2024-01-03\"", "\"run_id\":\"manual\"");
    assertThat(succeed(cfg).summary().get("sources").get(0).get("rows").asLong()).isEqualTo(2);
    CliRun dryReset = SharedSpark.prodi(Map.of("PRODI_FORCE_DRY_RUN", "true"), "state", "reset", "--state-id",
        "inc::bronze::people", "-c", cfg, base);
    assertThat(dryReset.out()).contains("dry run: would reset inc::bronze::people");
    assertThat(store().read("inc::bronze::people")).isPresent();
    assertThat(SharedSpark.prodi("state", "reset", "--state-id", "inc::bronze::people", "-c", cfg, base).exitCode()).isZero();
    assertThat(store().read("inc::bronze::people")).isEmpty();
    store().lease("inc::bronze::people", "dead-run");
    assertThat(SharedSpark.prodi("state", "unlock", "--state-id", "inc::bronze::people", "-c", cfg, base).out())
        .contains("unlocked inc::bronze::people");
    store().lease("inc::bronze::people", "next-run");
  }

  /**
   * docs/state.md: a reset writes a new generation, so the next run's Delta append (its txnVersion is
   * the generation it commits) is a new write, not skipped as one an earlier attempt committed.
   */
  @Test
  void afterAResetTheDeltaAppendOfTheNextRunIsWrittenNotSkipped() {
    String cfg = incremental("    - {path: out/delta, format: delta, mode: append}\n");
    String base = "--base-dir=" + tmp;
    assertThat(succeed(cfg).summary().get("sinks").get(0).get("rows").asLong()).isEqualTo(5);
    assertThat(store().generation("inc::bronze::people")).isEqualTo(1);
    assertThat(SharedSpark.prodi("state", "reset", "--state-id", "inc::bronze::people", "-c", cfg, base).exitCode()).isZero();
    assertThat(store().generation("inc::bronze::people")).isEqualTo(2);
    CliRun again = succeed(cfg);
    assertThat(again.out() + again.err()).doesNotContain("not appended again");
    assertThat(again.summary().get("sinks").get(0).get("rows").asLong()).isEqualTo(5);
    assertThat(read("delta", "out/delta").count()).as("every row read again after the reset, appended again").isEqualTo(10);
    assertThat(store().generation("inc::bronze::people")).isEqualTo(3);
  }

  @Test
  void stateCommandsReachTheStoreWithTheEnvironmentConfigsKeysAsARunDoes() {
    System.setProperty(io.prodi.testing.FolderFileSystem.ROOT_PROPERTY, tmp.toString());
    folder.write("env.yml", "name: store\nstorage:\n  file:\n    hadoop:\n      fs.storefs.impl: "
        + io.prodi.testing.FolderFileSystem.ConfiguredOnly.class.getName() + "\n"
        + "      fs.storefs.impl.disable.cache: 'true'\n");
    String cfg = folder.write("store.yml", "layer: raw\nenvironment_config: env.yml\nstate: {uri: 'storefs://b/_state/'}\n"
        + "io:\n  source: {name: people, format: csv, path: in/people.csv, options: {header: 'true'}, schema: "
        + PEOPLE_SCHEMA + ", incremental: {watermark: {field: updated}}}\n  sink: {path: out/store}\n");
    succeed(cfg);
    assertThat(tmp.resolve("b/_state/store~3A~3Araw~3A~3Apeople")).isDirectory();
    CliRun show = SharedSpark.prodi("state", "show", "--state-id", "store::raw::people", "-c", cfg, "--base-dir=" + tmp);
    assertThat(show.exitCode()).as(show.toString()).isZero();
    assertThat(show.out()).contains("\"value\":\"2024-01-05\"");
  }

  @Test
  void twoLayersOfOneDatasetKeepTheirOwnWatermarks() {
    // two unnamed sources of one dataset (files ds.raw.yml and ds.bronze.yml: the stem "ds" is the owner)
    String rawCfg = folder.write("ds/ds.raw.yml", "layer: raw\nstate: {uri: state}\n"
        + "io:\n  source: {format: csv, path: in, options: {header: 'true'}, schema: " + PEOPLE_SCHEMA
        + ", incremental: {watermark: {field: updated}}}\n  sink: {path: out/raw, mode: append}\n");
    String bronzeCfg = folder.write("ds/ds.bronze.yml", "layer: bronze\nstate: {uri: state}\n"
        + "io:\n  source: {format: parquet, path: out/raw, incremental: {watermark: {field: updated}}}\n"
        + "  sink: {path: out/bronze, mode: append}\n");
    succeed(rawCfg);
    JsonNode second = succeed(bronzeCfg).summary();
    assertThat(second.get("watermarks").get(0).get("state_id").asText()).isEqualTo("ds::bronze::files");
    assertThat(second.get("sources").get(0).get("rows").asLong()).isEqualTo(5);
    assertThat(store().read("ds::raw::files").orElseThrow().value()).isEqualTo("2024-01-05");
    assertThat(store().read("ds::bronze::files").orElseThrow().value()).isEqualTo("2024-01-05");
  }

  @Test
  void aWatermarkStoredUnderTheOlderIdIsCopiedOnFirstUseAndListedWithTheNewOne() {
    String cfg = incremental("    - {path: out/inc, mode: append}\n");
    store().commit("inc::people", "2024-01-03", "updated", "before-the-upgrade", 0L);
    CliRun run = succeed(cfg);
    assertThat(run.summary().get("sources").get(0).get("rows").asLong()).isEqualTo(2);
    assertThat(run.summary().get("watermarks").get(0).get("before").asText()).isEqualTo("2024-01-03");
    assertThat(run.toString()).contains("watermark inc::people (the id before it named the layer) copied to "
        + "inc::bronze::people: 2024-01-03");
    assertThat(store().read("inc::bronze::people").orElseThrow().value()).isEqualTo("2024-01-05");
    CliRun list = SharedSpark.prodi("state", "list", "-c", cfg, "--base-dir=" + tmp);
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).contains("\"state_id\":\"inc::bronze::people\"", "\"value\":\"2024-01-05\"",
        "\"state_id\":\"inc::people\"", "\"value\":\"2024-01-03\"", "the id before it named the layer");
    assertThat(succeed(cfg).summary().get("sources").get(0).get("rows").asLong()).isZero();
  }
}
