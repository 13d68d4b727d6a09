package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.config.Findings;
import java.util.Map;

/**
 * Rewrites the Python version's places for file references into the current keys: the {@code paths:}
 * block ({@code dataset}, {@code environment}, {@code database}) and {@code dataset_config} /
 * {@code environment_config} under {@code io.source} (CONTRACT.md §3.4).
 */
final class LegacyKeys {
  private static final Map<String, String> PATHS = Map.of(
      "dataset", "dataset_config", "environment", "environment_config", "database", "database_config");

  private LegacyKeys() {}

  static ObjectNode apply(ObjectNode tree, Findings findings) {
    ObjectNode root = tree.deepCopy();
    JsonNode paths = root.remove("paths");
    if (paths != null && paths.isObject()) {
      paths.fieldNames().forEachRemaining(key -> {
        String target = PATHS.get(key);
        if (target == null) {
          findings.error("paths." + key, "Cannot use key '" + key + "' in paths: unknown key, "
              + io.prodi.config.ClosestName.hint(key, PATHS.keySet()) + "(valid keys: database, dataset, environment)");
        } else {
          hoist(root, target, paths.get(key), "paths." + key, findings);
        }
      });
    } else if (paths != null && !paths.isNull()) {
      findings.error("paths", "Cannot read paths: expected a mapping (" + paths + ")");
    }
    JsonNode source = root.path("io").path("source");
    if (source.isObject()) {
      ObjectNode sourceNode = (ObjectNode) source;
      for (String key : new String[] {"dataset_config", "environment_config"}) {
        JsonNode value = sourceNode.remove(key);
        if (value != null) {
          hoist(root, key, value, "io.source." + key, findings);
        }
      }
    }
    return root;
  }

  private static void hoist(ObjectNode root, String key, JsonNode value, String from, Findings findings) {
    if (root.has(key) && !root.get(key).equals(value)) {
      findings.error(from, "Cannot set " + key + " twice: it is also set at the top level ("
          + root.get(key).asText() + ", " + value.asText() + ")");
      return;
    }
    root.set(key, value);
  }
}
