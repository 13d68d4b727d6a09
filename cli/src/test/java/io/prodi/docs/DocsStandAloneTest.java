package io.prodi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a user reads (README, docs/, the example configs and job files) stands alone: it names no file outside
 * the repository, and every relative Markdown link points to a file that exists.
 */
class DocsStandAloneTest {
  private static final Path ROOT = Paths.get(System.getProperty("prodi.root", "..")).toAbsolutePath().normalize();
  private static final Pattern OUTSIDE = Pattern.compile("CONTRACT\\.md|\\.\\./shared|/shared/");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:\\s]+)(#[^)]*)?\\)");

  @Test
  void userFacingFilesNameNoFileOutsideTheRepository() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : userFacingFiles()) {
      List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
      for (int i = 0; i < lines.size(); i++) {
        if (OUTSIDE.matcher(lines.get(i)).find()) {
          found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(found).as("references to files users do not have").isEmpty();
  }

  @Test
  void relativeLinksInMarkdownResolve() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path file : userFacingFiles()) {
      if (!file.toString().endsWith(".md")) {
        continue;
      }
      Matcher link = LINK.matcher(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
      while (link.find()) {
        if (!Files.exists(file.getParent().resolve(link.group(1)))) {
          broken.add(ROOT.relativize(file) + " -> " + link.group(1));
        }
      }
    }
    assertThat(broken).as("Markdown links to missing files").isEmpty();
  }

  @Test
  void theCheckSeesAPlantedReference() {
    assertThat(OUTSIDE.matcher("see ../shared/notes/x.md").find()).isTrue();
    assertThat(OUTSIDE.matcher("as CONTRACT.md says").find()).isTrue();
    assertThat(LINK.matcher("[guide](docs/nowhere.md#part)").find()).isTrue();
  }

  private static List<Path> userFacingFiles() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    for (String folder : List.of("docs", "cfg", "jobs/dataproc", "bin")) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
        files.addAll(walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".json"))
            .collect(Collectors.toList()));
      }
    }
    assertThat(files).hasSizeGreaterThan(20);
    return files;
  }
}
