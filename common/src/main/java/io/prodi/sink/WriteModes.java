package io.prodi.sink;

import io.prodi.yaml.ConfigNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code mode} and {@code merge} of a sink, shared by files and table sinks. */
final class WriteModes {
  static final Set<String> MERGE_KEYS = Set.of("keys");
  /** Every word {@code mode} accepts. */
  static final Set<String> WORDS = Set.of("overwrite", "append", "error", "errorifexists", "ignore", "merge");
  /** The modes of files and table sinks. */
  static final Set<WriteMode> ALL = EnumSet.complementOf(EnumSet.of(WriteMode.NOOP));

  private WriteModes() {}

  static WriteMode mode(ConfigNode node, WriteMode defaultMode, Set<WriteMode> allowed) {
    String given = node.get("mode").text();
    if (given == null) {
      return defaultMode;
    }
    Optional<WriteMode> mode = WriteMode.fromWord(given).filter(allowed::contains);
    if (mode.isEmpty()) {
      Set<String> ids = new TreeSet<>();
      allowed.forEach(m -> ids.add(m.id()));
      node.get("mode").unknown("write mode", given, ids);
      return defaultMode;
    }
    return mode.get();
  }

  /** {@code merge.keys}, required for (and only for) mode merge. */
  static List<String> mergeKeys(ConfigNode node, WriteMode mode) {
    ConfigNode merge = node.get("merge");
    merge.allowKeys("merge", MERGE_KEYS);
    List<String> keys = merge.get("keys").textList();
    if (mode == WriteMode.MERGE && keys.isEmpty()) {
      merge.get("keys").error("Cannot merge: merge.keys must name the key columns of the upsert (missing)");
    }
    if (mode != WriteMode.MERGE && !merge.isMissing()) {
      merge.error("Cannot use merge keys with mode " + mode + ": they apply to mode merge (" + merge.shown() + ")");
    }
    return keys;
  }

  static Optional<Integer> positive(ConfigNode node) {
    return Optional.ofNullable(node.positiveInt());
  }
}
