package io.prodi.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.config.LayerConfig;
import io.prodi.yaml.ConfigFiles;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the event log, as JSON in the table's column shape: the run summary's content as typed
 * columns, plus what identifies the run (run id, pipeline run id, dataset, config SHA-256) and its end.
 */
public final class EventRecord {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventRecord() {}

  /** The event log's Delta table: {@code events.uri} of the environment, else {@code <state.uri>/_events}. */
  public static String uri(LayerConfig config) {
    return config.environmentConfig().eventsUri()
        .map(u -> ConfigFiles.resolveAgainst(config.baseDir(), u))
        .orElseGet(() -> StateIds.stateUri(config).replaceAll("/+$", "") + "/_events");
  }

  /**
   * The row for a finished run, from its masked summary body; a pipeline step's row names its pipeline and step.
   */
  public static ObjectNode of(JsonNode summary, LayerConfig config, RunRequest request, String configSha256,
      Instant ended) {
    Optional<String> pipeline = request.pipeline();
    ObjectNode row = JSON.createObjectNode();
    row.put("event_key", sha256(String.join("\u0000", summary.path("run_id").asText(), config.layer().id(),
        config.uri(), request.step().orElse("")))); // hex: safe in the SQL predicate that replaces a rerun's row
    row.put("run_id", summary.path("run_id").asText());
    row.put("pipeline_run_id", pipeline.isPresent() ? summary.path("run_id").asText() : null);
    row.put("pipeline", pipeline.orElse(null));
    row.put("step", request.step().orElse(null));
    row.put("layer", config.layer().id());
    row.put("dataset", StateIds.dataset(config));
    row.put("environment", config.environment().orElse(null));
    row.put("config", config.uri());
    row.put("config_sha256", configSha256);
    row.put("status", summary.path("status").asText());
    row.put("started_at", summary.path("started_at").asText());
    row.put("ended_at", ended.toString());
    JsonNode durations = summary.path("durations_ms");
    row.put("duration_ms", durations.path("total").asLong());
    row.set("durations_ms", durations.isObject() ? durations : JSON.createObjectNode());
    row.set("sources", summary.path("sources"));
    row.set("sinks", summary.path("sinks"));
    row.put("rows_in", sum(summary.path("sources")));
    row.put("rows_out", maxRows(summary.path("sinks")));
    ArrayNode expectations = row.putArray("expectations");
    int failed = 0;
    for (JsonNode e : summary.path("expectations")) {
      ObjectNode x = expectations.addObject();
      for (String key : new String[] {"name", "type", "severity", "on_fail", "status", "observed"}) {
        x.put(key, e.path(key).isMissingNode() || e.path(key).isNull() ? null : e.path(key).asText());
      }
      x.put("rows_checked", e.path("rows_checked").isNumber() ? e.path("rows_checked").asLong() : null);
      x.put("failed", e.path("failed").isNumber() ? e.path("failed").asLong() : null);
      failed += "failed".equals(e.path("status").asText()) ? 1 : 0;
    }
    row.put("failed_expectations", failed);
    row.set("metrics", summary.path("metrics").isObject() ? summary.path("metrics") : JSON.createObjectNode());
    row.set("watermarks", summary.path("watermarks"));
    row.put("error", summary.path("error").isTextual() ? summary.path("error").asText() : null);
    row.put("prodi_version", Optional.ofNullable(EventRecord.class.getPackage().getImplementationVersion()).orElse("dev"));
    row.set("stream", summary.path("stream").isObject() ? summary.path("stream") : null);
    row.set("refresh", summary.path("refresh").isObject() ? summary.path("refresh") : null);
    return row;
  }

  /** The hex SHA-256 of a text (the config file's, an event's key). */
  public static String sha256(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash: the JVM has no SHA-256", e);
    }
  }

  private static Long sum(JsonNode items) {
    Long total = null;
    for (JsonNode item : items) {
      if (item.path("rows").isNumber()) {
        total = (total == null ? 0 : total) + item.path("rows").asLong();
      }
    }
    return total;
  }

  /** The output's rows: every sink writes the same output, so the largest count written (noop sinks count none). */
  private static Long maxRows(JsonNode sinks) {
    Long most = null;
    for (JsonNode sink : sinks) {
      if (sink.path("rows").isNumber()) {
        most = Math.max(most == null ? 0 : most, sink.path("rows").asLong());
      }
    }
    return most;
  }
}
