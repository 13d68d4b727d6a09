package io.prodi.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.env.RunEnvironment;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.TestConfigFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A production config that writes to a local path is warned about, place by place; other configs are not. */
class LocalPathsInProductionTest {
  private static final String LOCAL = "layer: silver\ndry_run: false\nenvironment: production\nio:\n"
      + "  source: {path: 'gs://lake/bronze/x', format: parquet, incremental: {watermark: {field: ts}}}\n"
      + "  sink:\n    - {path: 'gs://lake/silver/x', format: parquet}\n    - {path: out/x, format: parquet}\n"
      + "    - {type: table, table: db.x}\n"
      + "dq:\n  expectations: [{type: not_null, column: a, on_fail: quarantine}]\n"
      + "  quarantine: {path: 'file:///tmp/q', format: parquet}\n  report: {path: dq/x}\n";

  @TempDir
  Path tmp;

  private List<String> warnings(String yaml) {
    String file = new ConfigFolder(tmp).write("cfg.yml", yaml);
    return new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(), tmp.toString())
        .loadLayer(file, Optional.empty()).problems().stream()
        .map(p -> p.severity() + " " + p.path() + ": " + p.message()).collect(Collectors.toList());
  }

  @Test
  void everyLocalPlaceOfAProductionConfigIsAWarningAtItsPath() {
    String tail = ": on a cluster it is the disk of one machine, lost with the cluster; write to object storage (";
    assertThat(warnings(LOCAL)).containsExactly(
        "WARNING io.sink[1]: Cannot keep a sink of a production config on a local disk" + tail + tmp + "/out/x)",
        "WARNING dq.quarantine: Cannot keep the quarantine of a production config on a local disk" + tail
            + "file:///tmp/q)",
        "WARNING dq.report.path: Cannot keep the data-quality report of a production config on a local disk" + tail
            + tmp + "/dq/x)",
        "WARNING state.uri: Cannot keep the watermark state store of a production config on a local disk" + tail
            + tmp + "/data/_state)");
  }

  @Test
  void objectStorageAndNonProductionConfigsAreQuiet() {
    assertThat(warnings(LOCAL.replace("environment: production", "environment: dev"))).isEmpty();
    assertThat(warnings(LOCAL.replace("path: out/x", "path: 's3a://lake/x'").replace("'file:///tmp/q'", "'gs://q'")
        .replace("path: dq/x", "path: 'abfss://c@a.dfs.core.windows.net/dq'")
        + "state: {uri: 'gs://lake/_state/'}\n")).isEmpty();
  }
}
