package io.prodi.sink;

import io.prodi.config.yaml.ConfigNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code mode} and {@code merge} of a sink, shared by files and table sinks. */
final class WriteModes {
  static final Set<String> MERGE_KEYS = Set.of("keys");
  static final Map<String, String> MODES = Map.of("overwrite", "overwrite", "append", "append", "error", "error",
      "errorifexists", "error", "ignore", "ignore", "merge", "merge");

  private WriteModes() {}

  static String mode(ConfigNode node, String defaultMode, Set<String> allowed) {
    String given = node.get("mode").text();
    if (given == null) {
      return defaultMode;
    }
    String mode = MODES.get(given.toLowerCase(java.util.Locale.ROOT));
    if (mode == null || !allowed.contains(mode)) {
      node.get("mode").unknown("write mode", given, allowed);
      return defaultMode;
    }
    return mode;
  }

  /** {@code merge.keys}, required for (and only for) mode merge. */
  static List<String> mergeKeys(ConfigNode node, String mode) {
    ConfigNode merge = node.get("merge");
    merge.allowKeys("merge", MERGE_KEYS);
    List<String> keys = merge.get("keys").textList();
    if (mode.equals("merge") && keys.isEmpty()) {
      merge.get("keys").error("Cannot merge: merge.keys must name the key columns of the upsert (missing)");
    }
    if (!mode.equals("merge") && !merge.isMissing()) {
      merge.error("Cannot use merge keys with mode " + mode + ": they apply to mode merge (" + merge.shown() + ")");
    }
    return keys;
  }

  static Optional<Integer> positive(ConfigNode node) {
    return Optional.ofNullable(node.positiveInt());
  }
}
