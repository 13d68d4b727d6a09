package io.prodi.env;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables a run sees: the process environment with the {@code --env.KEY=VALUE}
 * overrides on top. Every place that reads an environment variable (the dry-run guard, credential
 * keys, {@code from_env}) reads it here, so that job systems that cannot set variables still can.
 */
public final class RunEnvironment {
  private final Map<String, String> variables;

  private RunEnvironment(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  public static RunEnvironment of(Map<String, String> processEnvironment, Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(processEnvironment);
    merged.putAll(overrides);
    return new RunEnvironment(merged);
  }

  public static RunEnvironment system() {
    return of(System.getenv(), Map.of());
  }

  public RunEnvironment withOverrides(Map<String, String> overrides) {
    return of(variables, overrides);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** Set to anything other than empty, 0, false or no (trimmed, any case). */
  public boolean isTruthy(String name) {
    return get(name).map(RunEnvironment::truthy).orElse(false);
  }

  static boolean truthy(String value) {
    String normal = value.trim().toLowerCase(Locale.ROOT);
    return !(normal.isEmpty() || normal.equals("0") || normal.equals("false") || normal.equals("no"));
  }
}
