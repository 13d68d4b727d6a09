package io.prodi.sink;

import java.util.Locale;
import java.util.Optional;

/** How a sink writes; {@link #NOOP} for a sink that writes nothing. Shown by its lower-case id. */
public enum WriteMode {
  OVERWRITE, APPEND, ERROR, IGNORE, MERGE, SCD2, NOOP;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a word names ({@code errorifexists} is {@code error}), if any. */
  static Optional<WriteMode> fromWord(String word) {
    String id = word.toLowerCase(Locale.ROOT);
    if (id.equals("errorifexists")) {
      return Optional.of(ERROR);
    }
    for (WriteMode mode : values()) {
      if (mode != NOOP && mode.id().equals(id)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  /** Whether a rerun of the same rows would add them again: what exactly-once must guard. */
  public boolean appends() {
    return this == APPEND;
  }

  /** Whether it upserts on {@code merge.keys} (merge: latest row per key; scd2: a row per version): Delta only. */
  public boolean mergesByKey() {
    return this == MERGE || this == SCD2;
  }

  @Override
  public String toString() {
    return id();
  }
}
