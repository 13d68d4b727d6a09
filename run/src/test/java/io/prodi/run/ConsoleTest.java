package io.prodi.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the console prints: step names for steps side by side, secrets masked everywhere, details only verbose. */
class ConsoleTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Console console(boolean verbose) {
    return new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), verbose);
  }

  private List<String> errLines() {
    return List.of(err.toString(StandardCharsets.UTF_8).split("\n"));
  }

  @Test
  void aStepSideBySideNamesItselfInEveryProgressWarningAndErrorLine() {
    Console pipeline = console(false);
    Console second = pipeline.forStep("raw", "raw-2");
    Console first = pipeline.forStep("raw", "raw");
    second.progress("[raw] done in 6.4 s");
    first.progress("[raw] done in 5.1 s");
    second.warning("[raw] expectation x failed");
    second.error("Cannot read in/a: no such file (in/a)");
    second.progress("a line without a tag");
    second.result("{\"layer\":\"raw\"}");
    assertThat(errLines()).containsExactly("[raw-2] done in 6.4 s", "[raw] done in 5.1 s",
        "prodi: warning: [raw-2] expectation x failed", "prodi: error: [raw-2] Cannot read in/a: no such file (in/a)",
        "[raw-2] a line without a tag");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"layer\":\"raw\"}\n");
  }

  @Test
  void aSecretOneStepAddsIsMaskedInEveryStepAndThePipeline() {
    Console pipeline = console(false);
    Console step = pipeline.forStep("raw", "a.raw");
    pipeline.forStep("bronze", "a.bronze").addSecrets(List.of("s3cr3t-value"));
    step.error("Cannot connect: password s3cr3t-value refused");
    pipeline.progress("[pipeline] s3cr3t-value");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("s3cr3t-value").contains("****");
  }

  @Test
  void detailsReachTheConsoleOnlyWithVerbose() {
    console(false).detail("[raw] config cfg/raw.yml: {}");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    console(true).detail("[raw] config cfg/raw.yml: {}");
    assertThat(errLines()).containsExactly("[raw] config cfg/raw.yml: {}");
  }
}
