package io.prodi.dq;

import java.util.Locale;

/** What a failed expectation does; shown by its lower-case id. */
public enum OnFail {
  /** Ends the run before anything is written (when {@code fail_on_error} is true). */
  FAIL,
  /** Reports the failure and writes every row. */
  WARN,
  /** Leaves the failing rows out of the output. */
  DROP,
  /** Moves the failing rows to the quarantine sink. */
  QUARANTINE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether failing rows are taken out of what the sinks receive. */
  public boolean removesRows() {
    return this == DROP || this == QUARANTINE;
  }

  @Override
  public String toString() {
    return id();
  }
}
