package io.prodi.compat.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Python version's data-quality forms: {@code expectations} as a mapping
 * ({@code {min_row_count: 1, expect_columns_to_exist: [...], require_not_null: [...]}}), the same keys
 * directly under {@code dq}, and {@code checks}: all become entries of the {@code expectations} list.
 */
final class DqForms {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> MAPPING_KEYS = new TreeSet<>(Set.of(
      "min_row_count", "max_row_count", "expect_columns_to_exist", "require_not_null", "require_unique"));

  private DqForms() {}

  static void apply(Rewrite rewrite, List<Object> dq) {
    JsonNode block = rewrite.at(dq);
    if (!block.isObject()) {
      return;
    }
    ArrayNode list = NODES.arrayNode();
    JsonNode expectations = block.path("expectations");
    boolean changed = false;
    if (expectations.isArray()) {
      list.addAll(((ArrayNode) expectations).deepCopy());
    } else if (expectations.isObject()) {
      changed |= mappingForm(rewrite, Rewrite.child(dq, "expectations"), expectations, list);
    }
    for (String key : new String[] {"min_row_count", "expect_columns_to_exist"}) {
      if (block.has(key)) {
        ObjectNode one = NODES.objectNode();
        one.set(key, block.get(key));
        changed |= mappingForm(rewrite, dq, one, list);
        rewrite.remove(dq, key);
      }
    }
    JsonNode checks = block.path("checks");
    if (checks.isArray() && checks.size() == 0) {
      rewrite.ignore(dq, "checks", "an empty list of checks");
    } else if (checks.isArray()) {
      list.addAll(((ArrayNode) checks).deepCopy());
      rewrite.remove(dq, "checks");
      changed = true;
    }
    if (changed) {
      rewrite.put(dq, "expectations", list);
    }
  }

  /** Adds the list entries of a mapping-form block; false when one of its keys is unknown (reported). */
  private static boolean mappingForm(Rewrite rewrite, List<Object> at, JsonNode mapping, ArrayNode list) {
    List<String> keys = new ArrayList<>();
    mapping.fieldNames().forEachRemaining(keys::add);
    boolean known = true;
    for (String key : keys) {
      JsonNode value = mapping.get(key);
      switch (key) {
        case "min_row_count":
        case "max_row_count":
          list.add(NODES.objectNode().put("type", key).set("value", value));
          break;
        case "expect_columns_to_exist":
          list.add(NODES.objectNode().put("type", "columns_exist").set("columns", value));
          break;
        case "require_not_null":
        case "require_unique":
          for (JsonNode column : value.isArray() ? value : NODES.arrayNode().add(value)) {
            list.add(NODES.objectNode().put("type", key.equals("require_unique") ? "unique" : "not_null")
                .set("column", column));
          }
          break;
        default:
          rewrite.findings().error(Rewrite.show(at, key), "Cannot use key '" + key + "' in the mapping form of "
              + "expectations: unknown key" + io.prodi.yaml.ClosestName.hint(key, MAPPING_KEYS)
              + " (valid keys: " + String.join(", ", MAPPING_KEYS) + ")");
          known = false;
      }
    }
    return known;
  }
}
