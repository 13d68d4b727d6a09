package io.prodi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.load.LoadedLayer;
import io.prodi.sink.WriteMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code refresh} and {@code table_properties}: each mistake caught by validate at its YAML path, no Spark. */
class RefreshValidationTest {
  private static final String SOURCE = "  source: {name: tx, format: delta, path: silver, incremental: {by: version}}\n";
  private static final String SQL = "transform:\n  sql: SELECT account, sum(amount) AS total FROM tx GROUP BY account\n";

  @TempDir
  Path tmp;

  private LoadedLayer load(String yaml) {
    return new LayerLoads(tmp, "gold.yml").load(yaml);
  }

  private List<String> problems(String yaml) {
    return new LayerLoads(tmp, "gold.yml").problems(yaml);
  }


  private static String gold(String refresh, String source, String sink) {
    return "layer: gold\nrefresh: " + refresh + "\nio:\n" + source + "  sink: " + sink + "\n" + SQL;
  }

  @Test
  void aRefreshingGoldIsValidAndItsSinkReplacesWhatTheSqlGives() {
    LoadedLayer loaded = load(gold("auto", SOURCE, "{path: gold, format: delta}"));
    assertThat(loaded.problems()).isEmpty();
    RefreshSpec refresh = loaded.config().refresh().orElseThrow();
    assertThat(refresh.policy()).isEqualTo(RefreshSpec.Policy.AUTO);
    assertThat(refresh.keys()).isEmpty();
    assertThat(loaded.config().sinks().get(0).mode()).as("a gold appends unless it refreshes")
        .isEqualTo(WriteMode.OVERWRITE);
    assertThat(RefreshRules.whyNotIncremental(loaded.config())).isEmpty();
    assertThat(load(gold("{policy: incremental, keys: [account]}", SOURCE, "{path: gold, format: delta}")).config()
        .refresh().orElseThrow().keys()).containsExactly("account");
  }

  @Test
  void theFingerprintChangesWithTheSqlAndNotWithThePolicy() {
    String auto = load(gold("auto", SOURCE, "{path: gold, format: delta}")).config().refresh().orElseThrow()
        .fingerprint();
    assertThat(load(gold("incremental", SOURCE, "{path: gold, format: delta}")).config().refresh().orElseThrow()
        .fingerprint()).isEqualTo(auto);
    assertThat(load(gold("auto", SOURCE, "{path: gold, format: delta}").replace("sum(amount)", "max(amount)"))
        .config().refresh().orElseThrow().fingerprint()).isNotEqualTo(auto);
  }

  @Test
  void anUnknownPolicyListsTheValidOnes() {
    assertThat(problems(gold("sometimes", SOURCE, "{path: gold, format: delta}"))).containsExactly(
        "ERROR refresh: Cannot use refresh policy 'sometimes': unknown refresh policy (valid: auto, incremental, "
            + "full)");
  }

  @Test
  void aRefreshCannotAppendNorReadByColumn() {
    assertThat(problems(gold("full", "  source: {name: tx, format: parquet, path: s, incremental: {watermark: "
        + "{field: ts}}}\n", "{path: gold, format: parquet, mode: append}"))).containsExactly(
        "ERROR io.source.incremental: Cannot refresh with incremental by ts: a refresh reads each source's whole "
            + "current version, and only incremental: {by: version} marks the source whose changes drive it "
            + "(ts)",
        "ERROR io.sink.mode: Cannot refresh into a sink in mode append: a refresh replaces the sink's rows with what "
            + "the SQL gives; leave mode out or set overwrite (append)");
  }

  @Test
  void incrementalNamesEveryReasonAtItsPath() {
    assertThat(problems("layer: gold\nrefresh: incremental\nio:\n  source:\n    - {name: tx, format: delta, path: s}\n"
        + "    - {name: dim, format: csv, path: d}\n  sink: {path: gold, format: parquet}\n" + SQL)).containsExactly(
        "ERROR io.source: Cannot refresh incrementally: no source reads incremental: {by: version}, so no change "
            + "drives it (sources: tx, dim)",
        "ERROR io.source[1]: Cannot refresh incrementally: source dim keeps no versions, so a change to it cannot be "
            + "seen (csv)",
        "ERROR io.sink: Cannot refresh incrementally: sink files cannot replace rows by key; make the first sink a "
            + "delta or iceberg table, or use refresh: full (parquet)");
    LoadedLayer auto = load("layer: gold\nrefresh: auto\nio:\n" + SOURCE + "  sink: {path: gold, format: parquet}\n"
        + SQL);
    assertThat(auto.problems()).as("auto refreshes in full instead").isEmpty();
    assertThat(RefreshRules.oneLine(RefreshRules.whyNotIncremental(auto.config()))).isEqualTo("sink files cannot "
        + "replace rows by key; make the first sink a delta or iceberg table, or use refresh: full (parquet)");
    LoadedLayer extract = load("layer: gold\nrefresh: incremental\nio:\n" + SOURCE + "  sink:\n"
        + "    - {path: gold, format: delta}\n    - {path: gold_csv, format: csv}\n" + SQL);
    assertThat(extract.problems()).as("a CSV extract after a Delta table").isEmpty();
  }

  @Test
  void tablePropertiesAreForDeltaAndIcebergTables() {
    assertThat(problems("layer: silver\nio:\n  source: {format: delta, path: s}\n  sink: {path: out, format: "
        + "parquet, table_properties: {a: b}}\n")).containsExactly("ERROR io.sink.table_properties: Cannot set "
            + "table_properties on a parquet sink: only Delta and Iceberg tables keep properties (a)");
    LoadedLayer delta = load("layer: silver\nio:\n  source: {format: delta, path: s}\n  sink: {path: out, format: "
        + "delta, table_properties: {delta.enableChangeDataFeed: 'false'}}\n");
    assertThat(delta.problems()).isEmpty();
    assertThat(delta.config().sinks().get(0).tableProperties()).containsExactly(
        Map.entry("delta.enableChangeDataFeed", "false"));
  }
}
