package io.prodi.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.config.LayerConfig;
import io.prodi.dq.ExpectationSpec;
import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pipeline's plan as JSON for orchestrators (schema {@code docs/schema/plan.json}, {@code plan_version} 1):
 * each step with its main class and arguments, what it reads and writes, its expectations and the steps it
 * depends on, and why.
 */
public final class PlanJson {
  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  /** The plan of {@code graph}; {@code runVars} are the --vars given to plan, passed on in each step's args. */
  public static String of(String pipelineUri, PipelineGraph graph, Map<String, String> runVars) {
    ObjectNode root = JSON.createObjectNode().put("plan_version", VERSION).put("pipeline", pipelineUri);
    ArrayNode steps = root.putArray("steps");
    for (StepNode node : graph.steps()) {
      steps.add(step(node, runVars));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot print the plan as JSON: " + e.getMessage(), e);
    }
  }

  private static ObjectNode step(StepNode node, Map<String, String> runVars) {
    LayerConfig config = node.loaded().config();
    ObjectNode step = JSON.createObjectNode().put("name", node.name()).put("layer", config.layer().id());
    config.datasetId().ifPresent(d -> step.put("dataset", d));
    step.put("config", node.step().config()).put("main_class", config.layer().mainClass());
    ArrayNode args = step.putArray("args").add("--config").add(node.step().config());
    Map<String, String> vars = new TreeMap<>(runVars);
    vars.putAll(node.step().vars());
    vars.forEach((key, value) -> args.add("--vars").add(key + "=" + value));
    ArrayNode reads = step.putArray("reads");
    int i = 1;
    for (SourceSpec source : config.sources()) {
      ObjectNode read = reads.addObject().put("name", source.name().orElse("source " + i++)).put("type", source.type());
      source.fileFormat().ifPresent(f -> read.put("format", f));
      read.put("location", source.location(config.locationStorage(), config.baseDir()));
    }
    ArrayNode writes = step.putArray("writes");
    config.sinks().forEach(sink -> writes.add(sink(sink, config, "output")));
    config.dq().quarantine().ifPresent(sink -> writes.add(sink(sink, config, "quarantine")));
    ArrayNode expectations = step.putArray("expectations");
    for (ExpectationSpec expectation : config.dq().expectations()) {
      expectations.addObject().put("type", expectation.type().id()).put("name", expectation.name())
          .put("severity", expectation.severity().id()).put("description", expectation.describe());
    }
    ArrayNode dependsOn = step.putArray("depends_on");
    for (Dependency dependency : node.dependencies()) {
      ObjectNode edge = dependsOn.addObject().put("step", dependency.step()).put("reason", dependency.kind().id());
      if (!dependency.address().isEmpty()) {
        edge.put("address", dependency.address());
      }
    }
    return step;
  }

  private static ObjectNode sink(SinkSpec sink, LayerConfig config, String role) {
    ObjectNode write = JSON.createObjectNode().put("role", role).put("type", sink.type());
    sink.fileFormat().ifPresent(f -> write.put("format", f));
    return write.put("location", sink.location(config.locationStorage(), config.baseDir()))
        .put("mode", sink.mode().id());
  }
}
