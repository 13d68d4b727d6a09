package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.LayerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataprocLineageTest extends EngineConfigs {
  @Test
  void withThePlatformsLineageOnTheJobIsNamedAndTaggedAfterTheLayer() {
    LayerConfig silver = load(config("orders.yml", "silver", "    - {path: out/a}\n", ""));
    assertThat(DataprocLineage.settings(Map.of("spark.dataproc.lineage.enabled", "true"), List.of(silver)))
        .containsExactly(Map.entry(DataprocLineage.APP_NAME, "orders.silver"),
            Map.entry(DataprocLineage.JOB_TAGS, "prodi_layer:silver;prodi_dataset:orders"));
    assertThat(DataprocLineage.settings(Map.of("spark.extraListeners",
        "io.openlineage.spark.agent.OpenLineageSparkListener"), List.of(silver))).hasSize(2);
    assertThat(DataprocLineage.settings(Map.of("spark.dataproc.lineage.enabled", "true",
        DataprocLineage.APP_NAME, "mine"), List.of(silver))).as("the user's name wins")
        .containsOnlyKeys(DataprocLineage.JOB_TAGS);
  }

  @Test
  void withoutItNothingIsSet() {
    LayerConfig silver = load(config("orders.yml", "silver", "    - {path: out/a}\n", ""));
    assertThat(DataprocLineage.settings(Map.of(), List.of(silver))).isEmpty();
    assertThat(DataprocLineage.settings(Map.of("spark.dataproc.lineage.enabled", "false"), List.of(silver))).isEmpty();
  }
}
