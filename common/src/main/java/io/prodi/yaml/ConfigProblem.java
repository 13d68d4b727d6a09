package io.prodi.yaml;

import java.util.Objects;

/** One problem found in a config file, at a YAML path, in the form "Cannot do what: why (value)". */
public final class ConfigProblem {
  /** How a problem affects a run. */
  public enum Severity {
    /** Always an error. */
    ERROR,
    /** Never stops anything; printed as a warning. */
    WARNING,
    /** An error for a real run, a warning for validate and dry runs (a missing credential variable). */
    RUN_ERROR
  }

  private final String file;
  private final String path;
  private final String message;
  private final Severity severity;

  public ConfigProblem(String file, String path, String message, Severity severity) {
    this.file = Objects.requireNonNull(file, "file");
    this.path = path == null || path.isEmpty() ? "$" : path;
    this.message = Objects.requireNonNull(message, "message");
    this.severity = Objects.requireNonNull(severity, "severity");
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  public String message() {
    return message;
  }

  public Severity severity() {
    return severity;
  }

  /** Whether this problem stops a run of the given kind. */
  public boolean isError(boolean realRun) {
    return severity == Severity.ERROR || (realRun && severity == Severity.RUN_ERROR);
  }

  /** The line printed for it: {@code <file>: <yaml.path>: <message>}. */
  public String line() {
    return file + ": " + path + ": " + message;
  }

  @Override
  public String toString() {
    return severity + " " + line();
  }
}
