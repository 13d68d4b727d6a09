package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One expectation type of the {@link ExpectationTypes} registry: its {@code type} name, what it looks at
 * (its scope), the keys its mapping accepts and how that mapping binds to its spec class. How each is
 * evaluated is the engine's {@code Rules}, keyed by the same names.
 */
public final class ExpectationType {
  /** Keys every expectation has. */
  static final Set<String> COMMON_KEYS = Set.of("type", "name", "severity", "on_fail", "description");

  /** What an expectation looks at, which decides how it is evaluated and whether rows can be dropped. */
  public enum Scope {
    /** Each row passes or fails on its own: all of them are evaluated in one aggregation. */
    ROW,
    /** Rows fail together on a key (unique, primary_key). */
    KEY,
    /** A property of the whole output (row counts, freshness). */
    TABLE,
    /** The schema alone, checked before any job. */
    SCHEMA,
    /** A lookup in another source: one join. */
    JOIN
  }

  /** Binds the type's own keys of a mapping whose common keys are already read. */
  interface Binder {
    ExpectationSpec bind(ConfigNode node, ExpectationSpec.Basics basics);
  }

  private final String id;
  private final Scope scope;
  private final Set<String> keys;
  private final Binder binder;

  ExpectationType(String id, Scope scope, Binder binder, String... keys) {
    this.id = id;
    this.scope = scope;
    this.binder = binder;
    Set<String> all = new HashSet<>(COMMON_KEYS);
    all.addAll(Arrays.asList(keys));
    this.keys = Set.copyOf(all);
  }

  public String id() {
    return id;
  }

  public Scope scope() {
    return scope;
  }

  /** Whether failing rows can be told apart, so that {@code drop} and {@code quarantine} apply. */
  public boolean isRowLevel() {
    return scope == Scope.ROW;
  }

  /** Every key its mapping accepts. */
  public Set<String> keys() {
    return keys;
  }

  ExpectationSpec bind(ConfigNode node, ExpectationSpec.Basics basics) {
    return binder.bind(node, basics);
  }

  @Override
  public String toString() {
    return id;
  }
}
