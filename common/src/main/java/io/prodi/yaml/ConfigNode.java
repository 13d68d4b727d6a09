package io.prodi.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A position in a parsed YAML tree, with its YAML path, that binds values into config classes and
 * records every problem it meets in the shared {@link Findings} instead of stopping at the first.
 * A missing value reads as {@code null}; a value of the wrong type is reported and reads as null.
 */
public final class ConfigNode {
  private final JsonNode value;
  private final String path;
  private final Findings findings;

  private ConfigNode(JsonNode value, String path, Findings findings) {
    this.value = value;
    this.path = path;
    this.findings = findings;
  }

  public static ConfigNode root(JsonNode value, Findings findings) {
    return new ConfigNode(value, "", findings);
  }

  public String path() {
    return path.isEmpty() ? "$" : path;
  }

  /** The last segment of the path: the key a message talks about. */
  public String key() {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path() : path.substring(dot + 1);
  }

  public Findings findings() {
    return findings;
  }

  public JsonNode raw() {
    return value;
  }

  public boolean isMissing() {
    return value == null || value.isMissingNode() || value.isNull();
  }

  public boolean isMap() {
    return value != null && value.isObject();
  }

  public boolean isList() {
    return value != null && value.isArray();
  }

  public boolean isScalar() {
    return value != null && value.isValueNode() && !value.isNull();
  }

  public boolean has(String key) {
    return isMap() && value.has(key) && !value.get(key).isNull();
  }

  public ConfigNode get(String key) {
    String childPath = path.isEmpty() ? key : path + "." + key;
    return new ConfigNode(isMap() ? value.get(key) : null, childPath, findings);
  }

  /** This position with no value: for a step written as a bare name. */
  public ConfigNode withoutValue() {
    return new ConfigNode(null, path, findings);
  }

  /** Another value at this path: for a shorthand rewritten into its long form. */
  public ConfigNode withValue(JsonNode other) {
    return new ConfigNode(other, path, findings);
  }

  /** This mapping without one key, at the same path: for a mapping that mixes two specs. */
  public ConfigNode withoutKey(String key) {
    if (!isMap()) {
      return this;
    }
    com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) value).deepCopy();
    copy.remove(key);
    return new ConfigNode(copy, path, findings);
  }

  /** The elements of a list; a missing value is an empty list, anything else is reported. */
  public List<ConfigNode> elements() {
    List<ConfigNode> out = new ArrayList<>();
    if (isMissing()) {
      return out;
    }
    if (!isList()) {
      expected("a list");
      return out;
    }
    for (int i = 0; i < value.size(); i++) {
      out.add(new ConfigNode(value.get(i), path + "[" + i + "]", findings));
    }
    return out;
  }

  /** A list, or a single mapping read as a list of one (as {@code io.source} allows). */
  public List<ConfigNode> oneOrMany() {
    if (isMap()) {
      return List.of(this);
    }
    return elements();
  }

  /** The entries of a mapping, in file order; a missing value is empty, anything else is reported. */
  public Map<String, ConfigNode> entries() {
    Map<String, ConfigNode> out = new LinkedHashMap<>();
    if (isMissing()) {
      return out;
    }
    if (!isMap()) {
      expected("a mapping");
      return out;
    }
    Iterator<String> names = value.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      out.put(name, get(name));
    }
    return out;
  }

  /** Reports every key of this mapping that is not one of {@code allowed}, with the closest one. */
  public ConfigNode allowKeys(String what, Collection<String> allowed) {
    if (!isMap()) {
      if (!isMissing()) {
        expected("a mapping");
      }
      return this;
    }
    Iterator<String> names = value.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        findings.unknownKey(get(name).path(), path(),
            "Cannot use key '" + name + "' in " + what + ": unknown key"
                + ClosestName.hint(name, allowed)
                + " (valid keys: " + String.join(", ", new TreeSet<>(allowed)) + ")", ClosestName.of(name, allowed));
      }
    }
    return this;
  }

  /** A scalar as text (numbers and booleans as written), or null when missing. */
  public String text() {
    return ConfigValues.text(this);
  }

  /** A scalar as text that must be there and not blank; either problem is reported and reads as null. */
  public String requiredText(String what) {
    return ConfigValues.requiredText(this, what);
  }

  /** A YAML boolean; the strings "true"/"false" are an error, as asks. */
  public Boolean bool() {
    return ConfigValues.bool(this);
  }

  public boolean bool(boolean fallback) {
    return ConfigValues.bool(this, fallback);
  }

  /** A whole number; anything else is reported. */
  public Long integer() {
    return ConfigValues.integer(this);
  }

  /** A whole number from 1 to Integer.MAX_VALUE; anything else is reported. */
  public Integer positiveInt() {
    return ConfigValues.positiveInt(this);
  }

  public Double number() {
    return ConfigValues.number(this);
  }

  /** A list of scalars; a single scalar reads as a list of one. */
  public List<String> textList() {
    return ConfigValues.textList(this);
  }

  /** A mapping of scalars (Spark options, headers, Hadoop keys) as text. */
  public Map<String, String> textMap() {
    return ConfigValues.textMap(this);
  }

  /** One of {@code allowed} (compared in lower case), or null; anything else is reported. */
  public String oneOf(String what, Collection<String> allowed) {
    return ConfigValues.oneOf(this, what, allowed);
  }

  public void unknown(String what, String name, Collection<String> allowed) {
    findings.error(
        path(),
        "Cannot use " + what + " '" + name + "': unknown " + what
            + ClosestName.hint(name, allowed)
            + " (valid: " + String.join(", ", allowed instanceof List ? allowed : new TreeSet<>(allowed)) + ")");
  }

  public void missing(String what) {
    findings.error(path(), "Cannot read " + key() + ": " + what + " is required (missing)");
  }

  public void expected(String what) {
    findings.error(
        path(), "Cannot read " + key() + ": expected " + what + " (" + shown() + ")");
  }

  public void error(String message) {
    findings.error(path(), message);
  }

  public void warning(String message) {
    findings.warning(path(), message);
  }

  /** The value as a message shows it: short, on one line. */
  public String shown() {
    return ConfigValues.shown(this);
  }
}
