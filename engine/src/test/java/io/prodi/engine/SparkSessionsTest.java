package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.LayerConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What a layer's session starts with, for its config: the tests' shared session has every extension on, so this is
 * where a config that uses Iceberg without getting Iceberg's SQL extensions (or Delta's) would be seen.
 */
class SparkSessionsTest extends EngineConfigs {
  private static final Predicate<String> BOTH_ON_CLASS_PATH = c -> true;
  private static final Predicate<String> DELTA_ONLY = SparkSessions.DELTA_EXTENSION::equals;
  private static final String CATALOGS = "catalogs:\n  lake: {type: hadoop, warehouse: wh}\n";

  private LayerConfig parquet() {
    return load(config("plain.yml", "silver", "    - {path: out/a}\n", ""));
  }

  private LayerConfig icebergSink() {
    return load(config("sink.yml", "gold", "    {type: table, format: iceberg, table: lake.db.people}\n", CATALOGS));
  }

  private LayerConfig icebergSource() {
    return load(folder.write("source.yml", "layer: gold\n" + CATALOGS
        + "io:\n  source: {type: table, name: people, format: iceberg, table: lake.db.people}\n"
        + "  sink: {path: out/b}\n"));
  }

  private static Set<String> extensions(Map<String, String> settings) {
    return Set.of(settings.getOrDefault("spark.sql.extensions", "").split(","));
  }

  @Test
  void icebergsExtensionsComeWithAConfigThatReadsOrWritesAnIcebergTable() {
    assertThat(extensions(SparkSessions.settings(List.of(icebergSink()), Map.of(), BOTH_ON_CLASS_PATH)))
        .containsExactlyInAnyOrder(SparkSessions.DELTA_EXTENSION, SparkSessions.ICEBERG_EXTENSION);
    assertThat(extensions(SparkSessions.settings(List.of(icebergSource()), Map.of(), BOTH_ON_CLASS_PATH)))
        .contains(SparkSessions.ICEBERG_EXTENSION);
    assertThat(extensions(SparkSessions.settings(List.of(parquet(), icebergSink()), Map.of(), BOTH_ON_CLASS_PATH)))
        .as("a pipeline: any step's tables count").contains(SparkSessions.ICEBERG_EXTENSION);
  }

  @Test
  void aConfigWithoutIcebergTablesGetsOnlyDeltas() {
    Map<String, String> settings = SparkSessions.settings(List.of(parquet()), Map.of(), BOTH_ON_CLASS_PATH);
    assertThat(extensions(settings)).containsExactly(SparkSessions.DELTA_EXTENSION);
    assertThat(settings).containsEntry("spark.sql.catalog.spark_catalog", SparkSessions.DELTA_CATALOG)
        .containsEntry("spark.scheduler.mode", "FAIR").doesNotContainKey("spark.sql.sources.partitionOverwriteMode");
  }

  @Test
  void withoutIcebergsRuntimeNoIcebergExtensionAndSubmittedOnesAreKeptAfterProdis() {
    Map<String, String> settings = SparkSessions.settings(List.of(icebergSink()),
        Map.of("spark.sql.extensions", "com.example.Mine", "spark.scheduler.mode", "FIFO"), DELTA_ONLY);
    assertThat(settings.get("spark.sql.extensions")).isEqualTo(SparkSessions.DELTA_EXTENSION + ",com.example.Mine");
    assertThat(settings).doesNotContainKey("spark.scheduler.mode");
    assertThat(SparkSessions.settings(List.of(), Map.of(), c -> false)).as("prodi show PATH without Delta").isEmpty();
  }
}
