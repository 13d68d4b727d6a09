package io.prodi.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs that this machine lacks (a server that is not running, the Python corpus not checked out):
 * the test fails, so that a dead server is never a green run; it is skipped only when {@code PRODI_ALLOW_SKIPS} is set
 * (a local run that knowingly goes without it), and bin/test-report then names each skip.
 */
public final class Required {
  static final String ALLOW_SKIPS = "PRODI_ALLOW_SKIPS";

  private Required() {}

  /** Fails the calling test (or, with PRODI_ALLOW_SKIPS set, skips it): {@code what} is missing, {@code remedy} brings it. */
  public static void missing(String what, String remedy, Exception cause) {
    String reason = what + " (" + remedy + ")";
    if (System.getenv(ALLOW_SKIPS) == null) {
      throw new IllegalStateException("Cannot run the test: " + reason + "; set " + ALLOW_SKIPS + "=1 to skip it instead",
          cause);
    }
    Assumptions.abort(reason);
  }
}
