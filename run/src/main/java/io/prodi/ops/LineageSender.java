package io.prodi.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.config.LineageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Sends one OpenLineage event where {@link LineageSpec} says: a line appended to a local JSON-lines file, or
 * a POST of the JSON to an HTTP endpoint (Marquez's {@code /api/v1/lineage}); a 2xx answer is success.
 */
public final class LineageSender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Object FILE_LOCK = new Object(); // pipeline steps side by side share the file

  private final LineageSpec spec;
  private final HttpClient http;

  public LineageSender(LineageSpec spec) {
    this.spec = spec;
    this.http = spec.transport() == LineageSpec.Transport.HTTP
        ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(spec.timeoutSeconds())).build() : null;
  }

  /** Sends the event; throws with a message naming the target when it cannot. */
  public void send(JsonNode event) {
    String text;
    try {
      text = JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a lineage event: " + e.getOriginalMessage(), e);
    }
    if (spec.transport() == LineageSpec.Transport.FILE) {
      append(text);
    } else {
      post(text);
    }
  }

  private void append(String line) {
    Path path = spec.target().startsWith("file:") ? Paths.get(URI.create(spec.target())) : Paths.get(spec.target());
    synchronized (FILE_LOCK) {
      try {
        if (path.toAbsolutePath().getParent() != null) {
          Files.createDirectories(path.toAbsolutePath().getParent());
        }
        Files.write(path, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot append a lineage event to " + path + ": " + e.getMessage(), e);
      }
    }
  }

  private void post(String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(spec.target()))
        .timeout(Duration.ofSeconds(spec.timeoutSeconds()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot send a lineage event to " + spec.target() + ": "
          + (e.getMessage() == null ? "no answer" : e.getMessage()) + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot send a lineage event to " + spec.target() + ": interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("Cannot send a lineage event to " + spec.target() + ": the endpoint answered "
          + response.statusCode() + " (" + response.body().lines().findFirst().orElse("") + ")");
    }
  }
}
