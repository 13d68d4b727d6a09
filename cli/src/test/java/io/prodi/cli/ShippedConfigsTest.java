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
