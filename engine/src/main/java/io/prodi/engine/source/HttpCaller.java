package io.prodi.engine.source;

import io.prodi.run.RunFailure;
import io.prodi.source.HttpRetrySpec;
import io.prodi.source.HttpSourceSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One request of an http source, with its retries (429, 5xx, the status_forcelist and network errors;
 * exponential backoff with jitter; Retry-After honoured and capped), the rate limit across pages,
 * and the auth header. TLS certificates are verified by the JDK client: an untrusted one fails at once.
 */
final class HttpCaller {
  private final HttpSourceSpec spec;
  private final HttpClient client;
  private final HttpAuth auth;
  private final long minimumIntervalNanos;
  private long lastRequest;

  HttpCaller(HttpSourceSpec spec, HttpClient client, HttpAuth auth) {
    this.spec = spec;
    this.client = client;
    this.auth = auth;
    this.minimumIntervalNanos = spec.retries().requestsPerMinute().map(rpm -> 60_000_000_000L / rpm).orElse(0L);
  }

  HttpResponse<String> call(URI uri) {
    HttpRetrySpec retries = spec.retries();
    boolean refreshed = false;
    for (int attempt = 1; ; attempt++) {
      pace();
      HttpResponse<String> response;
      try {
        response = client.send(request(uri), HttpResponse.BodyHandlers.ofString());
      } catch (javax.net.ssl.SSLException e) {
        throw new RunFailure("Cannot call " + uri + ": TLS failed, the server's certificate is not trusted ("
            + e.getMessage() + ")", e);
      } catch (HttpTimeoutException e) {
        if (attempt >= retries.maxAttempts()) {
          throw new RunFailure("Cannot call " + uri + ": no answer within " + spec.timeoutSeconds() + " s, "
              + attempt + " attempts (timeout)", e);
        }
        sleep(delay(attempt, null));
        continue;
      } catch (IOException e) {
        if (attempt >= retries.maxAttempts()) {
          throw new RunFailure("Cannot call " + uri + ": " + e.getMessage() + " after " + attempt + " attempts", e);
        }
        sleep(delay(attempt, null));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RunFailure("Cannot call " + uri + ": interrupted", e);
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return response;
      }
      if (status == 401 && !refreshed && auth.refresh()) {
        refreshed = true;
        continue;
      }
      boolean retryable = status == 429 || status / 100 == 5 || retries.statusForcelist().contains(status);
      if (!retryable || attempt >= retries.maxAttempts()) {
        throw new RunFailure("Cannot call " + uri + ": HTTP " + status + (retryable ? " after " + attempt
            + " attempts" : "") + " (" + HttpPages.excerpt(response.body()) + ")");
      }
      sleep(delay(attempt, response.headers().firstValue("Retry-After").orElse(null)));
    }
  }

  private HttpRequest request(URI uri) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMillis((long) (spec.timeoutSeconds() * 1000))).header("Accept", "application/json");
    for (Map.Entry<String, String> header : spec.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    auth.header().ifPresent(h -> builder.header(h[0], h[1]));
    String method = spec.method().toUpperCase(java.util.Locale.ROOT);
    if (spec.body().isPresent()) {
      builder.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(spec.body().get().toString()));
    } else {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  /** Waits so that requests keep to rate_limit.requests_per_minute. */
  private void pace() {
    if (minimumIntervalNanos > 0 && lastRequest > 0) {
      long wait = lastRequest + minimumIntervalNanos - System.nanoTime();
      if (wait > 0) {
        sleep(wait / 1_000_000);
      }
    }
    lastRequest = System.nanoTime();
  }

  /** Milliseconds before the next attempt: Retry-After when given, else backoff * 2^(attempt-1) with jitter. */
  long delay(int attempt, String retryAfter) {
    HttpRetrySpec retries = spec.retries();
    long cap = (long) (retries.maxBackoffSeconds() * 1000);
    if (retryAfter != null) {
      Long seconds = retryAfterMillis(retryAfter.trim());
      if (seconds != null) {
        return Math.min(cap, Math.max(0, seconds));
      }
    }
    double base = retries.backoff() * Math.pow(2, attempt - 1) * 1000;
    double jitter = 1 + retries.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
    return Math.min(cap, (long) (base * jitter));
  }

  private static Long retryAfterMillis(String value) {
    try {
      return (long) (Double.parseDouble(value) * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Duration.between(ZonedDateTime.now(when.getZone()), when).toMillis();
      } catch (java.time.format.DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(Math.max(0, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailure("Cannot wait before retrying: interrupted", e);
    }
  }
}
