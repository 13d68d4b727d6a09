package io.prodi.engine.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.callback.Callback;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The google auth type's token path against a stand-in for the metadata server (a local HTTP server answering as
 * Compute Engine's does, and only to requests that carry its Metadata-Flavor header): the token is the service's
 * three base64url parts made from the account and the access token the server gave; failures say what and where.
 */
class GoogleTokenCallbackHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer metadata;
  private final AtomicInteger tokenStatus = new AtomicInteger(200);

  @BeforeEach
  void start() throws IOException {
    metadata = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String account = "/computeMetadata/v1/instance/service-accounts/default/";
    metadata.createContext(account + "email", exchange -> answer(exchange, 200, "prodi-runner@lake.iam.gserviceaccount.com"));
    metadata.createContext(account + "token", exchange -> answer(exchange, tokenStatus.get(),
        "{\"access_token\":\"ya29.stub-token\",\"expires_in\":3599,\"token_type\":\"Bearer\"}"));
    metadata.start();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
    boolean flavoured = "Google".equals(exchange.getRequestHeaders().getFirst("Metadata-Flavor"));
    byte[] bytes = (flavoured ? body : "missing Metadata-Flavor").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(flavoured ? status : 403, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @AfterEach
  void stop() {
    metadata.stop(0);
  }

  private GoogleTokenCallbackHandler handler() {
    GoogleTokenCallbackHandler handler = new GoogleTokenCallbackHandler();
    handler.configure(Map.of(), "OAUTHBEARER", List.of(new AppConfigurationEntry(
        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule",
        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
        Map.of(GoogleTokenCallbackHandler.METADATA_HOST, "127.0.0.1:" + metadata.getAddress().getPort()))));
    return handler;
  }

  private static JsonNode part(String token, int index) throws IOException {
    String decoded = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    return index == 2 ? JSON.getNodeFactory().textNode(decoded) : JSON.readTree(decoded);
  }

  @Test
  void theTokenCarriesTheAccountAndTheAccessTokenTheMetadataServerGave() throws Exception {
    OAuthBearerTokenCallback callback = new OAuthBearerTokenCallback();
    long before = System.currentTimeMillis() / 1000;
    handler().handle(new Callback[] {callback});
    OAuthBearerToken token = callback.token();
    assertThat(token.principalName()).isEqualTo("prodi-runner@lake.iam.gserviceaccount.com");
    assertThat(token.scope()).containsExactly("kafka");
    assertThat(token.value().split("\\.")).hasSize(3);
    assertThat(part(token.value(), 0).toString()).isEqualTo("{\"typ\":\"JWT\",\"alg\":\"GOOG_OAUTH2_TOKEN\"}");
    JsonNode claims = part(token.value(), 1);
    assertThat(claims.path("sub").asText()).isEqualTo("prodi-runner@lake.iam.gserviceaccount.com");
    assertThat(claims.path("scope").asText()).isEqualTo("kafka");
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3599);
    assertThat(claims.path("iat").asLong()).isBetween(before, before + 5);
    assertThat(part(token.value(), 2).asText()).isEqualTo("ya29.stub-token");
    assertThat(token.lifetimeMs() - token.startTimeMs()).isEqualTo(3_599_000L);
  }

  @Test
  void aRefusedTokenOrNoMetadataServerIsOneClearError() {
    tokenStatus.set(403);
    assertThatThrownBy(() -> handler().handle(new Callback[] {new OAuthBearerTokenCallback()}))
        .isInstanceOf(IOException.class).hasMessageStartingWith("Cannot authenticate to Google's Kafka: the metadata "
            + "server answered HTTP 403 for the service account's token (127.0.0.1:");
    metadata.stop(0);
    assertThatThrownBy(() -> handler().handle(new Callback[] {new OAuthBearerTokenCallback()}))
        .isInstanceOf(IOException.class).hasMessageContaining("no metadata server at 127.0.0.1:");
    assertThatThrownBy(() -> new GoogleTokenCallbackHandler().configure(Map.of(), "PLAIN", List.of()))
        .hasMessage("Cannot authenticate to Google's Kafka with PLAIN: the google auth type uses OAUTHBEARER (PLAIN)");
  }
}
