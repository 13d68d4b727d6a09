package io.prodi.env;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The environment variables a run sees: the process environment with the {@code --env.KEY=VALUE}
 * overrides on top. Every place that reads an environment variable (the dry-run guard, credential
 * keys, {@code from_env}) reads it here, so that job systems that cannot set variables still can.
 * A credential variable ({@code *_env} keys) that is not set is looked up last in a credential store
 * (Hadoop's credential providers: Secret Manager on Dataproc), when one is configured.
 */
public final class RunEnvironment {
  private final Map<String, String> variables;
  private final Function<String, Optional<String>> credentialStore;
  private final Map<String, Optional<String>> storedCredentials = new ConcurrentHashMap<>();

  private RunEnvironment(Map<String, String> variables, Function<String, Optional<String>> credentialStore) {
    this.variables = Map.copyOf(variables);
    this.credentialStore = credentialStore;
  }

  public static RunEnvironment of(Map<String, String> processEnvironment, Map<String, String> overrides) {
    return of(processEnvironment, overrides, name -> Optional.empty());
  }

  /** The variables, and a store asked for a credential that no variable sets. */
  public static RunEnvironment of(Map<String, String> processEnvironment, Map<String, String> overrides,
      Function<String, Optional<String>> credentialStore) {
    Map<String, String> merged = new HashMap<>(processEnvironment);
    merged.putAll(overrides);
    return new RunEnvironment(merged, credentialStore);
  }

  public static RunEnvironment system() {
    return of(System.getenv(), Map.of());
  }

  public RunEnvironment withOverrides(Map<String, String> overrides) {
    return of(variables, overrides, credentialStore);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /**
   * A credential named by a {@code *_env} key: the variable when it is set and not empty, else the credential
   * store's value of that name (asked once per run).
   */
  public Optional<String> credential(String name) {
    Optional<String> variable = get(name).filter(v -> !v.isEmpty());
    if (variable.isPresent()) {
      return variable;
    }
    return storedCredentials.computeIfAbsent(name, credentialStore).filter(v -> !v.isEmpty());
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
