package io.prodi.config.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code prodi schema} against the validator: every file under {@code cfg/} satisfies the JSON
 * Schema of its kind (checked by an independent JSON Schema validator), both reject the same
 * invalid files and accept the same valid ones, and docs/reference.md is the generated reference.
 */
class ConfigSchemaTest {
  static final Path ROOT = Paths.get(System.getProperty("prodi.root", "..")).toAbsolutePath().normalize();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  @TempDir
  Path tmp;

  static Stream<String> shippedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT.resolve("cfg"))) {
      return files.filter(p -> p.toString().endsWith(".yml")).map(p -> ROOT.relativize(p).toString()).sorted()
          .collect(Collectors.toList()).stream();
    }
  }

  /** The kind of a shipped file, from where it lives (as the build lays cfg/ out). */
  static String kindOf(String path) {
    if (path.endsWith(".test.yml")) {
      return "test";
    }
    if (path.startsWith("cfg/pipelines/")) {
      return "pipeline";
    }
    if (path.startsWith("cfg/datasets/")) {
      return "dataset";
    }
    return path.startsWith("cfg/env/") ? "environment" : "layer";
  }

  static Set<ValidationMessage> schemaErrors(String kind, String yaml) throws IOException {
    JsonSchema schema = FACTORY.getSchema(ConfigSchema.of(kind));
    return schema.validate(YAML.readTree(yaml));
  }

  @ParameterizedTest
  @MethodSource("shippedFiles")
  void everyShippedFileSatisfiesTheSchemaOfItsKind(String path) throws IOException {
    assertThat(schemaErrors(kindOf(path), Files.readString(ROOT.resolve(path)))).as(path).isEmpty();
  }

  static Stream<Arguments> invalidLayers() {
    return Stream.of(
        Arguments.of("unknown top-level key", "layer: raw\nsurprise: 1\n" + IO),
        Arguments.of("unknown layer", "layer: platinum\n" + IO),
        Arguments.of("unknown key in a files source", "layer: raw\nio:\n  source: {path: in, formatt: csv}\n"
            + "  sink: {path: out}\n"),
        Arguments.of("unknown source type", "layer: raw\nio:\n  source: {type: ftp, url: x}\n  sink: {path: out}\n"),
        Arguments.of("unknown format", "layer: raw\nio:\n  source: {path: in, format: parket}\n  sink: {path: out}\n"),
        Arguments.of("unknown key in an http source", "layer: raw\nio:\n  source: {type: http, url: 'https://a.b',"
            + " path: x}\n  sink: {path: out}\n"),
        Arguments.of("unknown write mode", "layer: raw\nio:\n  source: {path: in}\n  sink: {path: out, mode: upsert}\n"),
        Arguments.of("unknown key in a noop sink", "layer: raw\nio:\n  source: {path: in}\n  sink: {kind: noop, path: x}\n"),
        Arguments.of("unknown pre step", "layer: raw\n" + IO + "transform:\n  pre: [{explode: [a]}]\n"),
        Arguments.of("unknown expectation type", "layer: silver\n" + IO + "dq:\n  expectations: [{type: not_blank,"
            + " column: a}]\n"),
        Arguments.of("key of another expectation type", "layer: silver\n" + IO + "dq:\n  expectations: [{type: not_null,"
            + " column: a, values: [1]}]\n"),
        Arguments.of("unknown severity", "layer: silver\n" + IO + "dq:\n  expectations: [{type: not_null, column: a,"
            + " severity: fatal}]\n"),
        Arguments.of("unknown storage protocol", "layer: raw\n" + IO + "storage: {ftp: {default_uri: x}}\n"),
        Arguments.of("unknown key in compute", "layer: raw\n" + IO + "compute: {cores: 4}\n"),
        Arguments.of("dry_run as a string", "layer: raw\ndry_run: 'false'\n" + IO));
  }

  private static final String IO = "io:\n  source: {path: in, format: csv}\n  sink: {path: out}\n";

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidLayers")
  void schemaAndValidatorRejectTheSameInvalidLayerConfigs(String what, String yaml) throws IOException {
    assertThat(schemaErrors("layer", yaml)).as("schema on " + what).isNotEmpty();
    String file = new ConfigFolder(tmp).write("invalid.yml", yaml);
    CliRun run = CliRun.prodi("validate", "-c", file);
    assertThat(run.exitCode()).as(what + "\n" + run).isEqualTo(2);
    assertThat(run.errors()).isNotEmpty();
  }

  static Stream<Arguments> validLayers() {
    return Stream.of(
        Arguments.of("several sources and sinks", "layer: gold\nio:\n  source:\n    - {name: a, path: in/a}\n"
            + "    - {name: b, type: table, table: db.t}\n  sink:\n    - {path: out, format: delta, mode: merge,"
            + " merge: {keys: [id]}}\n    - {kind: noop}\n"),
        Arguments.of("http source with pagination and auth", "layer: raw\nio:\n  source: {type: http, url: "
            + "'https://api.example.com/v1', pagination: {strategy: cursor, cursor_param: c, cursor_field: next},"
            + " auth: {type: bearer_env, token_env: API_TOKEN}}\n  sink: {path: out}\n"),
        Arguments.of("pre steps and checks", "layer: silver\n" + IO + "transform:\n  pre: [add_metadata, {dedupe:"
            + " {keys: [id], order_by: [ts desc]}}, {trim: [a]}]\n  sql: SELECT * FROM __INPUT__\ndq:\n"
            + "  expectations: [{type: range, column: a, min: 0, max: 9, severity: warn}, {type: unique, columns: [id]}]\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validLayers")
  void schemaAndValidatorAcceptTheSameValidLayerConfigs(String what, String yaml) throws IOException {
    assertThat(schemaErrors("layer", yaml)).as("schema on " + what).isEmpty();
    String file = new ConfigFolder(tmp).write("valid.yml", yaml);
    CliRun run = CliRun.prodi(Map.of("API_TOKEN", "t"), "validate", "-c", file);
    assertThat(run.exitCode()).as(what + "\n" + run).isZero();
  }

  @Test
  void schemaCommandPrintsTheSchemaOfAKind() throws IOException {
    CliRun run = CliRun.prodi("schema", "--kind", "pipeline");
    assertThat(run.exitCode()).isZero();
    JsonNode schema = new ObjectMapper().readTree(run.out());
    assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
    assertThat(schema.get("definitions").get("pipeline_step").get("properties").get("layer").get("enum"))
        .extracting(JsonNode::asText).containsExactly("raw", "bronze", "silver", "gold");
  }

  @Test
  void schemaCommandRefusesAnUnknownKind() {
    CliRun run = CliRun.prodi("schema", "--kind", "job");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Cannot print a schema: unknown kind (job); valid: dataset, environment, layer, "
        + "pipeline, plan, test");
  }

  @Test
  void schemaOfThePlanIsTheOneInDocsThatPlanFormatJsonFollows() throws IOException {
    CliRun run = CliRun.prodi("schema", "--kind", "plan");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(ROOT.resolve("docs/schema/plan.json")));
    assertThat(new ObjectMapper().readTree(run.out()).get("title").asText()).startsWith("prodi plan --format json");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void schemaFilesInDocsAreTheGeneratedOnesByteForByte(String kind) throws Exception {
    String committed = Files.readString(ROOT.resolve("docs/schema/" + kind + ".json"));
    assertThat(printedSchema(kind)).as("docs/schema/%s.json is stale: run bin/prodi schema --kind %s > docs/schema/%s.json",
        kind, kind, kind).isEqualTo(committed);
  }

  @Test
  void schemaOutputIsTheSameInEveryProcess() throws Exception {
    String here = printedSchema("layer");
    for (int run = 0; run < 3; run++) {
      ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "io.prodi.cli.Prodi", "schema", "--kind", "layer");
      Process process = child.redirectErrorStream(true).start();
      String printed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(process.waitFor()).isZero();
      assertThat(printed).as("schema --kind layer in a new JVM (its own hash seeds), run %d", run).isEqualTo(here);
    }
  }

  private static String printedSchema(String kind) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stream = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    int code = io.prodi.cli.Prodi.execute(new String[] {"schema", "--kind", kind},
        new io.prodi.cli.CliContext(stream, stream, Map.of(), null, () -> null));
    assertThat(code).isZero();
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  static Stream<String> kinds() {
    return ConfigSchema.KINDS.keySet().stream().sorted();
  }

  @Test
  void referenceInDocsIsTheGeneratedOne() throws IOException {
    assertThat(Files.readString(ROOT.resolve("docs/reference.md")))
        .as("docs/reference.md is stale: run bin/prodi schema --reference > docs/reference.md")
        .isEqualTo(ConfigReference.markdown());
  }
}
