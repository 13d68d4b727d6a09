package io.prodi.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link ConfigNode} reads its value as a typed one: booleans, whole and decimal numbers, lists,
 * mappings of scalars, one word of a set. A value of the wrong kind is reported at the node's path and
 * read as absent, so that validation goes on and reports every problem of a file.
 */
final class ConfigValues {
  private static final int SHOWN_VALUE_LENGTH = 60;

  private ConfigValues() {}

  static String text(ConfigNode node) {
    if (node.isMissing()) {
      return null;
    }
    if (!node.isScalar()) {
      node.expected("a single value");
      return null;
    }
    return node.raw().asText();
  }

  static String requiredText(ConfigNode node, String what) {
    String text = text(node);
    if (node.isMissing()) {
      node.missing(what);
    } else if (text != null && text.isBlank()) {
      node.error("Cannot read " + node.key() + ": " + what + " must not be empty ('')");
      return null;
    }
    return text;
  }

  static String shown(ConfigNode node) {
    if (node.isMissing()) {
      return "null";
    }
    JsonNode value = node.raw();
    String text = value.isValueNode() ? value.asText() : value.toString();
    text = text.replaceAll("\\s+", " ").trim();
    return text.length() > SHOWN_VALUE_LENGTH ? text.substring(0, SHOWN_VALUE_LENGTH) + "..." : text;
  }

  /** A YAML boolean; the strings "true"/"false" are an error, as asks. */
  static Boolean bool(ConfigNode node) {
    if (node.isMissing()) {
      return null;
    }
    if (!node.raw().isBoolean()) {
      node.expected("a YAML boolean (true or false, unquoted)");
      return null;
    }
    return node.raw().booleanValue();
  }

  static boolean bool(ConfigNode node, boolean fallback) {
    Boolean read = bool(node);
    return read == null ? fallback : read;
  }

  static Long integer(ConfigNode node) {
    if (node.isMissing()) {
      return null;
    }
    if (!node.raw().isIntegralNumber()) {
      node.expected("a whole number");
      return null;
    }
    return node.raw().longValue();
  }

  static Integer positiveInt(ConfigNode node) {
    Long read = integer(node);
    if (read != null && (read < 1 || read > Integer.MAX_VALUE)) {
      node.error("Cannot use " + node.key() + ": must be a positive whole number (" + read + ")");
      return null;
    }
    return read == null ? null : read.intValue();
  }

  static Double number(ConfigNode node) {
    if (node.isMissing()) {
      return null;
    }
    if (!node.raw().isNumber()) {
      node.expected("a number");
      return null;
    }
    return node.raw().doubleValue();
  }

  /** A list of scalars; a single scalar reads as a list of one. */
  static List<String> textList(ConfigNode node) {
    if (node.isMissing()) {
      return List.of();
    }
    if (node.isScalar()) {
      return List.of(node.raw().asText());
    }
    List<String> out = new ArrayList<>();
    for (ConfigNode element : node.elements()) {
      String text = element.text();
      if (text != null) {
        out.add(text);
      }
    }
    return List.copyOf(out);
  }

  /** A mapping of scalars (Spark options, headers, Hadoop keys) as text. */
  static Map<String, String> textMap(ConfigNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.entries().forEach((k, v) -> {
      String text = v.text();
      if (text != null) {
        out.put(k, text);
      }
    });
    return java.util.Collections.unmodifiableMap(out);
  }

  /** One of {@code allowed} (compared in lower case), or null; anything else is reported. */
  static String oneOf(ConfigNode node, String what, Collection<String> allowed) {
    String text = node.text();
    if (text == null) {
      return null;
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(lower)) {
      node.unknown(what, text, allowed);
      return null;
    }
    return lower;
  }
}
