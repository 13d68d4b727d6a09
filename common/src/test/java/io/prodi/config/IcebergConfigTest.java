package io.prodi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.load.ConfigLoader;
import io.prodi.env.RunEnvironment;
import io.prodi.sink.TableSinkSpec;
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

/** Iceberg catalogs and tables as configs describe them: what binds, the Spark properties, every mistake at its path. */
class IcebergConfigTest {
  @TempDir
  Path tmp;

  private LayerConfig load(String yaml) {
    ConfigFolder folder = new ConfigFolder(tmp);
    folder.write("env.yml", "name: lakehouse\ncatalogs:\n  lake: {type: hadoop, warehouse: /env/warehouse}\n"
        + "  shared: {type: rest, uri: 'http://127.0.0.1:8181', options: {prefix: analytics}}\n");
    String file = folder.write("cfg.yml", "layer: gold\nenvironment_config: env.yml\n" + yaml);
    return new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(), tmp.toString())
        .loadLayer(file, Optional.empty()).config();
  }

  private List<String> problems(String yaml) {
    try {
      load(yaml);
      return List.of();
    } catch (ConfigException e) {
      return e.problems().stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.toList());
    }
  }

  @Test
  void catalogsComeFromTheEnvironmentAndTheLayerWhichWinsByName() {
    LayerConfig config = load("catalogs:\n  lake: {type: hadoop, warehouse: 'gs://lake/warehouse'}\n"
        + "  google: {type: biglake, project: my-project, warehouse: 'gs://lake-bq'}\n"
        + "  local: {type: hadoop, warehouse: data/warehouse}\n"
        + "io:\n  source: {type: table, format: iceberg, table: shared.sales.orders}\n"
        + "  sink: {type: table, format: iceberg, table: lake.sales.daily, mode: overwrite, "
        + "partition_by: ['days(order_ts)', 'bucket(16, customer_id)', country, 'truncate(4, name)']}\n");
    assertThat(config.catalogs().keySet()).containsExactly("google", "lake", "local", "shared");
    assertThat(config.catalogs().get("local").sparkProperties("/base")).as("a relative warehouse is under --base-dir")
        .containsEntry("spark.sql.catalog.local.warehouse", "/base/data/warehouse");
    assertThat(config.catalogs().get("lake").sparkProperties("/base")).containsExactly(
        Map.entry("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog"),
        Map.entry("spark.sql.catalog.lake.type", "hadoop"),
        Map.entry("spark.sql.catalog.lake.warehouse", "gs://lake/warehouse"));
    assertThat(config.catalogs().get("shared").sparkProperties("/base")).containsExactly(
        Map.entry("spark.sql.catalog.shared", "org.apache.iceberg.spark.SparkCatalog"),
        Map.entry("spark.sql.catalog.shared.type", "rest"),
        Map.entry("spark.sql.catalog.shared.uri", "http://127.0.0.1:8181"),
        Map.entry("spark.sql.catalog.shared.io-impl", "org.apache.iceberg.hadoop.HadoopFileIO"),
        Map.entry("spark.sql.catalog.shared.prefix", "analytics"));
    assertThat(config.catalogs().get("google").sparkProperties("/base")).containsExactly(
        Map.entry("spark.sql.catalog.google", "org.apache.iceberg.spark.SparkCatalog"),
        Map.entry("spark.sql.catalog.google.type", "rest"),
        Map.entry("spark.sql.catalog.google.uri", "https://biglake.googleapis.com/iceberg/v1/restcatalog"),
        Map.entry("spark.sql.catalog.google.warehouse", "gs://lake-bq"),
        Map.entry("spark.sql.catalog.google.header.x-goog-user-project", "my-project"),
        Map.entry("spark.sql.catalog.google.rest.auth.type", "org.apache.iceberg.gcp.auth.GoogleAuthManager"),
        Map.entry("spark.sql.catalog.google.io-impl", "org.apache.iceberg.gcp.gcs.GCSFileIO"),
        Map.entry("spark.sql.catalog.google.rest-metrics-reporting-enabled", "false"));
    TableSinkSpec sink = (TableSinkSpec) config.sinks().get(0);
    assertThat(sink.partitionTransforms()).extracting(t -> t.sql()).containsExactly("days(`order_ts`)",
        "bucket(16, `customer_id`)", "`country`", "truncate(4, `name`)");
    assertThat(sink.columnsNamed()).containsExactly("order_ts", "customer_id", "country", "name");
    assertThat(sink.platformDataSource()).contains("iceberg");
    assertThat(config.sources().get(0).catalogTable()).contains("shared.sales.orders");
    assertThat(config.sources().get(0).tableFormat()).contains(io.prodi.storage.TableFormat.ICEBERG);
  }

  @Test
  void everyMistakeIsReportedAtOnceWithItsPath() {
    assertThat(problems("catalogs:\n"
        + "  a: {type: nessie}\n"
        + "  b: {type: hadoop}\n"
        + "  c: {type: rest, uri: 'https://x', project: p}\n"
        + "  d: {type: biglake, warehouse: 'gs://w'}\n"
        + "io:\n  source: {type: table, format: iceberg, table: sales.orders}\n"
        + "  sink:\n"
        + "    - {type: table, format: iceberg, table: other.sales.daily}\n"
        + "    - {type: table, format: iceberg, table: lake.sales.d, partition_by: ['day(ts)', 'bucket(id)', "
        + "'bucket(0, id)', 'days(a, b)']}\n"
        + "    - {type: table, format: iceberg, table: lake.sales.m, mode: scd2, merge: {keys: [id], sequence_by: v}}\n"
        + "    - {type: table, format: parquet, table: lake.sales.p, mode: merge, merge: {keys: [id]}}\n"))
        .containsExactlyInAnyOrder(
            "catalogs.a.type: Cannot use catalog type 'nessie': unknown catalog type (valid: hadoop, rest, biglake)",
            "catalogs.b.warehouse: Cannot read warehouse: the warehouse location of a hadoop catalog is required "
                + "(missing)",
            "catalogs.c.project: Cannot use project in a rest catalog: only a biglake catalog bills a project (p)",
            "catalogs.d.project: Cannot read project: the Google Cloud project of a biglake catalog is required (missing)",
            "io.sink[1].partition_by[0]: Cannot use partition transform 'day': unknown partition transform, did you "
                + "mean 'days'? (valid: bucket, days, hours, identity, months, truncate, years)",
            "io.sink[1].partition_by[1]: Cannot use partition transform bucket: expected bucket(N, column) with N a "
                + "whole number above 0 (bucket(id))",
            "io.sink[1].partition_by[2]: Cannot use partition transform bucket: expected bucket(N, column) with N a "
                + "whole number above 0 (bucket(0, id))",
            "io.sink[1].partition_by[3]: Cannot use partition transform days: expected days(column) (days(a, b))",
            "io.sink[3].mode: Cannot merge into a parquet table: mode merge needs format delta or iceberg (parquet)",
            "io.source.table: Cannot use Iceberg table sales.orders: name it catalog.namespace.table, with a catalog "
                + "declared under catalogs (sales.orders)",
            "io.sink[0].table: Cannot use Iceberg table other.sales.daily: catalog 'other' is not declared under "
                + "catalogs (declared: b, c, d, lake, shared) (other.sales.daily)");
  }

  @Test
  void aCatalogHoldsNoLiteralSecretAndKeepsTlsOffTheLoopback() {
    assertThat(problems("catalogs:\n"
        + "  a: {type: rest, uri: 'http://catalog.example.com/api', options: {credential: 'client:s3cr3t', "
        + "s3.secret-access-key: abc, header.X-Iceberg-Access-Delegation: vended-credentials}}\n"
        + "  b: {type: rest, uri: 'http://localhost:8181'}\n"
        + "io:\n  source: {path: in}\n  sink: {path: out}\n")).containsExactlyInAnyOrder(
            "catalogs.a.options.credential: Cannot use a literal credential in catalog option credential: give it to "
                + "spark-submit as spark.sql.catalog.a.credential from a secret store (value hidden)",
            "catalogs.a.options.s3.secret-access-key: Cannot use a literal credential in catalog option "
                + "s3.secret-access-key: give it to spark-submit as spark.sql.catalog.a.s3.secret-access-key from a "
                + "secret store (value hidden)",
            "catalogs.a.uri: Cannot turn TLS off for catalog a: plain http is allowed only for a catalog on a loopback "
                + "address (http://catalog.example.com/api)");
  }
}
