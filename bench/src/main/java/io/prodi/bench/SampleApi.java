package io.prodi.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A small local orders API for the http example and benchmark: {@code GET /orders?page=N&per_page=M&since=T}
 * answers {"data": [...]} with deterministic orders, page numbers from 1, an empty page after the last.
 * Orders are updated one minute apart from 2024-06-01, so {@code since} (a timestamp) skips old ones.
 *
 *   SampleApi [port=8765] [orders=1000]
 */
public final class SampleApi {
  private static final Instant FIRST = Instant.parse("2024-06-01T00:00:00Z");

  private SampleApi() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8765;
    long total = args.length > 1 ? Long.parseLong(args[1]) : 1000;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/orders", exchange -> {
      Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
      long page = Long.parseLong(params.getOrDefault("page", "1"));
      int perPage = Integer.parseInt(params.getOrDefault("per_page", "100"));
      long first = firstAfter(params.get("since"));
      StringBuilder body = new StringBuilder(perPage * 120).append("{\"data\":[");
      long start = first + (page - 1) * perPage;
      for (long id = start; id < Math.min(total, start + perPage); id++) {
        body.append(id == start ? "" : ",").append("{\"id\":").append(id).append(",\"customer_id\":\"C")
            .append(id % 5000).append("\",\"amount\":").append((id * 37) % 100000 / 100.0).append(",\"status\":\"")
            .append(id % 3 == 0 ? "open" : "paid").append("\",\"updated_at\":\"")
            .append(FIRST.plusSeconds(60 * id).toString().replace('T', ' ').replace("Z", "")).append("\"}");
      }
      byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    System.out.println("sample api: http://127.0.0.1:" + port + "/orders (" + total + " orders)");
  }

  /** The first order id updated after {@code since}. */
  private static long firstAfter(String since) {
    if (since == null || since.isEmpty()) {
      return 0;
    }
    String iso = since.contains("T") ? since : since.replace(' ', 'T') + "Z";
    long seconds = Instant.parse(iso.endsWith("Z") ? iso : iso + "Z").getEpochSecond() - FIRST.getEpochSecond();
    return seconds < 0 ? 0 : seconds / 60 + 1;
  }

  private static Map<String, String> params(String query) {
    Map<String, String> out = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}
