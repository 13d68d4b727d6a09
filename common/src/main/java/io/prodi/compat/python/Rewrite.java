package io.prodi.compat.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.yaml.Findings;
import java.util.ArrayList;
import java.util.List;

/**
 * A config tree being rewritten from the Python version's forms into the canonical ones: every change
 * is applied to a copy of the tree and recorded as a {@link TreeEdit}; keys without effect are removed
 * with one warning each, which is also what {@code prodi migrate} reports.
 */
public final class Rewrite {
  /** The warning's ending: what removes the key for good. */
  static final String MIGRATE_REMOVES = "; prodi migrate removes it";

  private final ObjectNode root;
  private final Findings findings;
  private final List<TreeEdit> edits = new ArrayList<>();
  private final List<String> forHuman = new ArrayList<>();

  Rewrite(ObjectNode tree, Findings findings) {
    this.root = tree.deepCopy();
    this.findings = findings;
  }

  /** The rewritten tree. */
  public ObjectNode tree() {
    return root;
  }

  public List<TreeEdit> edits() {
    return List.copyOf(edits);
  }

  /** Lines about keys that had an intent the Java prodi cannot carry out: a person decides. */
  public List<String> forHuman() {
    return List.copyOf(forHuman);
  }

  Findings findings() {
    return findings;
  }

  /** The node at {@code path}, or a missing node. */
  JsonNode at(List<Object> path) {
    JsonNode node = root;
    for (Object segment : path) {
      node = segment instanceof Integer ? node.path((Integer) segment) : node.path((String) segment);
    }
    return node;
  }

  /** The mapping at {@code path}, or null when there is none. */
  ObjectNode map(List<Object> path) {
    JsonNode node = at(path);
    return node.isObject() ? (ObjectNode) node : null;
  }

  /** Renames {@code from} to {@code to}; when both are set to different values that is an error. */
  void rename(List<Object> parent, String from, String to) {
    ObjectNode map = map(parent);
    if (map == null || !map.has(from)) {
      return;
    }
    if (map.has(to)) {
      if (!map.get(to).equals(map.get(from))) {
        findings.error(show(parent, from), "Cannot set " + to + " twice: " + from + " is the Python version's name "
            + "for it (" + map.get(from).asText() + ", " + map.get(to).asText() + ")");
        return;
      }
      remove(parent, from);
      return;
    }
    ObjectNode renamed = map.objectNode();
    map.fields().forEachRemaining(e -> renamed.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue()));
    map.removeAll();
    map.setAll(renamed);
    edits.add(TreeEdit.rename(parent, from, to));
  }

  void remove(List<Object> parent, String key) {
    ObjectNode map = map(parent);
    if (map != null && map.remove(key) != null) {
      edits.add(TreeEdit.remove(parent, key));
    }
  }

  void put(List<Object> parent, String key, JsonNode value) {
    put(parent, key, value, null);
  }

  /** As {@link #put}; a new key goes in the file just before {@code near} (the key it moved out of). */
  void put(List<Object> parent, String key, JsonNode value, String near) {
    ObjectNode map = map(parent);
    if (map != null) {
      map.set(key, value.deepCopy());
      edits.add(TreeEdit.put(parent, key, value, near));
    }
  }

  /** Removes a key that has no effect, with the one warning the contract promises (§11). */
  void ignore(List<Object> parent, String key, String why) {
    JsonNode value = at(parent).path(key);
    if (value.isMissingNode()) {
      return;
    }
    findings.warning(show(parent, key), "Ignoring " + key + ": " + why + MIGRATE_REMOVES + " (" + shown(value) + ")");
    remove(parent, key);
    if (!parent.isEmpty() && parent.get(parent.size() - 1) instanceof String && at(parent).size() == 0) {
      remove(parent.subList(0, parent.size() - 1), (String) parent.get(parent.size() - 1)); // nothing left in it
    }
  }

  /** As {@link #ignore}, for a key whose intent a person must carry over by hand. */
  void ignoreForHuman(List<Object> parent, String key, String why) {
    JsonNode value = at(parent).path(key);
    if (!value.isMissingNode()) {
      forHuman.add(show(parent, key) + ": " + why + " (" + shown(value) + ")");
      ignore(parent, key, why);
    }
  }

  static List<Object> child(List<Object> parent, Object... more) {
    List<Object> out = new ArrayList<>(parent);
    out.addAll(List.of(more));
    return out;
  }

  /** A YAML path as messages show it: {@code io.source[0].auth}. */
  static String show(List<Object> parent, String key) {
    StringBuilder out = new StringBuilder();
    for (Object segment : parent) {
      if (segment instanceof Integer) {
        out.append('[').append(segment).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(segment);
      }
    }
    return key == null ? out.toString() : out.length() == 0 ? key : out + "." + key;
  }

  private static String shown(JsonNode value) {
    String text = value.isValueNode() ? value.asText() : value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
