package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline as a graph: {@code plan --format json}, the edges from reads, writes and after:, cycles, --parallel. */
class PipelineGraphTest {
  private static final Path ROOT = Paths.get(System.getProperty("prodi.root", "..")).toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  private ConfigFolder folder;

  @BeforeEach
  void setUp() {
    folder = chains(tmp, "a", "b", "c");
  }

  /** For each name, {@code cfg/<name>.raw.yml} (in/name to out/raw/name) and a bronze config reading it. */
  static ConfigFolder chains(Path root, String... names) {
    ConfigFolder configs = new ConfigFolder(root);
    for (String name : names) {
      configs.write("cfg/" + name + ".raw.yml", "layer: raw\nio:\n  source: {path: in/" + name + "}\n"
          + "  sink: {path: out/raw/" + name + "}\n");
      configs.write("cfg/" + name + ".bronze.yml", "layer: bronze\nio:\n  source: {path: out/raw/" + name
          + ", format: parquet}\n  sink: {path: out/bronze/" + name + ", format: parquet}\n");
    }
    return configs;
  }

  @Test
  void theExamplePipelinesEdgesComeFromWhatStepsReadAndWriteAndFromAfter() throws IOException {
    JsonNode plan = planJson(ROOT.resolve("cfg/pipelines/datasets.yml"));
    assertThat(dependencies(plan)).containsExactly(
        Map.entry("customers.raw", List.of()),
        Map.entry("customers.bronze", List.of("customers.raw:reads_output")),
        Map.entry("customers.silver", List.of("customers.bronze:reads_output")),
        Map.entry("customers.gold", List.of("customers.silver:reads_output")),
        Map.entry("transactions.raw", List.of()),
        Map.entry("transactions.bronze", List.of("transactions.raw:reads_output")),
        Map.entry("transactions.silver", List.of("transactions.bronze:reads_output")),
        Map.entry("transactions.gold", List.of("transactions.silver:reads_output", "customers.gold:after")));
    JsonNode bronze = plan.get("steps").get(1);
    assertThat(bronze.get("main_class").asText()).isEqualTo("io.prodi.layers.BronzeLayer");
    assertThat(bronze.get("dataset").asText()).isEqualTo("customers");
    assertThat(bronze.get("depends_on").get(0).get("address").asText()).isEqualTo(ROOT + "/data/raw/customers");
    assertThat(bronze.get("reads").get(0).get("location").asText()).isEqualTo(ROOT + "/data/raw/customers");
    assertThat(plan.get("steps").get(2).get("expectations")).isNotEmpty();

    // steps that write one table wait for each other, whichever way round, so none races another
    assertThat(dependencies(planJson(ROOT.resolve("cfg/pipelines/cdc-replay.yml"))).get("silver-2"))
        .containsExactly("silver-1:writes_output", "gold-1:writes_input");
  }

  @Test
  void thePlanFollowsItsPublishedSchema() throws IOException {
    var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(ROOT.resolve("docs/schema/plan.json")));
    for (String pipeline : new String[] {"datasets.yml", "cdc-replay.yml", "finance.yml"}) {
      JsonNode plan = planJson(ROOT.resolve("cfg/pipelines/" + pipeline));
      assertThat(schema.validate(plan)).as(pipeline).isEmpty();
      ((com.fasterxml.jackson.databind.node.ObjectNode) plan.get("steps").get(0)).put("unknown", 1);
      assertThat(schema.validate(plan)).as("the schema is strict").isNotEmpty();
    }
  }

  @Test
  void theComposerExampleMakesOneTaskPerStepUpstreamOfWhatItDependsOn() throws Exception {
    Path plan = tmp.resolve("prodi_plan.json");
    Files.writeString(plan, JSON.writeValueAsString(planJson(ROOT.resolve("cfg/pipelines/datasets.yml"))));
    Process python = new ProcessBuilder("python3", ROOT.resolve("jobs/airflow/prodi_graph_dag.py").toString(),
        plan.toString()).redirectErrorStream(true).start();
    String printed = new String(python.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(python.waitFor()).as(printed).isZero();
    assertThat(printed.lines()).hasSize(8)
        .contains("prodi_customers.raw io.prodi.layers.RawLayer --config " + ROOT.resolve("cfg/raw/example.yml") + " <- -")
        .contains("prodi_transactions.gold io.prodi.layers.GoldLayer --config "
            + ROOT.resolve("cfg/finance/gold/transactions.yml") + " <- prodi_customers.gold, prodi_transactions.silver");
  }

  @Test
  void aLayerConfigIsAGraphOfOneStepWithTheArgumentsThatRunIt() throws IOException {
    CliRun run = CliRun.prodi("plan", "-c", tmp.resolve("cfg/a.raw.yml").toString(), "--format", "json",
        "--vars", "day=1", "--base-dir", tmp.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode step = JSON.readTree(run.out()).get("steps").get(0);
    assertThat(step.get("name").asText()).isEqualTo("raw");
    assertThat(step.get("args")).extracting(JsonNode::asText)
        .containsExactly("--config", tmp.resolve("cfg/a.raw.yml").toString(), "--vars", "day=1");
  }

  @Test
  void aCycleOfAfterIsAConfigErrorNamingTheStepsInEveryCommand() {
    String file = folder.write("p.yml", "steps:\n"
        + "  - {name: load, layer: raw, config: cfg/a.raw.yml, after: [clean]}\n"
        + "  - {name: clean, layer: bronze, config: cfg/a.bronze.yml}\n");
    String expected = "prodi: error: " + file + ": steps: Cannot order the steps: they wait for each other in a "
        + "cycle (load -> clean -> load)";
    for (String[] args : List.of(new String[] {"run-pipeline", "-p", file, "--parallel", "2"},
        new String[] {"plan", "-p", file, "--format", "json"}, new String[] {"plan", "-p", file},
        new String[] {"validate", "-c", file})) {
      CliRun run = CliRun.prodi(withBase(args));
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.errors()).as(args[0]).containsExactly(expected);
      assertThat(run.out()).doesNotContain("plan_version").doesNotContain("[pipeline] " + file + " is valid");
    }
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void stepNamesAreUniqueAndAfterNamesAStep() {
    String file = folder.write("p.yml", "steps:\n"
        + "  - {name: load, layer: raw, config: cfg/a.raw.yml}\n"
        + "  - {name: load, layer: raw, config: cfg/b.raw.yml}\n"
        + "  - {layer: bronze, config: cfg/a.bronze.yml, after: [lod, bronze]}\n");
    CliRun run = CliRun.prodi(withBase("plan", "-p", file, "--format", "json"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).containsExactly(
        "prodi: error: " + file + ": steps[1].name: Cannot name a step: another step has this name (load)",
        "prodi: error: " + file + ": steps[2].after[0]: Cannot use step 'lod': unknown step, did you mean 'load'? "
            + "(valid: bronze, load)",
        "prodi: error: " + file + ": steps[2].after[1]: Cannot order a step after itself (bronze)");
  }

  @Test
  void stepsWithoutNamesAreNamedAfterTheirLayerAndPositionWhenALayerRepeats() throws IOException {
    String file = folder.write("p.yml", "steps:\n"
        + "  - {layer: raw, config: cfg/a.raw.yml}\n  - {layer: raw, config: cfg/b.raw.yml}\n"
        + "  - {layer: bronze, config: cfg/b.bronze.yml}\n");
    assertThat(dependencies(planJson(Paths.get(file))))
        .containsExactly(Map.entry("raw-1", List.of()), Map.entry("raw-2", List.of()),
            Map.entry("bronze", List.of("raw-2:reads_output")));
  }

  @Test
  void parallelMustBeAPositiveNumber() {
    String file = folder.write("p.yml", "steps:\n  - {layer: raw, config: cfg/a.raw.yml}\n");
    CliRun zero = CliRun.prodi("run-pipeline", "-p", file, "--parallel", "0");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.errors()).first().asString()
        .isEqualTo("prodi: error: Cannot parse the command line: Cannot run a pipeline: --parallel must be at least 1 (0)");
    CliRun word = CliRun.prodi("run-pipeline", "-p", file, "--parallel", "four");
    assertThat(word.exitCode()).isEqualTo(2);
    assertThat(word.err()).contains("Invalid value for option '--parallel': 'four' is not an int");
    CliRun format = CliRun.prodi("plan", "-p", file, "--format", "yaml");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("Cannot use format 'yaml' in --format: unknown format (valid: text, json)");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  private String[] withBase(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = "--base-dir=" + tmp;
    return all;
  }

  private JsonNode planJson(Path pipeline) throws IOException {
    Path base = pipeline.startsWith(tmp) ? tmp : ROOT;
    CliRun run = CliRun.prodi("plan", "-p", pipeline.toString(), "--format", "json", "--base-dir", base.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return JSON.readTree(run.out());
  }

  /** Each step's name and its dependencies as {@code step:reason}, in file order. */
  private static Map<String, List<String>> dependencies(JsonNode plan) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (JsonNode step : plan.get("steps")) {
      List<String> edges = new ArrayList<>();
      step.get("depends_on").forEach(d -> edges.add(d.get("step").asText() + ":" + d.get("reason").asText()));
      out.put(step.get("name").asText(), edges);
    }
    return out;
  }
}
