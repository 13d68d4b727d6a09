package io.prodi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * OpenLineage run events (spec 2-0-2) for one layer run, written with Jackson from the run summary: the job
 * {@code <namespace>/<dataset>.<layer>}, the pipeline run as parent, inputs and outputs named as the naming
 * spec says, with schema, output statistics and data-quality assertion facets.
 */
public final class LineageEvents {
  public static final String PRODUCER = "https://github.com/prodi-io/prodi";
  static final String SPEC = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
  private static final String FACETS = "https://openlineage.io/spec/facets/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String namespace;
  private final String jobName;
  private final UUID runId;
  private final Optional<Parent> parent;

  /** The pipeline run a layer run belongs to. */
  public static final class Parent {
    final String jobName;
    final UUID runId;

    public Parent(String jobName, UUID runId) {
      this.jobName = jobName;
      this.runId = runId;
    }
  }

  public LineageEvents(String namespace, String jobName, UUID runId, Optional<Parent> parent) {
    this.namespace = namespace;
    this.jobName = jobName;
    this.runId = runId;
    this.parent = parent;
  }

  /** A stable run UUID for a prodi run id (and step), the same in START and COMPLETE. */
  public static UUID runUuid(String... parts) {
    return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
  }

  public String jobName() {
    return jobName;
  }

  public UUID runId() {
    return runId;
  }

  /** START: the inputs and outputs the config names, before anything is read. */
  public ObjectNode start(JsonNode summary, Instant when) {
    return event("START", when, summary, false);
  }

  /** COMPLETE or FAIL, from the finished run's summary: counts, schemas, assertions, the error. */
  public ObjectNode end(JsonNode summary, JsonNode schemas, Instant when) {
    boolean failed = "failed".equals(summary.path("status").asText());
    ObjectNode event = event(failed ? "FAIL" : "COMPLETE", when, summary, true);
    addSchemas(event, schemas);
    if (failed) {
      ObjectNode error = facet((ObjectNode) event.get("run").get("facets"), "errorMessage", "1-0-1/ErrorMessageRunFacet");
      error.put("message", summary.path("error").asText("failed"));
      error.put("programmingLanguage", "JAVA");
    }
    return event;
  }

  private ObjectNode event(String type, Instant when, JsonNode summary, boolean finished) {
    ObjectNode event = JSON.createObjectNode();
    event.put("eventType", type);
    event.put("eventTime", when.toString());
    event.put("producer", PRODUCER);
    event.put("schemaURL", SPEC);
    ObjectNode run = event.putObject("run");
    run.put("runId", runId.toString());
    ObjectNode runFacets = run.putObject("facets");
    parent.ifPresent(p -> {
      ObjectNode facet = facet(runFacets, "parent", "1-2-0/ParentRunFacet");
      facet.putObject("run").put("runId", p.runId.toString());
      facet.putObject("job").put("namespace", namespace).put("name", p.jobName);
    });
    facet(runFacets, "processing_engine", "1-1-1/ProcessingEngineRunFacet")
        .put("version", Optional.ofNullable(LineageEvents.class.getPackage().getImplementationVersion()).orElse("dev"))
        .put("name", "prodi");
    ObjectNode job = event.putObject("job");
    job.put("namespace", namespace).put("name", jobName);
    facet(job.putObject("facets"), "jobType", "2-0-4/JobTypeJobFacet")
        .put("processingType", "BATCH").put("integration", "PRODI").put("jobType", "LAYER");
    ArrayNode inputs = event.putArray("inputs");
    for (JsonNode source : summary.path("sources")) {
      ObjectNode input = dataset(inputs, source.path("dataset"));
      if (finished) {
        assertions(input.putObject("inputFacets"), summary.path("expectations"));
      }
    }
    ArrayNode outputs = event.putArray("outputs");
    for (JsonNode sink : summary.path("sinks")) {
      if (!sink.path("dataset").isObject()) {
        continue; // a noop sink writes no dataset
      }
      ObjectNode output = dataset(outputs, sink.path("dataset"));
      if (finished) {
        outputFacets(output, sink);
      }
    }
    return event;
  }

  /** A dataset of the event, named as the run summary's {@code dataset} (from the source's or sink's spec). */
  private static ObjectNode dataset(ArrayNode list, JsonNode name) {
    ObjectNode dataset = list.addObject();
    dataset.put("namespace", name.path("namespace").asText()).put("name", name.path("name").asText());
    dataset.putObject("facets");
    return dataset;
  }

  private static void outputFacets(ObjectNode output, JsonNode sink) {
    ObjectNode facets = output.putObject("outputFacets");
    if (sink.path("rows").isNumber()) {
      facet(facets, "outputStatistics", "1-0-2/OutputStatisticsOutputDatasetFacet").put("rowCount", sink.path("rows").asLong());
    }
  }

  /**
   * The checks' results, on an input: OpenLineage defines data-quality assertions as an input dataset facet (the
   * checked data is what the job read), so each input of the layer carries the checks run over what it read.
   */
  private static void assertions(ObjectNode facets, JsonNode expectations) {
    if (expectations.size() == 0) {
      return;
    }
    ArrayNode assertions = facet(facets, "dataQualityAssertions", "1-1-0/DataQualityAssertionsDatasetFacet")
        .putArray("assertions");
    for (JsonNode e : expectations) {
      if (e.path("status").isMissingNode()) {
        continue; // never evaluated: the run stopped before the checks
      }
      ObjectNode assertion = assertions.addObject();
      assertion.put("assertion", e.path("type").asText());
      assertion.put("success", "passed".equals(e.path("status").asText()));
      assertion.put("name", e.path("name").asText());
      assertion.put("severity", e.path("severity").asText());
      if (e.path("columns").size() == 1) {
        assertion.put("column", e.path("columns").get(0).asText());
      }
      if (e.path("failed").isNumber()) {
        assertion.put("actual", e.path("failed").asText() + " rows failed");
      } else if (e.path("observed").isTextual()) {
        assertion.put("actual", e.path("observed").asText());
      }
    }
  }

  /** The schema facets, from the run's {@code source_<i>} and {@code output} schemas. */
  private static void addSchemas(ObjectNode event, JsonNode schemas) {
    ArrayNode inputs = (ArrayNode) event.get("inputs");
    for (int i = 0; i < inputs.size(); i++) {
      schema((ObjectNode) inputs.get(i).get("facets"), schemas.path("source_" + i));
    }
    for (JsonNode output : event.get("outputs")) {
      schema((ObjectNode) output.get("facets"), schemas.path("output"));
    }
  }

  private static void schema(ObjectNode facets, JsonNode fields) {
    if (!fields.isArray()) {
      return;
    }
    ArrayNode out = facet(facets, "schema", "1-2-0/SchemaDatasetFacet").putArray("fields");
    fields.forEach(f -> out.addObject().put("name", f.path("name").asText()).put("type", f.path("type").asText()));
  }

  private static ObjectNode facet(ObjectNode facets, String key, String versionAndName) {
    String name = versionAndName.substring(versionAndName.indexOf('/') + 1);
    ObjectNode facet = facets.putObject(key);
    facet.put("_producer", PRODUCER);
    facet.put("_schemaURL", FACETS + versionAndName + ".json#/$defs/" + name);
    return facet;
  }
}
