package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.LayerConfig;
import io.prodi.config.load.ConfigLoader;
import io.prodi.env.RunEnvironment;
import io.prodi.testing.CliRun;
import io.prodi.testing.SharedSpark;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShufflePartitionsTest extends EngineTestBase {
  private static final long MIB = 1024 * 1024;

  @Test
  void onePartitionPer128MibAtLeastOnePerCoreAtMostSparksDefault() {
    assertThat(ShufflePartitions.partitions(5 * MIB, 2)).isEqualTo(2);
    assertThat(ShufflePartitions.partitions(0, 8)).isEqualTo(8);
    assertThat(ShufflePartitions.partitions(1000 * MIB, 2)).isEqualTo(8);
    assertThat(ShufflePartitions.partitions(1000L * 1000 * MIB, 2)).isEqualTo(200);
  }

  @Test
  void aUsersChoiceWins() {
    LayerConfig chosen = load(config("chosen.yml", "silver", "    - {path: out/a}\n",
        "compute: {options: {spark.sql.shuffle.partitions: '7'}}\n"));
    assertThat(ShufflePartitions.forStep(SharedSpark.session(), chosen)).isEmpty();
    // the test session itself sets the key, as spark-submit --conf would: no default either
    LayerConfig unset = load(config("unset.yml", "silver", "    - {path: out/b}\n", ""));
    assertThat(ShufflePartitions.forStep(SharedSpark.session(), unset)).isEmpty();
  }

  private LayerConfig load(String file) {
    return new ConfigLoader(CliRun.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(), tmp.toString())
        .loadLayer(file, java.util.Optional.empty()).config();
  }
}
