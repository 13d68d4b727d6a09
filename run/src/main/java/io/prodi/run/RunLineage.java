package io.prodi.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.config.LayerConfig;
import io.prodi.ops.LineageEvents;
import io.prodi.ops.LineageSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The lineage of one real layer run: START before the engine reads anything, COMPLETE or FAIL after it.
 * Events are masked like every other output; a lineage target that cannot take them costs one warning, never
 * the run.
 */
public final class RunLineage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LineageEvents events;
  private final LineageSender sender;
  private final Console console;
  private final String layer;
  private boolean warned;

  private RunLineage(LineageEvents events, LineageSender sender, Console console, String layer) {
    this.events = events;
    this.sender = sender;
    this.console = console;
    this.layer = layer;
  }

  /** The run's lineage when its config (or its environment) asks for it. */
  public static Optional<RunLineage> of(LayerConfig config, String runId, Optional<String> pipeline, Console console) {
    return config.lineage().map(spec -> {
      String layer = config.layer().id();
      Optional<LineageEvents.Parent> parent = pipeline.map(p -> new LineageEvents.Parent(pipelineJob(p),
          LineageEvents.runUuid(runId, p)));
      LineageEvents events = new LineageEvents(spec.namespace(), jobName(config),
          LineageEvents.runUuid(runId, layer, config.uri()), parent);
      return new RunLineage(events, new LineageSender(spec), console, layer);
    });
  }

  /** The OpenLineage (and Spark OpenLineage) job name of a layer run: {@code <dataset>.<layer>}. */
  public static String jobName(LayerConfig config) {
    return StateIds.dataset(config) + "." + config.layer().id();
  }

  private static String pipelineJob(String pipelineUri) {
    String name = new org.apache.hadoop.fs.Path(pipelineUri).getName();
    int dot = name.indexOf('.');
    return "pipeline." + (dot > 0 ? name.substring(0, dot) : name);
  }

  public void started(JsonNode summary) {
    send(events.start(summary, Instant.now()));
  }

  public void ended(JsonNode summary, JsonNode schemas) {
    send(events.end(summary, schemas, Instant.now()));
  }

  private void send(JsonNode event) {
    try {
      sender.send(JSON.readTree(console.mask(JSON.writeValueAsString(event))));
    } catch (IOException | RuntimeException e) {
      if (!warned) {
        console.warning("[" + layer + "] " + console.mask(messageOf(e)));
        warned = true;
      }
    }
  }

  private static String messageOf(Exception e) {
    String message = e instanceof UncheckedIOException || e.getMessage() != null ? e.getMessage() : e.toString();
    return message.startsWith("Cannot") ? message : "Cannot send a lineage event: " + message;
  }
}
