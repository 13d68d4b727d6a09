package io.prodi.engine.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.HttpAuthSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The credentials of an http source, read from the named variables at run time: a header for bearer,
 * API key and basic auth; for OAuth2 client credentials, a token fetched once and refreshed once
 * after a 401. Every value read (user names and client ids too) is registered with the console's masker.
 */
final class HttpAuth {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpAuthSpec spec;
  private final StepContext context;
  private final HttpClient client;
  private final Duration timeout;
  private String oauthToken;

  HttpAuth(HttpAuthSpec spec, StepContext context, HttpClient client, Duration timeout) {
    this.spec = spec;
    this.context = context;
    this.client = client;
    this.timeout = timeout;
  }

  /** The header to send, if the auth type sends one: name and value. */
  Optional<String[]> header() {
    switch (spec.type()) {
      case "bearer_env":
        String prefix = spec.setting("prefix").orElse("Bearer");
        return Optional.of(new String[] {spec.setting("header").orElse("Authorization"),
            (prefix.isEmpty() ? "" : prefix + " ") + secret("token_env")});
      case "api_key_header":
        return Optional.of(new String[] {spec.setting("header").orElse("X-API-Key"), secret("key_env")});
      case "basic_env":
        String pair = secret("user_env") + ":" + secret("password_env");
        return Optional.of(new String[] {"Authorization", "Basic "
            + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))});
      case "oauth2_client_credentials":
        if (oauthToken == null) {
          oauthToken = fetchToken();
        }
        return Optional.of(new String[] {"Authorization", "Bearer " + oauthToken});
      default:
        return Optional.empty();
    }
  }

  /** After a 401: whether a new credential may help (an OAuth2 token, refreshed once). */
  boolean refresh() {
    if (!spec.type().equals("oauth2_client_credentials") || oauthToken == null) {
      return false;
    }
    oauthToken = fetchToken();
    return true;
  }

  private String fetchToken() {
    String tokenUrl = spec.setting("token_url").orElseThrow();
    StringBuilder form = new StringBuilder("grant_type=client_credentials")
        .append("&client_id=").append(encode(secret("client_id_env")))
        .append("&client_secret=").append(encode(secret("client_secret_env")));
    spec.setting("scope").ifPresent(s -> form.append("&scope=").append(encode(s)));
    spec.setting("audience").ifPresent(a -> form.append("&audience=").append(encode(a)));
    spec.tokenParams().forEach((key, value) -> form.append('&').append(encode(key)).append('=').append(encode(value)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new RunFailure("Cannot get an OAuth2 token: HTTP " + response.statusCode() + " from " + tokenUrl
            + " (" + HttpPages.excerpt(response.body()) + ")");
      }
      JsonNode body = JSON.readTree(response.body());
      String token = body.path("access_token").asText(null);
      if (token == null) {
        throw new RunFailure("Cannot get an OAuth2 token: no access_token in the answer of " + tokenUrl);
      }
      context.console().addSecrets(List.of(token));
      return token;
    } catch (java.io.IOException e) {
      throw new RunFailure("Cannot get an OAuth2 token: " + e.getMessage() + " (" + tokenUrl + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailure("Cannot get an OAuth2 token: interrupted (" + tokenUrl + ")", e);
    }
  }

  private String secret(String key) {
    String value = variable(key);
    context.console().addSecrets(List.of(value));
    return value;
  }

  private String variable(String key) {
    String name = spec.setting(key).orElseThrow();
    return context.env().credential(name).orElseThrow(() -> new RunFailure(
        "Cannot authenticate: environment variable " + name + " is not set (" + name + ")"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
