package io.prodi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.load.ConfigLoader;
import io.prodi.env.RunEnvironment;
import io.prodi.storage.Loopback;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.TestConfigFiles;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes that used to validate and then failed mid-run, or ran wrongly (issue 16): each is now a
 * config error with its YAML path, reported before any session exists.
 */
class MistakesTheConfigShowsTest {
  @TempDir
  Path tmp;

  private List<String> errors(String yaml) {
    String file = new ConfigFolder(tmp).write("cfg.yml", yaml);
    try {
      new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of("U", "u", "P", "p"), Map.of()), Map.of(),
          tmp.toString()).loadLayer(file, Optional.empty());
      return List.of();
    } catch (ConfigException e) {
      return e.problems().stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
          .map(p -> p.path() + ": " + p.message()).collect(Collectors.toList());
    }
  }

  @Test
  void aRangeWhoseMinIsAboveItsMaxFailsEveryRowSoItIsAnError() {
    assertThat(errors("layer: silver\nio: {source: {path: in}, sink: {path: out}}\ndq:\n  expectations:\n"
        + "    - {type: range, column: amount, min: 100, max: 10}\n"
        + "    - {type: range, column: day, min: '2024-12-31', max: '2024-01-01'}\n"
        + "    - {type: range, column: ok, min: -5, max: 1e3}\n")).containsExactly(
        "dq.expectations[0].min: Cannot check a range: min is greater than max, so every row would fail (100 > 10)",
        "dq.expectations[1].min: Cannot check a range: min is greater than max, so every row would fail "
            + "(2024-12-31 > 2024-01-01)");
  }

  @Test
  void overwritingTheFolderTheLayerReadsIsAnErrorExceptForDelta() {
    assertThat(errors("layer: silver\nio:\n  source: {path: data/t/*.parquet}\n"
        + "  sink: [{path: data/t/, mode: overwrite}, {path: data/t2, mode: overwrite}, {path: data/t, mode: append}]\n"))
        .containsExactly("io.sink[0].mode: Cannot overwrite " + tmp + "/data/t: a source of this layer reads it, "
            + "and Spark would delete the input while reading it; write elsewhere, use mode append, or format delta ("
            + tmp + "/data/t/*.parquet)");
    assertThat(errors("layer: silver\nio:\n  source: {path: data/t, format: delta}\n"
        + "  sink: {path: data/t, format: delta, mode: overwrite}\n")).isEmpty();
  }

  @Test
  void aJdbcUrlMustBeOneAndStartWithJdbc() {
    assertThat(errors("layer: raw\nio:\n  source: {type: jdbc, url: 'postgresql://db.example.com/x', table: t}\n"
        + "  sink: {type: jdbc, url: 'jdbc:postgresql://db.example.com/x', table: t,"
        + " options: {url: 'postgresql://other/x', dbtable: u}}\n")).containsExactly(
        "io.source.url: Cannot connect to postgresql://db.example.com/x: expected a JDBC URL starting with jdbc: "
            + "(postgresql://db.example.com/x)",
        "io.sink.options.url: Cannot set url in options: prodi sets it from the url key, use that (url)",
        "io.sink.options.dbtable: Cannot set dbtable in options: prodi sets it from the table key, use that (dbtable)");
  }

  @Test
  void sslmodesThatFallBackToPlaintextBreakTheTlsRule() {
    assertThat(errors("layer: raw\nio:\n  source:\n"
        + "    - {type: jdbc, url: 'jdbc:postgresql://db.example.com/x?sslmode=prefer', table: t}\n"
        + "    - {type: jdbc, url: 'jdbc:postgresql://db.example.com/x', table: t, options: {sslmode: allow}}\n"
        + "    - {type: jdbc, url: 'jdbc:postgresql://db.example.com/x?sslmode=verify-full', table: t}\n"
        + "    - {type: jdbc, url: 'jdbc:postgresql://127.0.0.1/x?sslmode=prefer', table: t}\n"
        + "  sink: {path: out}\n")).containsExactly(
        "io.source[0].url: Cannot let the connection to db.example.com fall back to plaintext: the driver drops TLS "
            + "when the server offers none; use sslmode=require or verify-full (sslmode=prefer)",
        "io.source[1].options.sslmode: Cannot let the connection to db.example.com fall back to plaintext: the driver"
            + " drops TLS when the server offers none; use sslmode=require or verify-full (sslmode=allow)");
  }

  @Test
  void onlyLoopbackAddressesAreLoopbackNotNamesThatStartLikeOne() {
    assertThat(Loopback.isLoopbackHost("127.0.0.1")).isTrue();
    assertThat(Loopback.isLoopbackHost("127.255.3.9")).isTrue();
    assertThat(Loopback.isLoopbackHost("[::1]")).isTrue();
    assertThat(Loopback.isLoopbackHost("LOCALHOST")).isTrue();
    assertThat(Loopback.isLoopbackHost("127.corp.example.com")).isFalse();
    assertThat(Loopback.isLoopbackHost("127.0.0.1.nip.io")).isFalse();
    assertThat(Loopback.isLoopbackHost("127.0.0.256")).isFalse();
    assertThat(errors("layer: raw\nio:\n"
        + "  source: {type: jdbc, url: 'jdbc:postgresql://127.corp.example.com/x?sslmode=disable', table: t}\n"
        + "  sink: {path: out}\n")).containsExactly("io.source.url: Cannot turn TLS off for 127.corp.example.com: "
            + "allowed only for a loopback host (sslmode=disable)");
  }
}
