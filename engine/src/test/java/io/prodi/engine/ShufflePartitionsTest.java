package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.LayerConfig;
import io.prodi.testing.TestSession;
import org.junit.jupiter.api.Test;

class ShufflePartitionsTest extends EngineConfigs {
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
    assertThat(ShufflePartitions.forStep(TestSession.get(), chosen)).isEmpty();
    // the test session itself sets the key, as spark-submit --conf would: no default either
    LayerConfig unset = load(config("unset.yml", "silver", "    - {path: out/b}\n", ""));
    assertThat(ShufflePartitions.forStep(TestSession.get(), unset)).isEmpty();
  }

  @Test
  void theDefaultFollowsTheSizeOfTheFilesTheSourcesRead() throws Exception {
    LayerConfig small = load(config("small.yml", "silver", "    - {path: out/c}\n", ""));
    assertThat(ShufflePartitions.fromInput(TestSession.get(), small))
        .as("a few bytes: one partition per core").hasValue(TestSession.get().sparkContext().defaultParallelism());
    byte[] block = new byte[1024 * 1024];
    java.nio.file.Path big = tmp.resolve("in/big");
    java.nio.file.Files.createDirectories(big);
    try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(big.resolve("part-0.csv"))) {
      for (int i = 0; i < 300; i++) {
        out.write(block);
      }
    }
    LayerConfig large = load(folder.write("large.yml", "layer: silver\nio:\n  source: {format: csv, path: in/big}\n"
        + "  sink: {path: out/d}\n"));
    assertThat(ShufflePartitions.fromInput(TestSession.get(), large)).as("300 MiB: 3 partitions of 128 MiB")
        .hasValue(Math.max(3, TestSession.get().sparkContext().defaultParallelism()));
  }

  @Test
  void sourcesOfUnknownSizeOrMissingPathsKeepSparksDefault() {
    LayerConfig table = load(folder.write("table.yml", "layer: silver\nio:\n  source: {type: table, table: db.t}\n"
        + "  sink: {path: out/e}\n"));
    assertThat(ShufflePartitions.fromInput(TestSession.get(), table)).isEmpty();
    LayerConfig missing = load(folder.write("missing.yml", "layer: silver\nio:\n  source: {path: in/none}\n"
        + "  sink: {path: out/f}\n"));
    assertThat(ShufflePartitions.fromInput(TestSession.get(), missing)).isEmpty();
  }
}
