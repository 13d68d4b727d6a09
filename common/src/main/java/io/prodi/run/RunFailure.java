package io.prodi.run;

/** A run that failed at run time: exit 1 (CONTRACT.md §1.3). The message is "Cannot ...: why (value)". */
public final class RunFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunFailure(String message) {
    super(message);
  }

  public RunFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
