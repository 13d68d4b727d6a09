package io.prodi.dq;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of expectation types (CONTRACT.md §6), keyed by the lower-case {@code type}: each with
 * its scope and its keys. How each is evaluated is the engine's {@code Rules}, one small class per type.
 */
public enum ExpectationType {
  NOT_NULL(Scope.ROW, "column"),
  UNIQUE(Scope.KEY, "column", "columns"),
  NON_NEGATIVE(Scope.ROW, "column"),
  VALID_VALUES(Scope.ROW, "column", "values"),
  RANGE(Scope.ROW, "column", "min", "max"),
  CONDITION(Scope.ROW, "expr"),
  REGEX(Scope.ROW, "column", "pattern"),
  MIN_ROW_COUNT(Scope.TABLE, "value"),
  MAX_ROW_COUNT(Scope.TABLE, "value"),
  COLUMNS_EXIST(Scope.SCHEMA, "columns"),
  FRESHNESS(Scope.TABLE, "column", "max_age"),
  REFERENTIAL(Scope.JOIN, "column", "ref");

  /** What an expectation looks at, which decides how it is evaluated and whether rows can be dropped. */
  public enum Scope {
    /** Each row passes or fails on its own: all of them are evaluated in one aggregation. */
    ROW,
    /** Rows fail together on a key (unique): one grouped job per key set. */
    KEY,
    /** A property of the whole output (row counts, freshness). */
    TABLE,
    /** The schema alone, checked before any job. */
    SCHEMA,
    /** A lookup in another source: one join. */
    JOIN
  }

  private static final Map<String, ExpectationType> BY_ID =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ExpectationType::id, Function.identity()));

  private final Scope scope;
  private final Set<String> keys;

  ExpectationType(Scope scope, String... keys) {
    this.scope = scope;
    Set<String> all = new java.util.HashSet<>(CommonKeys.KEYS);
    all.addAll(Arrays.asList(keys));
    this.keys = Set.copyOf(all);
  }

  /** Keys every type has; a holder class, since enum constants are built before the enum's static fields. */
  private static final class CommonKeys {
    static final Set<String> KEYS = Set.of("type", "name", "severity", "on_fail", "description");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Scope scope() {
    return scope;
  }

  /** Whether failing rows can be told apart, so that {@code drop} and {@code quarantine} apply. */
  public boolean isRowLevel() {
    return scope == Scope.ROW;
  }

  public Set<String> keys() {
    return keys;
  }

  public static Optional<ExpectationType> fromId(String id) {
    return Optional.ofNullable(BY_ID.get(id.toLowerCase(Locale.ROOT)));
  }

  public static Set<String> ids() {
    return new TreeSet<>(BY_ID.keySet());
  }
}
