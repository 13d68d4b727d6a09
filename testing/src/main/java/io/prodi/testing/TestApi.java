package io.prodi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP server on loopback (the JDK's HttpServer) for the http source's tests: each path answers
 * with a function of the request, and every request is recorded (path, query, headers).
 */
public final class TestApi implements AutoCloseable {
  /** What a handler answers. */
  public static final class Answer {
    final int status;
    final String body;
    final Map<String, String> headers;
    final long delayMillis;

    public Answer(int status, String body, Map<String, String> headers, long delayMillis) {
      this.status = status;
      this.body = body;
      this.headers = headers;
      this.delayMillis = delayMillis;
    }

    public static Answer ok(String body) {
      return new Answer(200, body, Map.of(), 0);
    }

    public static Answer status(int status, String body) {
      return new Answer(status, body, Map.of(), 0);
    }
  }

  /** One request the server received. */
  public static final class Request {
    public final String path;
    public final String query;
    public final Map<String, List<String>> headers;
    public final String body;

    Request(HttpExchange exchange) throws IOException {
      this.path = exchange.getRequestURI().getPath();
      this.query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
      this.headers = Map.copyOf(exchange.getRequestHeaders());
      this.body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    public String header(String name) {
      List<String> values = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).findFirst().orElse(List.of());
      return values.isEmpty() ? null : values.get(0);
    }

    /** A query parameter's (still encoded) value, or null. */
    public String param(String name) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final Map<String, Function<Request, Answer>> handlers = new ConcurrentHashMap<>();
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  private TestApi(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  public static TestApi start() throws IOException {
    return new TestApi(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
  }

  /** An HTTPS server with {@code context}'s certificate (one that clients do not trust, in the tests). */
  public static TestApi startHttps(SSLContext context) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    return new TestApi(server);
  }

  public TestApi on(String path, Function<Request, Answer> handler) {
    handlers.put(path, handler);
    return this;
  }

  public String url(String path) {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Request request = new Request(exchange);
    requests.add(request);
    Function<Request, Answer> handler = handlers.get(request.path);
    Answer answer = handler == null ? Answer.status(404, "{\"error\":\"no such path\"}") : handler.apply(request);
    if (answer.delayMillis > 0) {
      try {
        Thread.sleep(answer.delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
    answer.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing to answer
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
