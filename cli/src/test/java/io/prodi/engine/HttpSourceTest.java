package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.testing.CliRun;
import io.prodi.testing.Rows;
import io.prodi.testing.SharedSpark;
import io.prodi.testing.TestApi.Answer;
import io.prodi.testing.TestApi;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The http source against a real HTTP server on loopback. */
class HttpSourceTest extends EngineTestBase {
  private TestApi api;

  @BeforeEach
  void startApi() throws Exception {
    api = TestApi.start();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private String config(String source) {
    return folder.write("http.yml", "layer: raw\nstate: {uri: state}\nio:\n  source: {name: items, type: http, url: '"
        + api.url("/items") + "'" + (source.contains("retries:") ? "" : ", retries: {backoff: 0.01, max_backoff: 3}")
        + source + "}\n"
        + "  sink: {path: out/items}\n");
  }

  private CliRun run(String config, Map<String, String> env) {
    return SharedSpark.prodi(env, "run-layer", "-c", config, "--base-dir", tmp.toString());
  }

  private static String items(int from, int to) {
    StringBuilder out = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      out.append(i == from ? "" : ",").append("{\"id\":").append(i).append(",\"updated_at\":\"2024-06-0")
          .append(1 + i % 5).append(" 10:00:00\"}");
    }
    return out.append("]").toString();
  }

  private java.util.List<String> ids() {
    return Rows.of(read("parquet", "out/items"), "id");
  }

  @Test
  void pageNumberOffsetCursorLinkHeaderAndNextUrl() {
    api.on("/items", r -> {
      int page = Integer.parseInt(r.param("page"));
      return Answer.ok("{\"data\": " + (page <= 3 ? items(page * 10, page * 10 + 2) : "[]") + "}");
    });
    assertThat(run(config(", pagination: {strategy: page_number, page_size: 2}"), Map.of()).exitCode()).isZero();
    assertThat(ids()).containsExactly("10", "11", "20", "21", "30", "31");
    assertThat(api.requests.get(0).param("per_page")).isEqualTo("2");

    api.on("/items", r -> {
      int offset = Integer.parseInt(r.param("offset"));
      return Answer.ok("{\"results\": " + (offset < 5 ? items(offset, Math.min(offset + 2, 5)) : "[]") + "}");
    });
    assertThat(run(config(", pagination: {strategy: offset, page_size: 2}"), Map.of()).exitCode()).isZero();
    assertThat(ids()).containsExactly("0", "1", "2", "3", "4");

    api.on("/items", r -> {
      String cursor = r.param("after");
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      String next = from < 4 ? "\"" + (from + 2) + "\"" : "null";
      return Answer.ok("{\"items\": " + items(from, from + 2) + ", \"meta\": {\"next\": " + next + "}}");
    });
    assertThat(run(config(", pagination: {strategy: cursor, cursor_param: after, cursor_field: meta.next}"), Map.of())
        .exitCode()).isZero();
    assertThat(ids()).containsExactly("0", "1", "2", "3", "4", "5");

    api.on("/items", r -> {
      int page = r.param("p") == null ? 0 : Integer.parseInt(r.param("p"));
      Map<String, String> headers = page < 2 ? Map.of("Link", "</items?p=" + (page + 1) + ">; rel=\"next\", "
          + "</items?p=0>; rel=\"first\"") : Map.of();
      return new Answer(200, items(page * 10, page * 10 + 1), headers, 0);
    });
    assertThat(run(config(", pagination: {strategy: link_header}"), Map.of()).exitCode()).isZero();
    assertThat(ids()).containsExactly("0", "10", "20");

    api.on("/items", r -> {
      int page = r.param("p") == null ? 0 : Integer.parseInt(r.param("p"));
      String next = page < 1 ? "\"" + api.url("/items?p=" + (page + 1)) + "\"" : "null";
      return Answer.ok("{\"records\": " + items(page, page + 1) + ", \"links\": {\"next\": " + next + "}}");
    });
    assertThat(run(config(", pagination: {strategy: next_url, next_url_path: links.next}"), Map.of()).exitCode())
        .isZero();
    assertThat(ids()).containsExactly("0", "1");
  }

  @Test
  void anApiThatIgnoresThePageParameterIsStopped() {
    api.on("/items", r -> Answer.ok(items(0, 2)));
    CliRun run = run(config(", pagination: {strategy: page_number}"), Map.of());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).singleElement().asString().contains("page 2 is the same as page 1");
  }

  @Test
  void everyAuthTypeSendsItsCredentialAndTokensNeverAppear() {
    api.on("/items", r -> "Bearer tok-123456".equals(r.header("Authorization")) ? Answer.ok(items(0, 1))
        : Answer.status(401, "{}"));
    CliRun bearer = run(config(", auth: {type: bearer_env, token_env: API_TOKEN}"), Map.of("API_TOKEN", "tok-123456"));
    assertThat(bearer.exitCode()).as(bearer.toString()).isZero();
    assertThat(bearer.out() + bearer.err()).doesNotContain("tok-123456");

    api.on("/items", r -> "k-998877".equals(r.header("X-Key")) ? Answer.ok(items(0, 1)) : Answer.status(401, "{}"));
    assertThat(run(config(", auth: {type: api_key_header, header: X-Key, key_env: KEY}"), Map.of("KEY", "k-998877"))
        .exitCode()).isZero();

    api.on("/items", r -> "Basic dXNlcjpwYXNzd29yZA==".equals(r.header("Authorization")) ? Answer.ok(items(0, 1))
        : Answer.status(401, "{}"));
    assertThat(run(config(", auth: {type: basic, user_env: U, password_env: P}"), Map.of("U", "user", "P", "password"))
        .exitCode()).isZero();

    AtomicInteger tokens = new AtomicInteger();
    api.on("/token", r -> r.body.contains("client_id=cid") && r.body.contains("client_secret=csecret")
        ? Answer.ok("{\"access_token\": \"oauth-" + tokens.incrementAndGet() + "-xyz\"}") : Answer.status(400, "{}"));
    api.on("/items", r -> "Bearer oauth-2-xyz".equals(r.header("Authorization")) ? Answer.ok(items(0, 1))
        : Answer.status(401, "{\"error\":\"expired\"}"));
    CliRun oauth = run(config(", auth: {type: oauth2_client_credentials, token_url: '" + api.url("/token")
        + "', client_id_env: CID, client_secret_env: CSECRET}"), Map.of("CID", "cid", "CSECRET", "csecret"));
    assertThat(oauth.exitCode()).as(oauth.toString()).isZero();
    assertThat(tokens.get()).isEqualTo(2);
    assertThat(oauth.out() + oauth.err()).doesNotContain("oauth-1-xyz", "oauth-2-xyz", "csecret");
  }

  @Test
  void thePythonVersionsAuthKeysAuthenticate() {
    api.on("/items", r -> "Bearer tok-123456".equals(r.header("Authorization")) ? Answer.ok(items(0, 1))
        : Answer.status(401, "{}"));
    for (String alias : new String[] {"env", "var"}) {
      CliRun bearer = run(config(", auth: {type: bearer_env, " + alias + ": FINBANK_TOKEN}"),
          Map.of("FINBANK_TOKEN", "tok-123456"));
      assertThat(bearer.exitCode()).as(bearer.toString()).isZero();
      assertThat(bearer.out() + bearer.err()).doesNotContain("tok-123456");
      assertThat(ids()).containsExactly("0");
    }

    api.on("/items", r -> "k-998877".equals(r.header("X-Api-Key")) ? Answer.ok(items(0, 2)) : Answer.status(401, "{}"));
    CliRun apiKey = run(config(", auth: {type: api_key_header, name: X-Api-Key, value_env: KEY}"), Map.of("KEY", "k-998877"));
    assertThat(apiKey.exitCode()).as(apiKey.toString()).isZero();
    assertThat(ids()).containsExactly("0", "1");

    AtomicInteger tokens = new AtomicInteger();
    api.on("/token", r -> r.body.contains("client_id=cid") && r.body.contains("client_secret=csecret")
        && r.body.contains("resource=ledger") ? Answer.ok("{\"access_token\": \"py-" + tokens.incrementAndGet() + "\"}")
        : Answer.status(400, "{}"));
    api.on("/items", r -> "Bearer py-1".equals(r.header("Authorization")) ? Answer.ok(items(0, 3)) : Answer.status(401, "{}"));
    CliRun oauth = run(config(", auth: {type: oauth2_client_credentials, url: '" + api.url("/token")
        + "', client_id_var: CID, client_secret_var: CSECRET, params: {resource: ledger}}"),
        Map.of("CID", "cid", "CSECRET", "csecret"));
    assertThat(oauth.exitCode()).as(oauth.toString()).isZero();
    assertThat(tokens.get()).isEqualTo(1);
    assertThat(ids()).containsExactly("0", "1", "2");
    assertThat(oauth.out() + oauth.err()).doesNotContain("py-1", "csecret");
  }

  @Test
  void anAliasWithoutItsVariableStillFailsBeforeAnyRequest() {
    CliRun run = run(config(", auth: {type: bearer_env, env: NOT_SET_ANYWHERE}"), Map.of());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("NOT_SET_ANYWHERE");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void a401ThatNoRefreshCanFixFailsAtOnce() {
    api.on("/items", r -> Answer.status(401, "{\"error\":\"bad token\"}"));
    CliRun run = run(config(", auth: {type: bearer_env, token_env: T}"), Map.of("T", "wrong-token"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).containsExactly("prodi: error: Cannot call " + api.url("/items")
        + ": HTTP 401 ({\"error\":\"bad token\"})");
    assertThat(api.requests).hasSize(1);
  }

  @Test
  void retryAfterOn429AndABurstOf503sAreRetried() {
    AtomicInteger calls = new AtomicInteger();
    api.on("/items", r -> calls.incrementAndGet() == 1
        ? new Answer(429, "{}", Map.of("Retry-After", "1"), 0) : Answer.ok(items(0, 2)));
    long start = System.nanoTime();
    assertThat(run(config(""), Map.of()).exitCode()).isZero();
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
    AtomicInteger burst = new AtomicInteger();
    api.on("/items", r -> burst.incrementAndGet() <= 3 ? Answer.status(503, "busy") : Answer.ok(items(0, 3)));
    assertThat(run(config(", retries: {max_attempts: 4, backoff: 0.01}"), Map.of()).exitCode()).isZero();
    assertThat(burst.get()).isEqualTo(4);
    assertThat(ids()).hasSize(3);
  }

  @Test
  void aTimeoutFailsAfterTheRetries() {
    api.on("/items", r -> new Answer(200, items(0, 1), Map.of(), 1500));
    CliRun run = run(config(", timeout: 0.3, retries: {max_attempts: 2, backoff: 0.01}"), Map.of());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).containsExactly("prodi: error: Cannot call " + api.url("/items")
        + ": no answer within 0.3 s, 2 attempts (timeout)");
  }

  @Test
  void truncatedJsonOrAFailureOnALaterPageWritesNothingAndLeavesNoStaging() {
    api.on("/items", r -> Answer.ok("{\"data\": [{\"id\": 1}, {\"id\""));
    CliRun truncated = run(config(""), Map.of());
    assertThat(truncated.exitCode()).isEqualTo(1);
    assertThat(truncated.errors()).singleElement().asString()
        .startsWith("prodi: error: Cannot parse page 1 of " + api.url("/items") + ": not complete JSON");
    api.on("/items", r -> Integer.parseInt(r.param("page")) < 3 ? Answer.ok(items(0, 2)
        .replace("\"id\":0", "\"id\":" + r.param("page"))) : Answer.status(500, "boom"));
    CliRun failed = run(config(", pagination: {strategy: page_number}, retries: {max_attempts: 1}"), Map.of());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.errors()).singleElement().asString().endsWith(": HTTP 500 after 1 attempts (boom)");
    assertThat(tmp.resolve("out/items")).doesNotExist();
    assertThat(tmp.resolve("data/_staging").toFile().list()).isNullOrEmpty();
  }

  @Test
  void anIncrementalRunSendsTheStoredWatermark() {
    api.on("/items", r -> Answer.ok(items(0, 3)));
    String cfg = config(", incremental: {watermark: {field: updated_at, param: since}}");
    JsonNode first = run(cfg, Map.of()).summary();
    assertThat(api.requests.get(0).param("since")).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(first.get("watermarks").get(0).get("after").asText()).isEqualTo("2024-06-03 10:00:00");
    api.on("/items", r -> Answer.ok(items(3, 5)));
    JsonNode second = run(cfg, Map.of()).summary();
    assertThat(api.requests.get(1).param("since")).isEqualTo("2024-06-03 10:00:00");
    assertThat(second.get("sources").get(0).get("rows").asLong()).isEqualTo(2);
    assertThat(second.get("watermarks").get(0).get("after").asText()).isEqualTo("2024-06-05 10:00:00");
  }

  @Test
  void theRateLimitSpacesRequestsAcrossPages() {
    api.on("/items", r -> {
      int page = Integer.parseInt(r.param("page"));
      return Answer.ok(page <= 3 ? items(page, page + 1) : "[]");
    });
    long start = System.nanoTime();
    assertThat(run(config(", pagination: {strategy: page_number}, rate_limit: {requests_per_minute: 200}"), Map.of())
        .exitCode()).isZero();
    // 4 requests at most 200 a minute: at least 3 gaps of 300 ms
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(900);
    assertThat(api.requests).hasSize(4);
  }

  @Test
  void httpsWithAnUntrustedCertificateIsRefused() throws Exception {
    java.nio.file.Path keystore = tmp.resolve("server.p12");
    Process keytool = new ProcessBuilder(java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "keytool")
        .toString(), "-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).isZero();
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance("SunX509");
    keys.init(store, "changeit".toCharArray());
    javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    try (TestApi https = TestApi.startHttps(tls)) {
      https.on("/items", r -> Answer.ok(items(0, 1)));
      String cfg = folder.write("https.yml", "layer: raw\nio:\n  source: {type: http, url: '" + https.url("/items")
          + "'}\n  sink: {path: out/https}\n");
      CliRun run = run(cfg, Map.of());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.errors()).singleElement().asString().startsWith("prodi: error: Cannot call " + https.url("/items")
          + ": TLS failed, the server's certificate is not trusted (");
      assertThat(https.requests).isEmpty();
    }
  }

  @Test
  void bearerAuthSendsItsTokenInTheConfiguredHeaderWithTheConfiguredPrefix() {
    api.on("/items", r -> "Token tok-abcdef".equals(r.header("X-Auth")) && r.header("Authorization") == null
        ? Answer.ok(items(0, 1)) : Answer.status(401, "{}"));
    CliRun run = run(config(", auth: {type: bearer_env, token_env: T, header: X-Auth, prefix: Token}"),
        Map.of("T", "tok-abcdef"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    api.on("/items", r -> "tok-abcdef".equals(r.header("Authorization")) ? Answer.ok(items(0, 1))
        : Answer.status(401, "{}"));
    assertThat(run(config(", auth: {type: bearer_env, token_env: T, prefix: ''}"), Map.of("T", "tok-abcdef"))
        .exitCode()).isZero();
  }

  @Test
  void aRecordsPathThatMatchesNothingFailsInsteadOfReadingNoRecords() {
    api.on("/items", r -> Answer.ok("{\"data\": {\"rows\": [{\"id\": 1}]}}"));
    CliRun run = run(config(", records_path: data.items"), Map.of());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).containsExactly("prodi: error: Cannot find the records of " + api.url("/items")
        + ": the response has nothing at records_path data.items (keys: data)");
    assertThat(tmp.resolve("out/items")).doesNotExist();
    api.on("/items", r -> Answer.ok("{\"data\": {\"items\": null}}"));
    assertThat(run(config(", records_path: data.items, schema: 'id INT'"), Map.of()).exitCode()).isZero();
  }

  @Test
  void aDayWithoutRecordsKeepsTheSchemasColumnsSoTheSqlStillRuns() {
    api.on("/items", r -> Answer.ok("{\"data\": []}"));
    String cfg = folder.write("quiet.yml", "layer: raw\nio:\n  source: {name: items, type: http, url: '"
        + api.url("/items") + "', schema: 'id INT, updated_at TIMESTAMP'}\n  sink: {path: out/quiet}\n"
        + "transform: {sql: 'SELECT id, date(updated_at) AS day FROM items'}\n");
    CliRun quiet = run(cfg, Map.of());
    assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
    assertThat(read("parquet", "out/quiet").columns()).containsExactly("id", "day");
    assertThat(read("parquet", "out/quiet").count()).isZero();
    api.on("/items", r -> Answer.ok("{\"data\": [{\"id\": 7, \"updated_at\": \"2024-06-01 10:00:00\", \"x\": 1}]}"));
    assertThat(run(cfg, Map.of()).exitCode()).isZero();
    assertThat(Rows.of(read("parquet", "out/quiet"))).containsExactly("7|2024-06-01");
  }
}
