package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code range}: the column lies within {@code min} and {@code max}, both inclusive, either optional. */
public final class RangeSpec extends ExpectationSpec {
  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+Z?)?");

  private final String min;
  private final String max;

  private RangeSpec(Basics basics, ConfigNode node) {
    super(basics, column(node));
    this.min = bound(node.get("min"));
    this.max = bound(node.get("max"));
    if (!node.has("min") && !node.has("max")) {
      node.error("Cannot check a range: give min, max or both (neither)");
    } else if (min != null && max != null) {
      Integer order = compare(min.trim(), max.trim());
      if (order != null && order > 0) {
        node.get("min").error("Cannot check a range: min is greater than max, so every row would fail (" + min
            + " > " + max + ")");
      }
    }
  }

  static RangeSpec bind(ConfigNode node, Basics basics) {
    return new RangeSpec(basics, node);
  }

  /**
   * A bound: a number, or an ISO date or timestamp. Anything else ({@code 1e8x}) would compare as text
   * and silently turn the check off, so it is an error with its path.
   */
  private static String bound(ConfigNode node) {
    String text = node.text();
    if (text == null) {
      return null;
    }
    try {
      new BigDecimal(text.trim());
      return text;
    } catch (NumberFormatException notNumber) {
      if (ISO.matcher(text.trim()).matches()) {
        return text;
      }
      node.error("Cannot read " + node.key() + ": expected a number, a date (yyyy-MM-dd) or a timestamp ("
          + text + ")");
      return null;
    }
  }

  /** The order of two bounds read as numbers, or as ISO dates/timestamps; null when neither reads both. */
  private static Integer compare(String min, String max) {
    try {
      return new BigDecimal(min).compareTo(new BigDecimal(max));
    } catch (NumberFormatException notNumbers) {
      if (ISO.matcher(min).matches() && ISO.matcher(max).matches()) {
        return min.replace(' ', 'T').compareTo(max.replace(' ', 'T'));
      }
      return null;
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
