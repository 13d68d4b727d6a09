package io.prodi.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.env.SecretMasker;
import java.util.Locale;
import java.util.Map;

/** The resolved config as one log line: keys sorted, secret-looking values and URL passwords masked. */
final class ConfigLog {
  private static final ObjectMapper SORTED = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ConfigLog() {}

  static String line(JsonNode tree) {
    JsonNode copy = tree.deepCopy();
    maskSecretKeys(copy);
    try {
      return SORTED.writeValueAsString(SORTED.convertValue(copy, Map.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return "(config not printable: " + e.getOriginalMessage() + ")";
    }
  }

  private static void maskSecretKeys(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object.fieldNames().forEachRemaining(key -> {
        JsonNode value = object.get(key);
        if (value.isValueNode() && isSecretKey(key)) {
          object.put(key, SecretMasker.MASK);
        } else {
          maskSecretKeys(value);
        }
      });
    } else if (node.isArray()) {
      node.forEach(ConfigLog::maskSecretKeys);
    }
  }

  private static boolean isSecretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return !lower.endsWith("_env") && (lower.contains("password") || lower.contains("secret")
        || lower.contains("token") || lower.equals("authorization") || lower.contains("api_key"));
  }
}
