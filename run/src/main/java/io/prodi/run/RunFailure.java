package io.prodi.run;

/** A run that failed at run time: exit 1. The message is "Cannot ...: why (value)". */
public final class RunFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunFailure(String message) {
    super(message);
  }

  public RunFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** The first line of an exception's message (Spark's carry the whole plan after it). */
  public static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim();
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.replaceAll("^\\[[A-Z_.]+\\]\\s*", "");
  }
}
