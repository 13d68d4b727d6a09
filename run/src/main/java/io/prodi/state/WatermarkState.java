package io.prodi.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One committed watermark: the JSON document the state store keeps per state id and generation. */
public final class WatermarkState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String stateId;
  private final String value;
  private final String field;
  private final String updatedAt;
  private final String runId;
  private final long generation;

  public WatermarkState(String stateId, String value, String field, String updatedAt, String runId, long generation) {
    this.stateId = stateId;
    this.value = value;
    this.field = field;
    this.updatedAt = updatedAt;
    this.runId = runId;
    this.generation = generation;
  }

  static WatermarkState parse(String json) throws java.io.IOException {
    JsonNode node = JSON.readTree(json);
    return new WatermarkState(node.path("state_id").asText(), node.path("value").asText(null),
        node.path("field").asText(null), node.path("updated_at").asText(null), node.path("run_id").asText(null),
        node.path("generation").asLong());
  }

  String json() {
    ObjectNode node = JSON.createObjectNode();
    node.put("state_id", stateId);
    node.put("value", value);
    node.put("field", field);
    node.put("updated_at", updatedAt);
    node.put("run_id", runId);
    node.put("generation", generation);
    return node.toString();
  }

  public String stateId() {
    return stateId;
  }

  public String value() {
    return value;
  }

  public String field() {
    return field;
  }

  public String updatedAt() {
    return updatedAt;
  }

  public String runId() {
    return runId;
  }

  /** 1 for the first commit, then one more per commit: a commit expects the generation it started from. */
  public long generation() {
    return generation;
  }

  @Override
  public String toString() {
    return json();
  }
}
