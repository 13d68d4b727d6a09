package io.prodi.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.config.LayerConfig;
import io.prodi.dq.ExpectationSpec;
import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * The one JSON line every run prints at its end, dry or not:
 * {@code {"prodi_summary": {...}}}. Values are filled as the run learns them; printing masks secrets.
 */
public final class RunSummary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode body = JSON.createObjectNode();
  private final ObjectNode schemas = JSON.createObjectNode(); // not printed: the lineage's schema facets
  private final Instant start;

  public RunSummary(String layer, String runId, String configUri, Instant start) {
    this.start = start;
    body.put("layer", layer);
    body.put("status", "running");
    body.put("run_id", runId);
    body.put("config", configUri);
    body.put("started_at", start.toString());
    body.putArray("sources");
    body.putArray("sinks");
    body.putArray("expectations");
    body.putArray("watermarks");
  }

  /** Fills what the config says: sources, sinks, expectations, watermarks (rows are null until counted). */
  public RunSummary describe(LayerConfig config) {
    config.environment().ifPresent(e -> body.put("environment", e));
    ArrayNode sources = (ArrayNode) body.get("sources");
    for (SourceSpec source : config.sources()) {
      ObjectNode s = sources.addObject();
      s.put("name", source.name().orElse(null));
      s.put("type", source.type());
      s.put("location", source.location(config.locationStorage(), config.baseDir()));
      dataset(s, source.dataset(config.locationStorage(), config.baseDir()));
      s.putNull("rows");
      source.watermark().ifPresent(w -> {
        ObjectNode wm = ((ArrayNode) body.get("watermarks")).addObject();
        wm.put("state_id", StateIds.of(config, source, w));
        wm.put("field", w.field());
        wm.putNull("before");
        wm.putNull("after");
      });
    }
    ArrayNode sinks = (ArrayNode) body.get("sinks");
    for (SinkSpec sink : config.sinks()) {
      ObjectNode s = sinks.addObject();
      s.put("type", sink.type());
      s.put("location", sink.location(config.locationStorage(), config.baseDir()));
      dataset(s, sink.dataset(config.locationStorage(), config.baseDir()));
      s.put("mode", sink.mode().id());
      s.putNull("rows");
    }
    ArrayNode expectations = (ArrayNode) body.get("expectations");
    for (ExpectationSpec e : config.dq().expectations()) {
      ObjectNode x = expectations.addObject();
      x.put("name", e.name());
      x.put("type", e.type().id());
      x.put("severity", e.severity().id());
      x.put("on_fail", e.onFail().id());
      x.putNull("failed");
    }
    return this;
  }

  /** The dataset a source reads or a sink writes, as OpenLineage names it ({@code null}: a noop sink writes none). */
  private static void dataset(ObjectNode entry, java.util.Optional<io.prodi.storage.DatasetName> dataset) {
    dataset.ifPresentOrElse(d -> entry.putObject("dataset").put("namespace", d.namespace()).put("name", d.name()),
        () -> entry.putNull("dataset"));
  }

  /** The rows read from source {@code index} (null when Spark never read it). */
  public RunSummary sourceRows(int index, Long rows) {
    ((ObjectNode) body.get("sources").get(index)).put("rows", rows);
    return this;
  }

  /** The rows written to sink {@code index}, and how (merge: inserted and updated). */
  public RunSummary sinkRows(int index, Long rows, String detail) {
    ObjectNode sink = (ObjectNode) body.get("sinks").get(index);
    sink.put("rows", rows);
    if (detail != null) {
      sink.put("detail", detail);
    }
    return this;
  }

  /** The result of one expectation (the report's JSON shape), in place of its entry. */
  public RunSummary expectation(ObjectNode result) {
    ArrayNode expectations = (ArrayNode) body.get("expectations");
    for (int i = 0; i < expectations.size(); i++) {
      if (expectations.get(i).path("name").asText().equals(result.path("name").asText())) {
        expectations.set(i, result);
        return this;
      }
    }
    expectations.add(result);
    return this;
  }

  /** A watermark's value before the run and after it (unchanged when nothing new was read). */
  public RunSummary watermark(String stateId, String before, String after) {
    for (com.fasterxml.jackson.databind.JsonNode node : body.get("watermarks")) {
      if (node.path("state_id").asText().equals(stateId)) {
        ((ObjectNode) node).put("before", before).put("after", after);
      }
    }
    return this;
  }

  /**
   * A micro-batch of a stream: its number in the process's run, the trigger, the records it read, the records
   * left behind it, and whether it reached what an {@code available_now} run stops at.
   */
  public synchronized RunSummary stream(StreamBatch batch, String trigger, long records, long lag, boolean reachesTarget) {
    ObjectNode stream = body.putObject("stream");
    stream.put("batch", batch.number()).put("trigger", trigger).put("records", records).put("lag", lag)
        .put("reaches_target", reachesTarget);
    return this;
  }

  /**
   * A refresh: its policy, the way this run took (incremental or full), why a full one was, and for an incremental
   * one the source versions whose changes it read and the keys it replaced.
   */
  public synchronized RunSummary refresh(String policy, String way, String why, String changes, Long keys) {
    ObjectNode refresh = body.putObject("refresh");
    refresh.put("policy", policy).put("way", way).put("why", why).put("changes", changes);
    if (keys == null) {
      refresh.putNull("keys");
    } else {
      refresh.put("keys", keys);
    }
    return this;
  }

  /** The duration of one step of the run, in milliseconds. */
  public RunSummary duration(String step, long millis) {
    ObjectNode durations = body.has("durations_ms") ? (ObjectNode) body.get("durations_ms")
        : body.putObject("durations_ms");
    durations.put(step, millis);
    return this;
  }

  /**
   * The columns of {@code dataset} ({@code source_<i>} or {@code output}) as name and type pairs; kept for
   * lineage events, not printed.
   */
  public synchronized RunSummary schema(String dataset, java.util.List<java.util.Map.Entry<String, String>> fields) {
    ArrayNode out = schemas.putArray(dataset);
    fields.forEach(f -> out.addObject().put("name", f.getKey()).put("type", f.getValue()));
    return this;
  }

  public ObjectNode schemas() {
    return schemas;
  }

  /** A metric of the run (anomaly checks compare it with earlier runs), printed under {@code metrics}. */
  public RunSummary metric(String name, double value) {
    ObjectNode metrics = body.has("metrics") ? (ObjectNode) body.get("metrics") : body.putObject("metrics");
    metrics.put(name, value);
    return this;
  }

  public RunSummary status(String status) {
    body.put("status", status);
    return this;
  }

  public RunSummary error(String message) {
    body.put("error", message);
    return this;
  }

  public ObjectNode body() {
    return body;
  }

  /** The line to print, with the total duration so far. */
  public String line() {
    ObjectNode durations = body.has("durations_ms") ? (ObjectNode) body.get("durations_ms")
        : body.putObject("durations_ms");
    durations.put("total", Duration.between(start, Instant.now()).toMillis());
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.set("prodi_summary", body);
    try {
      return JSON.writeValueAsString(wrapper);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the run summary: " + e.getOriginalMessage(), e);
    }
  }
}
