package io.prodi.transform;

import io.prodi.yaml.ConfigNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code dedupe: {keys: [...], order_by: [...]}}: keeps the first row per key in that order. */
public final class DedupeStep implements PreStep {
  public static final java.util.Set<String> KEYS = java.util.Set.of("keys", "order_by");
  private static final Pattern ORDER_ITEM =
      Pattern.compile("(?i)\\s*`?[A-Za-z_][\\w.]*`?(\\s+(asc|desc))?(\\s+nulls\\s+(first|last))?\\s*");

  private final List<String> keys;
  private final List<String> orderBy;

  private DedupeStep(List<String> keys, List<String> orderBy) {
    this.keys = List.copyOf(keys);
    this.orderBy = List.copyOf(orderBy);
  }

  static DedupeStep bind(ConfigNode node) {
    node.allowKeys("dedupe", KEYS);
    List<String> keys = node.get("keys").textList();
    if (keys.isEmpty()) {
      node.get("keys").missing("the key columns");
    }
    List<String> orderBy = node.get("order_by").textList();
    for (String item : orderBy) {
      if (!ORDER_ITEM.matcher(item).matches()) {
        node.get("order_by").error("Cannot order dedupe by '" + item
            + "': expected a column with an optional asc/desc and nulls first/last (" + item + ")");
      }
    }
    return new DedupeStep(keys, orderBy);
  }

  @Override
  public String type() {
    return "dedupe";
  }

  public List<String> keys() {
    return keys;
  }

  /** The order within a key; the first row in it is kept. */
  public List<String> orderBy() {
    return orderBy;
  }

  @Override
  public String describe() {
    return "dedupe on " + String.join(", ", keys) + (orderBy.isEmpty() ? "" : " keeping first by "
        + String.join(", ", orderBy));
  }
}
