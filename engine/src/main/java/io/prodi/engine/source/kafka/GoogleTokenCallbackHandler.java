package io.prodi.engine.source.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

/**
 * {@code auth: {type: google}}: the Kafka client's OAUTHBEARER token for Google's Managed Service for Apache Kafka,
 * made from the machine's own service account (a Dataproc cluster's, a Serverless batch's): its e-mail and an
 * access token from the metadata server (the JDK's HTTP client; {@code GCE_METADATA_HOST} names another host, as
 * Google's libraries allow), wrapped as the service expects: three base64url parts joined by dots, a header naming
 * the Google token type, the claims (subject = the e-mail, scope {@code kafka}, issued and expiry times), and the
 * access token itself. The Kafka client asks again before the token expires.
 */
public final class GoogleTokenCallbackHandler implements AuthenticateCallbackHandler {
  /** The JAAS option that names the metadata server (host[:port]). */
  public static final String METADATA_HOST = "metadataHost";
  private static final String DEFAULT_HOST = "metadata.google.internal";
  private static final String ACCOUNT = "/computeMetadata/v1/instance/service-accounts/default/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String host = DEFAULT_HOST;

  @Override
  public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
    if (!"OAUTHBEARER".equals(saslMechanism)) {
      throw new IllegalArgumentException("Cannot authenticate to Google's Kafka with " + saslMechanism
          + ": the google auth type uses OAUTHBEARER (" + saslMechanism + ")");
    }
    for (AppConfigurationEntry entry : jaasConfigEntries) {
      Object given = entry.getOptions().get(METADATA_HOST);
      if (given != null && !given.toString().isBlank()) {
        host = given.toString();
      }
    }
  }

  @Override
  public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
    for (Callback callback : callbacks) {
      if (!(callback instanceof OAuthBearerTokenCallback)) {
        throw new UnsupportedCallbackException(callback);
      }
      ((OAuthBearerTokenCallback) callback).token(token());
    }
  }

  private OAuthBearerToken token() throws IOException {
    String email = get("email").trim();
    JsonNode access = JSON.readTree(get("token"));
    String accessToken = access.path("access_token").asText(null);
    if (accessToken == null) {
      throw new IOException("Cannot authenticate to Google's Kafka: the metadata server gave no access token (" + host
          + ")");
    }
    Instant issued = Instant.now();
    Instant expires = issued.plusSeconds(access.path("expires_in").asLong(0));
    return new GoogleToken(value(email, accessToken, issued, expires), email, issued, expires);
  }

  /** The token the service expects: base64url(header) . base64url(claims) . base64url(access token). */
  static String value(String email, String accessToken, Instant issued, Instant expires) {
    String header = JSON.createObjectNode().put("typ", "JWT").put("alg", "GOOG_OAUTH2_TOKEN").toString();
    String claims = JSON.createObjectNode().put("exp", expires.getEpochSecond()).put("iat", issued.getEpochSecond())
        .put("scope", "kafka").put("sub", email).toString();
    return String.join(".", encode(header), encode(claims), encode(accessToken));
  }

  private static String encode(String text) {
    return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private String get(String item) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ACCOUNT + item))
        .header("Metadata-Flavor", "Google").timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("Cannot authenticate to Google's Kafka: the metadata server answered HTTP "
            + response.statusCode() + " for the service account's " + item + " (" + host + ")");
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Cannot authenticate to Google's Kafka: interrupted (" + host + ")", e);
    } catch (java.net.ConnectException e) {
      throw new IOException("Cannot authenticate to Google's Kafka: no metadata server at " + host + " (this machine is "
          + "not a Google Cloud VM; use auth type plain with a service-account key instead) (" + host + ")", e);
    }
  }

  @Override
  public void close() {}

  /** The token as the Kafka client holds it. */
  private static final class GoogleToken implements OAuthBearerToken {
    private final String value;
    private final String principal;
    private final Instant issued;
    private final Instant expires;

    GoogleToken(String value, String principal, Instant issued, Instant expires) {
      this.value = value;
      this.principal = principal;
      this.issued = issued;
      this.expires = expires;
    }

    @Override
    public String value() {
      return value;
    }

    @Override
    public Set<String> scope() {
      return Set.of("kafka");
    }

    @Override
    public long lifetimeMs() {
      return expires.toEpochMilli();
    }

    @Override
    public String principalName() {
      return principal;
    }

    @Override
    public Long startTimeMs() {
      return issued.toEpochMilli();
    }
  }
}
