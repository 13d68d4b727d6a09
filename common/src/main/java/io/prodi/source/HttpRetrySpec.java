package io.prodi.source;

import io.prodi.yaml.ConfigNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code retries} and {@code rate_limit} of an http source. */
public final class HttpRetrySpec {
  public static final Set<String> RATE_LIMIT_KEYS = Set.of("requests_per_minute");
  public static final Set<String> KEYS = Set.of("max_attempts", "backoff", "jitter", "status_forcelist", "max_backoff");

  private final int maxAttempts;
  private final double backoff;
  private final double jitter;
  private final List<Integer> statusForcelist;
  private final double maxBackoffSeconds;
  private final Integer requestsPerMinute;

  private HttpRetrySpec(int maxAttempts, double backoff, double jitter, List<Integer> statusForcelist,
      double maxBackoffSeconds, Integer requestsPerMinute) {
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.jitter = jitter;
    this.statusForcelist = List.copyOf(statusForcelist);
    this.maxBackoffSeconds = maxBackoffSeconds;
    this.requestsPerMinute = requestsPerMinute;
  }

  static HttpRetrySpec bind(ConfigNode retries, ConfigNode rateLimit) {
    retries.allowKeys("retries", KEYS);
    rateLimit.allowKeys("rate_limit", RATE_LIMIT_KEYS);
    List<Integer> statuses = new java.util.ArrayList<>();
    for (ConfigNode status : retries.get("status_forcelist").elements()) {
      Long code = status.integer();
      if (code != null && (code < 100 || code > 599)) {
        status.error("Cannot retry on status " + code + ": not an HTTP status (" + code + ")");
      } else if (code != null) {
        statuses.add(code.intValue());
      }
    }
    Integer attempts = retries.get("max_attempts").positiveInt();
    return new HttpRetrySpec(attempts == null ? 3 : attempts,
        nonNegative(retries.get("backoff"), 1.5), nonNegative(retries.get("jitter"), 0.25), statuses,
        nonNegative(retries.get("max_backoff"), 60.0), rateLimit.get("requests_per_minute").positiveInt());
  }

  private static double nonNegative(ConfigNode node, double fallback) {
    Double value = node.number();
    if (value != null && value < 0) {
      node.error("Cannot use " + node.key() + ": must not be negative (" + value + ")");
      return fallback;
    }
    return value == null ? fallback : value;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public double backoff() {
    return backoff;
  }

  public double jitter() {
    return jitter;
  }

  /** Statuses retried besides 429 and 5xx, which always are. */
  public List<Integer> statusForcelist() {
    return statusForcelist;
  }

  public double maxBackoffSeconds() {
    return maxBackoffSeconds;
  }

  public Optional<Integer> requestsPerMinute() {
    return Optional.ofNullable(requestsPerMinute);
  }
}
