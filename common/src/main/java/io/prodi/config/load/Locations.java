package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A location is one setting made of several keys ({@code uri}, {@code path}, {@code uris}, ...): when a
 * layer config says where its source or sink is, none of the dataset's location keys stay beside it.
 */
final class Locations {
  private static final Set<String> KEYS = Set.of(
      "uri", "path", "uris", "relative_path", "local_fallback", "use_local_fallback", "preferred_protocol");

  private Locations() {}

  /** {@code defaults} without the location keys of each {@code io} spec that {@code layer} locates itself. */
  static JsonNode withoutOverridden(JsonNode defaults, JsonNode layer) {
    if (!defaults.isObject()) {
      return defaults;
    }
    ObjectNode out = ((ObjectNode) defaults).deepCopy();
    for (String side : new String[] {"source", "sink"}) {
      JsonNode own = layer.path("io").path(side);
      JsonNode given = out.path("io").path(side);
      if (own.isObject() && given.isObject() && KEYS.stream().anyMatch(k -> !k.equals("use_local_fallback")
          && !k.equals("preferred_protocol") && own.has(k))) {
        ((ObjectNode) given).remove(KEYS);
      }
    }
    return out;
  }
}
