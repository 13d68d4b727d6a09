package io.prodi.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.storage.Loopback;
import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: http}: records from a paginated HTTP API. */
public final class HttpSourceSpec implements SourceSpec {
  public static final Set<String> KEYS = Set.of("type", "name", "url", "method", "headers", "params", "body",
      "timeout", "records_path", "pagination", "rate_limit", "retries", "auth", "incremental", "staging",
      "cursor_param", "cursor_field", "schema");
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch");
  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key",
      "api-key", "apikey", "x-auth-token", "cookie");

  private final String name;
  private final String url;
  private final String method;
  private final Map<String, String> headers;
  private final Map<String, String> params;
  private final JsonNode body;
  private final double timeoutSeconds;
  private final String recordsPath;
  private final HttpPaginationSpec pagination;
  private final HttpRetrySpec retries;
  private final HttpAuthSpec auth;
  private final WatermarkSpec watermark;
  private final String staging;
  private final String schema;

  private HttpSourceSpec(ConfigNode node, String url, String method, Double timeout) {
    this.name = node.get("name").text();
    this.url = url;
    this.method = method;
    this.headers = node.get("headers").textMap();
    this.params = node.get("params").textMap();
    this.body = node.get("body").isMissing() ? null : node.get("body").raw().deepCopy();
    this.timeoutSeconds = timeout == null ? 30.0 : timeout;
    this.recordsPath = node.get("records_path").text();
    this.pagination = HttpPaginationSpec.bind(node.get("pagination"), node);
    this.retries = HttpRetrySpec.bind(node.get("retries"), node.get("rate_limit"));
    this.auth = HttpAuthSpec.bind(node.get("auth"));
    this.watermark = WatermarkSpec.bind(node.get("incremental"), Set.of("param")).orElse(null);
    this.staging = node.get("staging").text();
    this.schema = node.get("schema").text();
  }

  static HttpSourceSpec bind(ConfigNode node) {
    node.allowKeys("an http source", KEYS);
    String url = node.get("url").requiredText("the API URL");
    if (url != null) {
      checkUrl(node.get("url"), url);
    }
    String method = Optional.ofNullable(node.get("method").oneOf("HTTP method", METHODS)).orElse("get");
    Double timeout = node.get("timeout").number();
    if (timeout != null && timeout <= 0) {
      node.get("timeout").error("Cannot use timeout: must be a positive number of seconds (" + timeout + ")");
      timeout = null;
    }
    node.get("headers").entries().forEach((header, value) -> {
      if (SECRET_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
        value.error("Cannot send a literal credential in header " + header
            + ": use auth with a variable's name instead (value hidden)");
      }
    });
    if (!node.get("body").isMissing() && method.equals("get")) {
      node.get("body").error("Cannot send a body with GET: use method POST, PUT or PATCH (GET)");
    }
    String schema = node.get("schema").text();
    if (schema != null) {
      io.prodi.transform.SqlSyntax.schemaError(schema).ifPresent(e ->
          node.get("schema").error("Cannot parse schema: " + e + " (" + node.get("schema").shown() + ")"));
    }
    return new HttpSourceSpec(node, url, method, timeout);
  }

  private static void checkUrl(ConfigNode node, String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      node.error("Cannot call " + url + ": expected an http:// or https:// URL (" + url + ")");
    } else if (lower.startsWith("http://") && !Loopback.urlHost(url).map(Loopback::isLoopbackHost).orElse(false)) {
      node.error("Cannot call " + url + ": plain http:// turns TLS off, allowed only on a loopback address ("
          + url + ")");
    }
  }

  @Override
  public String type() {
    return "http";
  }

  @Override
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public Optional<WatermarkSpec> watermark() {
    return Optional.ofNullable(watermark);
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return method.toUpperCase(Locale.ROOT) + " " + url;
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.of(io.prodi.storage.DatasetName.http(url));
  }

  public String url() {
    return url;
  }

  public String method() {
    return method;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Map<String, String> params() {
    return params;
  }

  public Optional<JsonNode> body() {
    return Optional.ofNullable(body).map(JsonNode::deepCopy);
  }

  public double timeoutSeconds() {
    return timeoutSeconds;
  }

  public Optional<String> recordsPath() {
    return Optional.ofNullable(recordsPath);
  }

  public HttpPaginationSpec pagination() {
    return pagination;
  }

  public HttpRetrySpec retries() {
    return retries;
  }

  public HttpAuthSpec auth() {
    return auth;
  }

  /** The records' columns as a DDL string: applied to what the API returns, and the columns on a day with none. */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  public Optional<String> staging() {
    return Optional.ofNullable(staging);
  }
}
