package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.LayerConfig;
import io.prodi.testing.TestSession;
import org.junit.jupiter.api.Test;

class DeltaSnapshotPartitionsTest extends EngineConfigs {
  @Test
  void onePartitionPerCoreAtLeastOneAtMostDeltasDefault() {
    assertThat(DeltaSnapshotPartitions.partitions(2)).isEqualTo(2);
    assertThat(DeltaSnapshotPartitions.partitions(0)).isEqualTo(1);
    assertThat(DeltaSnapshotPartitions.partitions(64)).isEqualTo(50);
  }

  @Test
  void onlyStepsWithDeltaGetTheDefaultAndAUsersChoiceWins() {
    LayerConfig delta = load(config("delta.yml", "silver", "    - {path: out/a, format: delta}\n", ""));
    assertThat(DeltaSnapshotPartitions.forStep(delta, false, 8)).hasValue(8);
    assertThat(DeltaSnapshotPartitions.forStep(delta, true, 8)).as("set by spark-submit or the cluster").isEmpty();
    LayerConfig parquet = load(config("parquet.yml", "silver", "    - {path: out/b}\n", ""));
    assertThat(DeltaSnapshotPartitions.forStep(parquet, false, 8)).isEmpty();
    LayerConfig chosen = load(config("chosen.yml", "silver", "    - {path: out/c, format: delta}\n",
        "compute: {options: {spark.databricks.delta.snapshotPartitions: '7'}}\n"));
    assertThat(DeltaSnapshotPartitions.forStep(chosen, false, 8)).isEmpty();
    // the test session sets the key itself, as spark-submit --conf would
    assertThat(DeltaSnapshotPartitions.forStep(TestSession.get(), delta)).isEmpty();
  }
}
