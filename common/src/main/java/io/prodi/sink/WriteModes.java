package io.prodi.sink;

import io.prodi.yaml.ConfigNode;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code mode} and {@code merge} of a sink, shared by files and table sinks. */
final class WriteModes {
  static final Set<String> MERGE_KEYS = MergeSpec.KEYS;
  /** Every word {@code mode} accepts. */
  static final Set<String> WORDS = Set.of("overwrite", "append", "error", "errorifexists", "ignore", "merge", "scd2");
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

  static Optional<Integer> positive(ConfigNode node) {
    return Optional.ofNullable(node.positiveInt());
  }
}
