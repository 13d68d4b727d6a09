package io.prodi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.load.ConfigLoader;
import io.prodi.env.RunEnvironment;
import io.prodi.sink.BigQuerySinkSpec;
import io.prodi.source.BigQuerySourceSpec;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.TestConfigFiles;
import io.prodi.yaml.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BigQuery sources and sinks as configs describe them: what binds, and every mistake with its YAML path. */
class BigQueryConfigTest {
  @TempDir
  Path tmp;

  private LayerConfig load(String io) {
    String file = new ConfigFolder(tmp).write("cfg.yml", "layer: gold\nio:\n" + io);
    return new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(), tmp.toString())
        .loadLayer(file, Optional.empty()).config();
  }

  private List<String> problems(String io) {
    try {
      load(io);
      return List.of();
    } catch (ConfigException e) {
      return e.problems().stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.toList());
    }
  }

  @Test
  void aSinkBindsItsKeys() {
    LayerConfig config = load("  source: {path: in}\n  sink: {type: bigquery, table: my-project.sales.daily, "
        + "mode: overwrite, partition_field: day, cluster_by: [account, region], "
        + "temporary_gcs_bucket: staging-bucket}\n");
    BigQuerySinkSpec sink = (BigQuerySinkSpec) config.sinks().get(0);
    assertThat(sink.table().project()).contains("my-project");
    assertThat(sink.table().dataset()).isEqualTo("sales");
    assertThat(sink.table().table()).isEqualTo("daily");
    assertThat(sink.writeMethod().id()).isEqualTo("indirect");
    assertThat(load("  source: {path: in}\n  sink: {type: bigquery, table: sales.daily}\n").sinks().get(0).mode().id())
        .as("a gold layer's default").isEqualTo("append");
    assertThat(sink.overwritesPartitions()).isTrue();
    assertThat(sink.columnsNamed()).containsExactly("day", "account", "region");
    assertThat(sink.location(Map.of(), "/base")).isEqualTo("bigquery my-project.sales.daily");
    assertThat(sink.platformDataSource()).contains("bigquery");
  }

  @Test
  void aSourceReadsATableWithAFilterOrAQuery() {
    LayerConfig config = load("  source:\n    - {type: bigquery, name: a, table: sales.orders, filter: \"day > '2024-01-01'\"}\n"
        + "    - {type: bigquery, name: b, query: 'SELECT 1 AS x'}\n  sink: {path: out}\n");
    BigQuerySourceSpec table = (BigQuerySourceSpec) config.sources().get(0);
    assertThat(table.table().orElseThrow().project()).as("the job's own project").isEmpty();
    assertThat(table.filter()).contains("day > '2024-01-01'");
    assertThat(table.location(Map.of(), "/base")).isEqualTo("bigquery sales.orders");
    BigQuerySourceSpec query = (BigQuerySourceSpec) config.sources().get(1);
    assertThat(query.query()).contains("SELECT 1 AS x");
    assertThat(query.location(Map.of(), "/base")).isEqualTo("bigquery query");
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "sales.", ".orders", "My_Project.sales.orders", "p.sales.orders",
      "my-project.sales-eu.orders", "a.b.c.d", "my-project.sales.ord/ers"})
  void aMalformedTableNameIsAnErrorAtItsPath(String name) {
    assertThat(problems("  source: {path: in}\n  sink: {type: bigquery, table: '" + name + "'}\n")).containsExactly(
        "io.sink.table: Cannot use BigQuery table name: expected project.dataset.table or dataset.table, with a "
            + "valid project id, a dataset of letters, digits and underscores, and a table name (" + name + ")");
  }

  @Test
  void everySinkMistakeIsReportedAtOnce() {
    assertThat(problems("  source: {path: in}\n  sink:\n"
        + "    - {type: bigquery, table: sales.a, write_method: streaming}\n"
        + "    - {type: bigquery, table: sales.b, write_method: direct, temporary_gcs_bucket: staging}\n"
        + "    - {type: bigquery, table: sales.c, temporary_gcs_bucket: 'gs://staging/tmp'}\n"
        + "    - {type: bigquery, table: sales.d, mode: merge}\n"
        + "    - {type: bigquery, partition_field: day, partition_feild: x}\n")).containsExactly(
        "io.sink[0].write_method: Cannot use write method 'streaming': unknown write method (valid: direct, indirect)",
        "io.sink[1].temporary_gcs_bucket: Cannot use temporary_gcs_bucket with write_method direct: only the indirect "
            + "method stages files in Cloud Storage (staging)",
        "io.sink[2].temporary_gcs_bucket: Cannot use temporary_gcs_bucket: expected a bucket name, without gs:// or a "
            + "path (gs://staging/tmp)",
        "io.sink[3].mode: Cannot use write mode 'merge': unknown write mode (valid: append, overwrite)",
        "io.sink[4].partition_feild: Cannot use key 'partition_feild' in a bigquery sink: unknown key, did you mean 'partition_field'? "
            + "(valid keys: cluster_by, kind, mode, name, options, partition_field, table, temporary_gcs_bucket, type, "
            + "write_method)",
        "io.sink[4].table: Cannot read table: the BigQuery table is required (missing)");
  }

  @Test
  void everySourceMistakeIsReportedAtOnce() {
    assertThat(problems("  source:\n"
        + "    - {type: bigquery, name: a, table: sales.a, query: 'SELECT 1'}\n"
        + "    - {type: bigquery, name: b}\n"
        + "    - {type: bigquery, name: c, query: 'SELECT 1', filter: 'x > 1'}\n"
        + "  sink: {path: out}\n")).containsExactly(
        "io.source[0]: Cannot read a bigquery source: give exactly one of table and query (both)",
        "io.source[1]: Cannot read a bigquery source: give exactly one of table and query (neither)",
        "io.source[2].filter: Cannot use filter with query: put the condition in the query's WHERE clause (x > 1)");
  }

  private List<String> warnings(String io) {
    String file = new ConfigFolder(tmp).write("cfg.yml", "layer: gold\nio:\n" + io);
    return new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(), tmp.toString())
        .loadLayer(file, Optional.empty()).problems().stream().map(p -> p.path() + ": " + p.message())
        .collect(Collectors.toList());
  }

  @Test
  void anIncrementalLayerAppendingToBigQueryIsWarnedThatARerunAppendsAgain() {
    String source = "  source: {path: in, format: delta, incremental: {watermark: {field: day}}}\n";
    assertThat(warnings(source + "  sink: {type: bigquery, table: sales.daily, mode: append}\n")).containsExactly(
        "io.sink: Cannot append to a bigquery sink exactly once: a rerun after a crash between this write and the "
            + "watermark commit appends the rows again; overwrite by partition or merge into a table instead "
            + "(bigquery sales.daily)");
    assertThat(warnings(source + "  sink: {type: bigquery, table: sales.daily, mode: overwrite, partition_field: day}\n"))
        .isEmpty();
    assertThat(warnings("  source: {path: in}\n  sink: {type: bigquery, table: sales.daily, mode: append}\n"))
        .as("not incremental: every run appends what it reads, on purpose").isEmpty();
    assertThat(warnings(source + "  sink: {format: delta, path: out, mode: append}\n")).isEmpty();
  }
}
