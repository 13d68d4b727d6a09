package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python prodi's own configs, read where they live, {@code ../shared/python-prodi/},
 * never copied into the project: they validate, their production configs dry-run, and {@code migrate}
 * rewrites them into files that validate, idempotently.
 */
class PythonCorpusTest {
  static final Path CORPUS = Paths.get(System.getProperty("prodi.root", "..")).toAbsolutePath().normalize()
      .resolve("../shared/python-prodi").normalize();

  private static final String OTHER = "<not yaml>";

  @BeforeAll
  static void corpusIsThere() {
    if (!Files.isDirectory(CORPUS.resolve("cfg"))) {
      io.prodi.testing.Required.missing("the Python corpus is not beside the project (" + CORPUS + ")",
          "check out shared/ beside the project", null);
    }
  }

  static List<Path> layerConfigs(Path root) {
    try (Stream<Path> files = Files.walk(root.resolve("cfg"))) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isTemplate(Path config) {
    return config.getFileName().toString().equals("template.yml");
  }

  private static CliRun validate(Path config, Path root) {
    return CliRun.prodi(Map.of(), "validate", "-c", config.toString(), "--base-dir", root.toString());
  }

  @Test
  void everyLayerConfigValidatesButTheTemplatesThatNameAMissingDataset() {
    List<Path> configs = layerConfigs(CORPUS);
    Map<Path, String> wrong = new LinkedHashMap<>();
    int accepted = 0;
    for (Path config : configs) {
      CliRun run = validate(config, CORPUS);
      if (isTemplate(config)) {
        if (run.exitCode() != 2 || !run.err().contains("config/datasets/example.yml")) {
          wrong.put(config, run.toString());
        }
      } else if (run.exitCode() == 0 && run.errors().isEmpty()) {
        accepted++;
      } else {
        wrong.put(config, run.toString());
      }
    }
    System.out.printf("python-prodi corpus: %d of %d cfg/**/*.yml validate; %d templates exit 2 as expected%n",
        accepted, configs.size(), configs.stream().filter(PythonCorpusTest::isTemplate).count());
    assertThat(configs).hasSize(50);
    assertThat(wrong).isEmpty();
    assertThat(accepted).isEqualTo(46);
  }

  @Test
  void everyProductionConfigDryRunsUnderTheGuard() {
    List<Path> prod = layerConfigs(CORPUS).stream().filter(p -> p.toString().endsWith(".prod.yml"))
        .collect(Collectors.toList());
    Map<Path, String> failed = new LinkedHashMap<>();
    for (Path config : prod) {
      CliRun run = CliRun.prodi(Map.of("PRODI_FORCE_DRY_RUN", "true"),
          "run-layer", "-c", config.toString(), "--base-dir", CORPUS.toString());
      if (run.exitCode() != 0 || !run.out().contains("dry run")) {
        failed.put(config, run.toString());
      }
    }
    System.out.printf("python-prodi corpus: %d of %d *.prod.yml dry-run with exit 0%n",
        prod.size() - failed.size(), prod.size());
    assertThat(prod).hasSizeGreaterThanOrEqualTo(27);
    assertThat(failed).isEmpty();
  }

  @Test
  void migrateChangesNothingWithoutWriteThenRewritesFilesThatValidateAndIsIdempotent(@TempDir Path tmp)
      throws IOException {
    Path copy = tmp.resolve("python-prodi");
    copyTree(CORPUS, copy);
    Map<Path, String> before = contents(copy);

    CliRun preview = CliRun.prodi("migrate", copy.toString());
    assertThat(preview.exitCode()).as(preview.toString()).isZero();
    assertThat(contents(copy)).isEqualTo(before);
    assertThat(preview.out()).contains("--- a" + copy + "/cfg/").contains("+++ b" + copy + "/cfg/")
        .contains("would change").doesNotContain("a//");
    List<String> reminders = needsAHuman(preview);
    assertThat(reminders).isNotEmpty().doesNotHaveDuplicates();
    for (String reminder : reminders) {
      String item = reminder.substring(reminder.indexOf(": ") + 2);
      assertThat(preview.errLines()).as("listed once, at the end, not also as a note").noneMatch(l -> l.endsWith(item));
    }

    CliRun write = CliRun.prodi("migrate", copy.toString(), "--write");
    assertThat(write.exitCode()).as(write.toString()).isZero();
    Map<Path, String> after = contents(copy);
    List<Path> rewritten = after.keySet().stream().filter(p -> !after.get(p).equals(before.get(p)))
        .collect(Collectors.toList());
    long yamlFiles = before.values().stream().filter(text -> !text.equals(OTHER)).count();
    assertThat(write.out()).contains("migrate: " + yamlFiles + " file(s) read, " + rewritten.size() + " rewritten");
    assertThat(rewritten).isNotEmpty();
    assertThat(after.keySet()).isEqualTo(before.keySet()); // no .crc or backup files beside the user's
    for (Path file : rewritten) {
      List<String> was = List.of(before.get(file).split("\n"));
      List<String> is = List.of(after.get(file).split("\n"));
      if (was.contains("paths:") && is.stream().anyMatch(l -> l.startsWith("dataset_config:"))) {
        assertThat(is.stream().filter(l -> !l.startsWith("# prodi migrate:")).collect(Collectors.toList())
            .indexOf(is.stream().filter(l -> l.startsWith("dataset_config:")).findFirst().get()))
            .as("%s: the moved key takes the place of paths:", file).isEqualTo(was.indexOf("paths:"));
      }
    }
    CliRun later = CliRun.prodi("migrate", copy.toString());
    assertThat(needsAHuman(later)).as("what needs a human is still listed after --write").isEqualTo(reminders);

    List<String> invalid = new ArrayList<>();
    for (Path config : layerConfigs(copy)) {
      CliRun run = validate(config, copy);
      if (!isTemplate(config) && (run.exitCode() != 0 || !run.errors().isEmpty() || run.err().contains("prodi migrate"))) {
        invalid.add(copy.relativize(config) + ": " + run);
      }
    }
    assertThat(invalid).isEmpty();

    CliRun again = CliRun.prodi("migrate", copy.toString(), "--write");
    assertThat(again.out()).contains("file(s) read, 0 rewritten");
    assertThat(contents(copy)).isEqualTo(after);
    System.out.printf("python-prodi corpus: migrate read %d file(s), rewrote %d; a second run rewrote 0%n",
        yamlFiles, rewritten.size());
  }

  private static List<String> needsAHuman(CliRun run) {
    return run.outLines().stream().filter(l -> l.startsWith("  needs a human: ")).sorted().collect(Collectors.toList());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.collect(Collectors.toList())) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static Map<Path, String> contents(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      Map<Path, String> out = new LinkedHashMap<>();
      for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        if (file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")) {
          out.put(root.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
        } else {
          out.put(root.relativize(file), OTHER);
        }
      }
      return out;
    }
  }
}
