package io.prodi.compat.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One change to a config tree, addressed by the path of the mapping it changes: the loader applies it
 * to the parsed tree, {@code prodi migrate} replays it on the file's YAML nodes so comments survive.
 */
public final class TreeEdit {
  /** What the edit does to {@code key} of the mapping at {@code parent}. */
  public enum Kind { RENAME, REMOVE, PUT }

  private final List<Object> parent;
  private final String key;
  private final Kind kind;
  private final String newKey;
  private final JsonNode value;
  private final String near;

  private TreeEdit(List<Object> parent, String key, Kind kind, String newKey, JsonNode value, String near) {
    this.parent = List.copyOf(parent);
    this.key = key;
    this.kind = kind;
    this.newKey = newKey;
    this.value = value;
    this.near = near;
  }

  static TreeEdit rename(List<Object> parent, String key, String newKey) {
    return new TreeEdit(parent, key, Kind.RENAME, newKey, null, null);
  }

  static TreeEdit remove(List<Object> parent, String key) {
    return new TreeEdit(parent, key, Kind.REMOVE, null, null, null);
  }

  static TreeEdit put(List<Object> parent, String key, JsonNode value, String near) {
    return new TreeEdit(parent, key, Kind.PUT, null, value.deepCopy(), near);
  }

  /** The keys (strings) and list indexes (integers) from the root to the mapping the edit changes. */
  public List<Object> parent() {
    return parent;
  }

  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** The new name of a {@link Kind#RENAME}. */
  public String newKey() {
    return newKey;
  }

  /** For a {@link Kind#PUT} of a new key: the key of the same mapping it is written before, if any. */
  public java.util.Optional<String> near() {
    return java.util.Optional.ofNullable(near);
  }

  /** The value a {@link Kind#PUT} sets. */
  public JsonNode value() {
    return value;
  }
}
