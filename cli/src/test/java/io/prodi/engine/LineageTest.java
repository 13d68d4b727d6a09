package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.sun.net.httpserver.HttpServer;
import io.prodi.ops.LineageEvents;
import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * OpenLineage events of real runs: every event valid against the official spec 2-0-2 schema and each facet
 * against its own schema (the unmodified files in shared/openlineage-spec), sent to a file and to a real local
 * HTTP receiver in Marquez's {@code /api/v1/lineage} shape.
 */
class LineageTest extends EngineTestBase {
  private static final Path ROOT = Path.of(System.getProperty("prodi.root", "..")).toAbsolutePath().normalize();
  private static final Path SPEC = ROOT.resolveSibling("shared").resolve("openlineage-spec");
  private static final String SPEC_URL = "https://openlineage.io/spec/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.builder(
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
      .addUriTranslator(uri -> local(uri)).build();

  /** The spec's URLs on openlineage.io, read from the local copy: facets/<version>/<name> is facets/<name>. */
  private static URI local(URI uri) {
    String text = uri.toString();
    if (!text.startsWith(SPEC_URL)) {
      return uri;
    }
    int hash = text.indexOf('#');
    String path = text.substring(SPEC_URL.length(), hash < 0 ? text.length() : hash);
    String file = path.startsWith("facets/") ? "facets/" + path.substring(path.lastIndexOf('/') + 1)
        : path.substring(path.indexOf('/') + 1);
    return URI.create(SPEC.resolve(file).toUri() + (hash < 0 ? "" : text.substring(hash)));
  }

  @Test
  void aLayerRunWritesStartThenCompleteWithSchemasCountsAndAssertionsAllValid() throws Exception {
    Path events = tmp.resolve("lineage/events.jsonl");
    String cfg = config("people.yml", "silver", "    - {format: parquet, path: out/people}\n",
        "dq:\n  expectations:\n    - {type: not_null, column: name, severity: warn}\n"
            + "lineage: {transport: file, path: " + events + ", namespace: test-ns}\n");
    succeed(cfg);
    List<JsonNode> sent = Files.readAllLines(events).stream().map(LineageTest::parse).collect(Collectors.toList());
    assertThat(sent).extracting(e -> e.get("eventType").asText()).containsExactly("START", "COMPLETE");
    sent.forEach(LineageTest::assertValid);
    JsonNode complete = sent.get(1);
    assertThat(complete.at("/job/namespace").asText()).isEqualTo("test-ns");
    assertThat(complete.at("/job/name").asText()).isEqualTo("people.silver");
    assertThat(complete.at("/run/runId").asText()).isEqualTo(sent.get(0).at("/run/runId").asText());
    assertThat(complete.at("/run/facets/parent").isMissingNode()).as("a layer run alone has no parent").isTrue();
    JsonNode input = complete.get("inputs").get(0);
    assertThat(input.get("namespace").asText()).isEqualTo("file");
    assertThat(input.get("name").asText()).isEqualTo(at("in/people.csv"));
    assertThat(input.at("/facets/schema/fields").findValuesAsText("name"))
        .containsExactly("id", "name", "country", "amount", "updated");
    JsonNode output = complete.get("outputs").get(0);
    assertThat(output.get("name").asText()).isEqualTo(at("out/people"));
    assertThat(output.at("/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(5);
    JsonNode assertion = input.at("/inputFacets/dataQualityAssertions/assertions/0");
    assertThat(assertion.get("assertion").asText()).isEqualTo("not_null");
    assertThat(assertion.get("success").asBoolean()).isFalse();
    assertThat(assertion.get("column").asText()).isEqualTo("name");
    assertThat(assertion.get("severity").asText()).isEqualTo("warn");

    // the checks can fail: an event without its run id, a facet with a count that is not a number
    ObjectNode noRunId = complete.deepCopy();
    ((ObjectNode) noRunId.get("run")).remove("runId");
    JsonSchema runEvent = SCHEMAS.getSchema(URI.create(SPEC_URL + "2-0-2/OpenLineage.json#/$defs/RunEvent"));
    assertThat(runEvent.validate(noRunId)).isNotEmpty();
    ObjectNode statistics = ((ObjectNode) output.at("/outputFacets/outputStatistics")).deepCopy().put("rowCount", "five");
    JsonSchema own = SCHEMAS.getSchema(URI.create(SPEC_URL + "facets/1-0-2/OutputStatisticsOutputDatasetFacet.json"));
    assertThat(own.validate(JSON.createObjectNode().set("outputStatistics", statistics))).isNotEmpty();
  }

  @Test
  void aFailedRunEndsWithFailAndItsErrorAndAnUnreachableEndpointIsOneWarning() throws Exception {
    Path events = tmp.resolve("events.jsonl");
    String cfg = config("bad.yml", "silver", "    - {format: parquet, path: out/people}\n",
        "dq:\n  expectations:\n    - {type: not_null, column: name}\n"
            + "lineage: {transport: file, path: " + events + "}\n");
    assertThat(run(cfg).exitCode()).isEqualTo(1);
    List<JsonNode> sent = Files.readAllLines(events).stream().map(LineageTest::parse).collect(Collectors.toList());
    assertThat(sent).extracting(e -> e.get("eventType").asText()).containsExactly("START", "FAIL");
    sent.forEach(LineageTest::assertValid);
    assertThat(sent.get(1).at("/run/facets/errorMessage/message").asText()).contains("not_null_name");
    assertThat(sent.get(1).at("/job/namespace").asText()).isEqualTo("prodi");

    String unreachable = config("gone.yml", "silver", "    - {format: parquet, path: out/gone}\n",
        "lineage: {transport: http, url: 'http://127.0.0.1:9/api/v1/lineage', timeout_seconds: 2}\n");
    CliRun run = succeed(unreachable);
    assertThat(run.errLines().stream().filter(l -> l.startsWith("prodi: warning:"))).singleElement().asString()
        .startsWith("prodi: warning: [silver] Cannot send a lineage event to http://127.0.0.1:9/api/v1/lineage");
  }

  @Test
  void aLocalHttpReceiverGetsStartAndCompleteForEachLayerOfTheFinancePipeline() throws Exception {
    List<JsonNode> received = java.util.Collections.synchronizedList(new ArrayList<>());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/lineage", exchange -> {
      received.add(parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      boolean json = exchange.getRequestHeaders().getFirst("Content-Type").equals("application/json");
      exchange.sendResponseHeaders(json ? 201 : 415, -1);
      exchange.close();
    });
    server.start();
    try {
      ConfigFolder.copyTree(ROOT.resolve("cfg"), tmp.resolve("cfg"));
      ConfigFolder.copyTree(ROOT.resolve("samples"), tmp.resolve("samples"));
      Path env = tmp.resolve("cfg/env/local.yml");
      Files.writeString(env, Files.readString(env) + "lineage: {transport: http, namespace: finance, url: 'http://127.0.0.1:"
          + server.getAddress().getPort() + "/api/v1/lineage'}\n");
      CliRun run = SharedSpark.prodi("run-pipeline", "-p", tmp.resolve("cfg/pipelines/finance.yml").toString(),
          "--base-dir", tmp.toString());
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.err()).doesNotContain("lineage");
    } finally {
      server.stop(0);
    }
    assertThat(received).extracting(e -> e.at("/job/name").asText() + " " + e.get("eventType").asText())
        .containsExactly("transactions.raw START", "transactions.raw COMPLETE", "transactions.bronze START",
            "transactions.bronze COMPLETE", "transactions.silver START", "transactions.silver COMPLETE",
            "transactions.gold START", "transactions.gold COMPLETE");
    received.forEach(LineageTest::assertValid);
    assertThat(received).extracting(e -> e.at("/run/facets/parent/job/name").asText()).containsOnly("pipeline.finance");
    assertThat(received.stream().map(e -> e.at("/run/facets/parent/run/runId").asText()).distinct()).hasSize(1);
    assertThat(received.stream().map(e -> e.at("/run/runId").asText()).distinct()).hasSize(4);
    for (int step = 0; step < 3; step++) { // each layer reads what the one before it wrote
      List<String> written = names(received.get(2 * step + 1).get("outputs"));
      List<String> read = names(received.get(2 * step + 3).get("inputs"));
      assertThat(read).as("inputs of step " + (step + 2)).isNotEmpty().isSubsetOf(written);
    }
    assertThat(names(received.get(1).get("inputs"))).containsExactly("file:" + tmp.resolve("samples/finance/transactions.csv"));
    assertThat(received.get(7).at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(10);
  }

  private static List<String> names(JsonNode datasets) {
    List<String> out = new ArrayList<>();
    datasets.forEach(d -> out.add(d.get("namespace").asText() + ":" + d.get("name").asText()));
    return out;
  }

  /**
   * The event against the spec's RunEvent, and every facet against its own file's schema, in the block its schema's
   * base {@code $ref} names (a RunFacet under run.facets, an InputDatasetFacet under an input's inputFacets, ...).
   */
  static void assertValid(JsonNode event) {
    JsonSchema runEvent = SCHEMAS.getSchema(URI.create(SPEC_URL + "2-0-2/OpenLineage.json#/$defs/RunEvent"));
    assertThat(runEvent.validate(event)).as(event.toString()).isEmpty();
    Map<JsonNode, String> facetBlocks = new java.util.IdentityHashMap<>();
    facetBlocks.put(event.at("/run/facets"), "RunFacet");
    facetBlocks.put(event.at("/job/facets"), "JobFacet");
    Stream.of("inputs", "outputs").forEach(side -> event.get(side).forEach(d -> {
      facetBlocks.put(d.path("facets"), "DatasetFacet");
      facetBlocks.put(d.path("inputFacets"), side.equals("inputs") ? "InputDatasetFacet" : "(none on an output)");
      facetBlocks.put(d.path("outputFacets"), side.equals("outputs") ? "OutputDatasetFacet" : "(none on an input)");
    }));
    int checked = 0;
    for (Map.Entry<JsonNode, String> block : facetBlocks.entrySet()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = block.getKey().fields(); it.hasNext(); checked++) {
        Map.Entry<String, JsonNode> facet = it.next();
        String url = facet.getValue().get("_schemaURL").asText();
        JsonSchema own = SCHEMAS.getSchema(URI.create(url.substring(0, url.indexOf('#'))));
        assertThat(own.getSchemaNode().at("/properties").has(facet.getKey()))
            .as(facet.getKey() + " is the key its schema names").isTrue();
        assertThat(baseKind(own.getSchemaNode(), url)).as(facet.getKey() + " sits in the block its schema's $ref names")
            .isEqualTo(block.getValue());
        ObjectNode wrapped = JSON.createObjectNode().set(facet.getKey(), facet.getValue());
        assertThat(own.validate(wrapped)).as(facet.getKey() + ": " + facet.getValue()).isEmpty();
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
  }

  /** The spec's facet kind a facet schema extends: its definition's first {@code allOf} {@code $ref}, e.g. RunFacet. */
  static String baseKind(JsonNode schema, String schemaUrl) {
    String definition = schemaUrl.substring(schemaUrl.lastIndexOf('/') + 1);
    String ref = schema.at("/$defs/" + definition + "/allOf/0/$ref").asText();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  @Test
  void aFacetInTheWrongBlockFailsTheCheck() {
    String url = SPEC_URL + "facets/1-1-0/DataQualityAssertionsDatasetFacet.json";
    JsonNode assertions = SCHEMAS.getSchema(URI.create(url)).getSchemaNode();
    assertThat(baseKind(assertions, url + "#/$defs/DataQualityAssertionsDatasetFacet")).isEqualTo("InputDatasetFacet");
    ObjectNode event = JSON.createObjectNode();
    event.put("eventType", "COMPLETE").put("eventTime", "2024-01-01T00:00:00Z").put("producer", LineageEvents.PRODUCER)
        .put("schemaURL", SPEC_URL + "2-0-2/OpenLineage.json#/$defs/RunEvent");
    event.putObject("run").put("runId", "3f5e83fa-3480-44ff-99c5-ff943904e5e8").putObject("facets");
    event.putObject("job").put("namespace", "n").put("name", "j").putObject("facets");
    event.putArray("inputs");
    ObjectNode output = event.putArray("outputs").addObject().put("namespace", "file").put("name", "/out");
    output.putObject("facets");
    output.putObject("outputFacets").putObject("dataQualityAssertions").put("_producer", LineageEvents.PRODUCER)
        .put("_schemaURL", url + "#/$defs/DataQualityAssertionsDatasetFacet").putArray("assertions");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertValid(event))
        .hasMessageContaining("dataQualityAssertions sits in the block its schema's $ref names");
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
