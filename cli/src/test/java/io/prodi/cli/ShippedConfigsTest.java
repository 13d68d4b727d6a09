package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every config shipped under {@code cfg/} validates, as the build promises; bases ({@code base.yml})
 * are checked through the configs that extend them, and each must be extended by one.
 */
class ShippedConfigsTest {
  static final Path ROOT = Paths.get(System.getProperty("prodi.root", "..")).toAbsolutePath().normalize();

  static Stream<String> configs() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT.resolve("cfg"))) {
      return files.filter(p -> p.toString().endsWith(".yml"))
          .filter(p -> !isBase(p) && !p.toString().endsWith(".test.yml"))
          .map(p -> ROOT.relativize(p).toString()).sorted().collect(Collectors.toList()).stream();
    }
  }

  private static boolean isBase(Path p) {
    return p.getFileName().toString().equals("base.yml");
  }

  @ParameterizedTest
  @MethodSource("configs")
  void validates(String config) {
    CliRun run = CliRun.prodi(Map.of(), "validate", "-c", ROOT.resolve(config).toString(), "--base-dir", ROOT.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.errors()).isEmpty();
    assertThat(run.errLines()).as("production configs write every sink, quarantine and report to object storage")
        .noneMatch(line -> line.contains("on a local disk"));
  }

  /**
   * The example configs share one state store (data/_state under the checkout): two incremental
   * sources with one state id would read and move each other's watermark.
   */
  @Test
  void theExampleConfigsIncrementalSourcesHaveDistinctStateIds() throws IOException {
    List<Path> examples = configs().filter(c -> !c.endsWith(".prod.yml") && !c.startsWith("cfg/pipelines/")
        && !c.startsWith("cfg/datasets/") && !c.startsWith("cfg/env/")).map(ROOT::resolve).collect(Collectors.toList());
    Map<String, String> owners = new java.util.TreeMap<>();
    assertThat(stateIdClashes(examples, ROOT, owners)).isEmpty();
    assertThat(owners).as("incremental example configs found").hasSizeGreaterThanOrEqualTo(2);
  }

  /** The clash check finds two configs whose file stems (and so default state ids) are the same. */
  @Test
  void theStateIdCheckFindsAClash(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    String config = "layer: raw\nio:\n  source: {name: orders, format: json, path: in, incremental: {watermark: "
        + "{field: ts}}}\n  sink: {path: out}\n";
    Files.createDirectories(tmp.resolve("http"));
    Files.createDirectories(tmp.resolve("jdbc"));
    Files.writeString(tmp.resolve("http/orders.yml"), config);
    Files.writeString(tmp.resolve("jdbc/orders.yml"), config);
    assertThat(stateIdClashes(List.of(tmp.resolve("http/orders.yml"), tmp.resolve("jdbc/orders.yml")), tmp,
        new java.util.TreeMap<>())).singleElement().asString().startsWith("orders::raw::orders: ");
  }

  /** "id: a and b" for each state id two of {@code configs} use in one store, from what {@code prodi plan} prints. */
  private static List<String> stateIdClashes(List<Path> configs, Path base, Map<String, String> owners) {
    List<String> clashes = new java.util.ArrayList<>();
    java.util.regex.Pattern line = java.util.regex.Pattern.compile("state   watermark (\\S+) on .* in (\\S+);");
    for (Path config : configs) {
      CliRun plan = CliRun.prodi(Map.of(), "plan", "-c", config.toString(), "--base-dir", base.toString());
      java.util.regex.Matcher watermark = line.matcher(plan.out());
      while (watermark.find()) {
        String previous = owners.putIfAbsent(watermark.group(2) + " " + watermark.group(1), config.toString());
        if (previous != null) {
          clashes.add(watermark.group(1) + ": " + previous + " and " + config);
        }
      }
    }
    return clashes;
  }

  @Test
  void everyBaseIsExtended() throws IOException {
    List<Path> bases;
    try (Stream<Path> files = Files.walk(ROOT.resolve("cfg"))) {
      bases = files.filter(ShippedConfigsTest::isBase).collect(Collectors.toList());
    }
    assertThat(bases).isNotEmpty();
    for (Path base : bases) {
      try (Stream<Path> siblings = Files.list(base.getParent())) {
        assertThat(siblings.filter(p -> !p.equals(base)).anyMatch(p -> read(p).contains("extends: ./base.yml")))
            .as("a config extends %s", base).isTrue();
      }
    }
  }

  @Test
  void everyLayerHasAnExampleAndThreeProductionConfigs() {
    for (String layer : List.of("raw", "bronze", "silver", "gold")) {
      for (String name : List.of("example.yml", "gcp.prod.yml", "aws.prod.yml", "azure.prod.yml")) {
        assertThat(ROOT.resolve("cfg").resolve(layer).resolve(name)).exists();
      }
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
