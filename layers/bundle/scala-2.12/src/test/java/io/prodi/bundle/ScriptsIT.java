package io.prodi.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's check scripts fail when there is nothing to check, instead of passing on zero. */
class ScriptsIT {
  @Test
  void smokeProdFailsWhenItFindsNoProductionConfig(@TempDir Path empty) throws Exception {
    Files.writeString(empty.resolve("example.yml"), "layer: raw\n");
    ProcessRun run = ProcessRun.run(Map.of(), List.of("bin/smoke-prod", empty.toString()));
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.err).contains("smoke-prod: error: Cannot dry-run the production configs: no *.prod.yml under "
        + empty);
  }

  @Test
  void smokeProdFailsOnAProductionConfigThatDoesNotDryRun(@TempDir Path cfg) throws Exception {
    Files.writeString(cfg.resolve("broken.prod.yml"), "layer: raw\nio:\n  source: {path: in, formatt: csv}\n"
        + "  sink: {path: out}\n");
    ProcessRun run = ProcessRun.run(Map.of("PRODI_NO_BUILD", "1"), List.of("bin/smoke-prod", cfg.toString()));
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.out).contains("smoke-prod: FAILED " + cfg.resolve("broken.prod.yml"))
        .contains("did you mean 'format'?").contains("smoke-prod: 0 passed, 1 failed");
  }
}
