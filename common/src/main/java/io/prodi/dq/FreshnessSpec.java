package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** {@code freshness}: the newest value of a timestamp column is at most {@code max_age} old. */
public final class FreshnessSpec extends ExpectationSpec {
  private final Duration maxAge;

  private FreshnessSpec(Basics basics, ConfigNode node) {
    super(basics, column(node));
    String text = node.get("max_age").requiredText("the maximum age (an ISO-8601 duration)");
    Duration parsed = null;
    try {
      parsed = text == null ? null : Duration.parse(text);
    } catch (DateTimeParseException e) {
      node.get("max_age").error("Cannot read max_age: expected an ISO-8601 duration such as PT6H or P1D (" + text + ")");
    }
    this.maxAge = parsed;
  }

  static FreshnessSpec bind(ConfigNode node, Basics basics) {
    return new FreshnessSpec(basics, node);
  }

  public String column() {
    return columns().get(0);
  }

  public Duration maxAge() {
    return maxAge;
  }
}
