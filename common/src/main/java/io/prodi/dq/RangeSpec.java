package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code range}: the column lies within {@code min} and {@code max}, both inclusive, either optional. */
public final class RangeSpec extends ExpectationSpec {
  private final String min;
  private final String max;

  /** What a bound is; two bounds of a range must be of one kind. */
  private enum Kind {
    NUMBER, DATE, TIMESTAMP
  }

  private RangeSpec(Basics basics, ConfigNode node) {
    super(basics, column(node));
    Kind minKind = kind(node.get("min"));
    Kind maxKind = kind(node.get("max"));
    this.min = minKind == null ? null : node.get("min").text();
    this.max = maxKind == null ? null : node.get("max").text();
    if (!node.has("min") && !node.has("max")) {
      node.error("Cannot check a range: give min, max or both (neither)");
    } else if (minKind != null && maxKind != null && (minKind == Kind.NUMBER) != (maxKind == Kind.NUMBER)) {
      node.get("max").error("Cannot check a range: min and max must both be numbers or both dates/timestamps (" + minKind.name().toLowerCase(
          java.util.Locale.ROOT) + " " + min + ", " + maxKind.name().toLowerCase(java.util.Locale.ROOT) + " " + max + ")");
    } else if (minKind != null && maxKind != null && compare(minKind, min.trim(), max.trim()) > 0) {
      node.get("min").error("Cannot check a range: min is greater than max, so every row would fail (" + min
          + " > " + max + ")");
    }
  }

  static RangeSpec bind(ConfigNode node, Basics basics) {
    return new RangeSpec(basics, node);
  }

  /**
   * A bound's kind: a number, an ISO date (yyyy-MM-dd) or an ISO timestamp, each a real one (no month 13, no
   * 30 February). Anything else ({@code 1e8x}) would compare as text and silently turn the check off, so it is
   * an error with its path.
   */
  private static Kind kind(ConfigNode node) {
    String text = node.text();
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (number(trimmed) != null) {
      return Kind.NUMBER;
    }
    if (date(trimmed) != null) {
      return Kind.DATE;
    }
    if (timestamp(trimmed) != null) {
      return Kind.TIMESTAMP;
    }
    node.error("Cannot read " + node.key() + ": expected a number, a date (yyyy-MM-dd) or a timestamp "
        + "(yyyy-MM-dd HH:mm:ss) that exists (" + text + ")");
    return null;
  }

  private static int compare(Kind kind, String min, String max) {
    return kind == Kind.NUMBER ? number(min).compareTo(number(max)) : instant(min).compareTo(instant(max));
  }

  /** A date as its midnight, so that a date and a timestamp compare as Spark compares them. */
  private static LocalDateTime instant(String text) {
    LocalDate day = date(text);
    return day != null ? day.atStartOfDay() : timestamp(text);
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDateTime timestamp(String text) {
    String iso = text.replace(' ', 'T');
    try {
      return OffsetDateTime.parse(iso).toLocalDateTime();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(iso);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  public String column() {
    return columns().get(0);
  }

  public Optional<String> min() {
    return Optional.ofNullable(min);
  }

  public Optional<String> max() {
    return Optional.ofNullable(max);
  }
}
