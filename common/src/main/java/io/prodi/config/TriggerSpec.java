package io.prodi.config;

import io.prodi.yaml.ConfigNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code trigger} of a layer that reads a stream: {@code available_now} (the default) reads what is new when
 * the run starts, in micro-batches, then stops; {@code {every: PT1M}} runs one micro-batch per interval until
 * the process is asked to stop, giving the batch in flight {@code stop_grace} to finish.
 */
public final class TriggerSpec {
  public static final Set<String> KEYS = Set.of("every", "stop_grace");
  public static final String AVAILABLE_NOW = "available_now";
  private static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

  private final Duration every;
  private final Duration stopGrace;

  private TriggerSpec(Duration every, Duration stopGrace) {
    this.every = every;
    this.stopGrace = stopGrace;
  }

  public static TriggerSpec availableNow() {
    return new TriggerSpec(null, DEFAULT_GRACE);
  }

  static TriggerSpec bind(ConfigNode node) {
    if (node.isMissing()) {
      return availableNow();
    }
    if (node.isScalar()) {
      String given = node.text();
      if (!AVAILABLE_NOW.equals(given)) {
        node.error("Cannot run with trigger " + given + ": expected available_now or a mapping {every: PT1M} ("
            + given + ")");
      }
      return availableNow();
    }
    node.allowKeys("trigger", KEYS);
    Duration every = duration(node.get("every"), true);
    Duration grace = Optional.ofNullable(duration(node.get("stop_grace"), false)).orElse(DEFAULT_GRACE);
    if (every != null && (every.isZero() || every.isNegative())) {
      node.get("every").error("Cannot run every " + every + ": the interval must be positive (" + every + ")");
    }
    return new TriggerSpec(every, grace);
  }

  private static Duration duration(ConfigNode node, boolean required) {
    String text = required ? node.requiredText("the interval between micro-batches (an ISO-8601 duration, PT1M)")
        : node.text();
    if (text == null) {
      return null;
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      node.error("Cannot read " + node.key() + ": expected an ISO-8601 duration such as PT30S or PT1M (" + text + ")");
      return null;
    }
  }

  /** Whether it keeps running, one micro-batch per interval, until stopped. */
  public boolean continuous() {
    return every != null;
  }

  /** The interval between the starts of two micro-batches, for a continuous trigger. */
  public Optional<Duration> every() {
    return Optional.ofNullable(every);
  }

  /** How long a micro-batch in flight may finish after the process is asked to stop. */
  public Duration stopGrace() {
    return stopGrace;
  }

  /** How plans and the summary show it. */
  public String describe() {
    return every == null ? AVAILABLE_NOW : "every " + every;
  }
}
