package io.prodi.dq;

import java.util.Locale;

/** How serious a failed expectation is; shown by its lower-case id. */
public enum Severity {
  ERROR, WARN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action when a rule of this severity fails and none is given: error fails the run, warn warns. */
  OnFail defaultAction() {
    return this == ERROR ? OnFail.FAIL : OnFail.WARN;
  }

  @Override
  public String toString() {
    return id();
  }
}
