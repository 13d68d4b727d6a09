package io.prodi.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.yaml.ConfigFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in jobs/ (Dataproc workflow templates and scripts, EMR steps, the Airflow DAG) names main
 * classes that exist in the built jar and configs that exist under cfg/ and validate. No cloud needed.
 */
class JobsIT {
  private static final Pattern MAIN_CLASS = Pattern.compile("io\\.prodi\\.(?:layers\\.[A-Za-z]+Layer|cli\\.Prodi)");
  private static final Pattern CONFIG = Pattern.compile("(?:gs|s3a?)://[^/\\s\"']+/(cfg/[\\w/.-]+\\.yml)");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The job files users deploy: jobs/ without its test module (pom.xml, src/, build folders). */
  private static List<Path> jobFiles() throws Exception {
    try (Stream<Path> files = Files.walk(Paths.get("jobs"))) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getNameCount() > 2 && !p.getName(1).toString().equals("src") && !p.getName(1).toString().startsWith("target"))
          .sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyMainClassExistsInTheJarAndEveryConfigExistsAndValidates() throws Exception {
    List<String> classes = new ArrayList<>();
    List<String> configs = new ArrayList<>();
    for (Path file : jobFiles()) {
      String text = Files.readString(file);
      Matcher main = MAIN_CLASS.matcher(text);
      while (main.find()) {
        classes.add(main.group());
      }
      Matcher config = CONFIG.matcher(text);
      while (config.find()) {
        configs.add(config.group(1));
      }
    }
    assertThat(classes).contains("io.prodi.layers.RawLayer", "io.prodi.layers.BronzeLayer",
        "io.prodi.layers.SilverLayer", "io.prodi.layers.GoldLayer");
    try (JarFile jar = new JarFile(System.getProperty("prodi.jar"))) {
      for (String name : classes) {
        assertThat(jar.getEntry(name.replace('.', '/') + ".class")).as(name).isNotNull();
      }
    }
    assertThat(configs).isNotEmpty();
    for (String config : configs.stream().distinct().collect(Collectors.toList())) {
      assertThat(Paths.get(config)).as(config).exists();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
      int code = Prodi.execute(new String[] {"validate", "-c", config},
          new CliContext(stream, stream, Map.of(), null, ConfigFiles::fromSystemProperties));
      assertThat(code).as(config + "\n" + out.toString(StandardCharsets.UTF_8)).isZero();
    }
  }

  @Test
  void theWorkflowTemplatesChainTheFourLayersAndTheirParametersPointAtRealFields() throws Exception {
    for (String template : List.of("jobs/dataproc/workflow-managed.yaml", "jobs/dataproc/workflow-selector.yaml")) {
      JsonNode root = YAML.readTree(Paths.get(template).toFile());
      List<String> steps = new ArrayList<>();
      String previous = null;
      for (JsonNode job : root.get("jobs")) {
        String step = job.get("stepId").asText();
        assertThat(job.path("sparkJob").path("jarFileUris").get(0).asText()).as(template).endsWith("/prodi_2.12-0.1.0.jar");
        assertThat(job.path("sparkJob").path("mainClass").asText()).as(template).startsWith("io.prodi.layers.");
        if (previous != null) {
          assertThat(job.path("prerequisiteStepIds").get(0).asText()).as(template + " " + step).isEqualTo(previous);
        }
        steps.add(step);
        previous = step;
      }
      assertThat(steps).as(template).containsExactly("raw", "bronze", "silver", "gold");
      for (JsonNode parameter : root.path("parameters")) {
        for (JsonNode field : parameter.get("fields")) {
          Matcher m = Pattern.compile("jobs\\['(\\w+)'\\]\\.sparkJob\\.(?:args\\[(\\d)\\]|properties\\['([\\w.]+)'\\])")
              .matcher(field.asText());
          assertThat(m.matches()).as(field.asText()).isTrue();
          JsonNode job = null;
          for (JsonNode candidate : root.get("jobs")) {
            if (candidate.get("stepId").asText().equals(m.group(1))) {
              job = candidate;
            }
          }
          assertThat(job).as(field.asText()).isNotNull();
          JsonNode target = m.group(2) != null ? job.path("sparkJob").path("args").get(Integer.parseInt(m.group(2)))
              : job.path("sparkJob").path("properties").get(m.group(3));
          assertThat(target).as(field.asText() + " points at a field the step has").isNotNull();
        }
      }
    }
  }

  @Test
  void theScriptsAreValidShellAndTheStepsFileIsJson() throws Exception {
    for (Path file : jobFiles()) {
      if (file.toString().endsWith(".sh")) {
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor()).as(file.toString()).isZero();
      } else if (file.toString().endsWith(".json")) {
        // EMR steps are a list; Dataproc batches are messages (jobs/: DataprocMessagesTest checks their fields)
        assertThat(new ObjectMapper().readTree(file.toFile()).isArray()).as(file.toString())
            .isEqualTo(file.startsWith(Paths.get("jobs/emr")));
      }
    }
  }
}
