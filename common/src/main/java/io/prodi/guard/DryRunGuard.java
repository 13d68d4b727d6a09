package io.prodi.guard;

import io.prodi.env.RunEnvironment;
import java.util.Optional;

/**
 * The one place that decides whether a run is a dry run. It runs before any
 * SparkSession exists; a dry run then starts none and writes nothing anywhere.
 */
public final class DryRunGuard {
  public static final String FORCE_VARIABLE = "PRODI_FORCE_DRY_RUN";

  private DryRunGuard() {}

  /**
   * @param layer the layer name, for the forcing message
   * @param configDryRun the config's {@code dry_run}, null when it does not say
   * @param dryRunFlag whether {@code --dry-run} was given
   */
  public static Decision decide(String layer, Boolean configDryRun, boolean dryRunFlag, RunEnvironment env) {
    boolean forced = env.isTruthy(FORCE_VARIABLE);
    boolean requested = Boolean.TRUE.equals(configDryRun) || dryRunFlag;
    String message = null;
    if (forced && !Boolean.TRUE.equals(configDryRun)) {
      message = "[" + layer + "] " + FORCE_VARIABLE + "=" + env.get(FORCE_VARIABLE).orElse("")
          + " - forcing dry_run execution";
    }
    return new Decision(forced || requested, message);
  }

  /** Whether a run is dry, and the line to print when the guard forced it. */
  public static final class Decision {
    private final boolean dryRun;
    private final String forcingMessage;

    Decision(boolean dryRun, String forcingMessage) {
      this.dryRun = dryRun;
      this.forcingMessage = forcingMessage;
    }

    public boolean dryRun() {
      return dryRun;
    }

    public Optional<String> forcingMessage() {
      return Optional.ofNullable(forcingMessage);
    }
  }
}
