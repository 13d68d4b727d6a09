package io.prodi.transform;

/**
 * One {@code transform.pre} step; one class per step type, see {@link PreSteps}; the
 * engine's {@code PreStepFunctions} applies each.
 */
public interface PreStep {
  /** The step's key in the config: rename, cast, drop, ... */
  String type();

  /** What it does, on one line, for plans. */
  String describe();

  /** Whether it needs each row's source, tagged when the sources are read (add_metadata's {@code _source}). */
  default boolean needsSourceTag() {
    return false;
  }
}
