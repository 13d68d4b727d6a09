package io.prodi.yaml;

import io.prodi.yaml.CredentialRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What binding and validating one config file found: its problems, and the names of the environment
 * variables it reads credentials from (so that they can be checked and their values masked).
 */
public final class Findings {
  private final String file;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Set<CredentialRef> credentials = new LinkedHashSet<>();
  /** Unknown keys with a likely meant key: mapping path to the keys meant there (their follow-on errors are left out). */
  private final java.util.Map<String, Set<String>> meant = new java.util.HashMap<>();

  public Findings(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void error(String path, String message) {
    problems.add(new ConfigProblem(file, path, message, ConfigProblem.Severity.ERROR));
  }

  /**
   * An unknown key at {@code path} of the mapping at {@code mappingPath}, most likely a misspelling of {@code meant}:
   * the errors its absence causes in that mapping (ones naming {@code meant}) are follow-ons, not reported.
   */
  public void unknownKey(String path, String mappingPath, String message, java.util.Optional<String> meantKey) {
    error(path, message);
    meantKey.ifPresent(key -> meant.computeIfAbsent(mappingPath == null || mappingPath.equals("$") ? "" : mappingPath, p -> new LinkedHashSet<>())
        .add(key));
  }

  public void warning(String path, String message) {
    problems.add(new ConfigProblem(file, path, message, ConfigProblem.Severity.WARNING));
  }

  public void runError(String path, String message) {
    problems.add(new ConfigProblem(file, path, message, ConfigProblem.Severity.RUN_ERROR));
  }

  public void credential(String path, String variable, boolean secret) {
    credentials.add(new CredentialRef(variable, file, path, secret));
  }

  public void addAll(List<ConfigProblem> more) {
    problems.addAll(more);
  }

  /** The problems found, without the follow-ons of a misspelt key (one mistake, one line). */
  public List<ConfigProblem> problems() {
    List<ConfigProblem> shown = new ArrayList<>();
    for (ConfigProblem problem : problems) {
      if (!isFollowOn(problem)) {
        shown.add(problem);
      }
    }
    return List.copyOf(shown);
  }

  private boolean isFollowOn(ConfigProblem problem) {
    for (java.util.Map.Entry<String, Set<String>> mapping : meant.entrySet()) {
      String at = mapping.getKey();
      String path = problem.path();
      boolean inside = at.isEmpty() || path.equals(at) || path.startsWith(at + ".") || path.startsWith(at + "[");
      if (inside && !problem.message().contains("unknown key") && mapping.getValue().stream()
          .anyMatch(key -> java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(key) + "\\b")
              .matcher(problem.message()).find())) {
        return true;
      }
    }
    return false;
  }

  public Set<CredentialRef> credentials() {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(credentials));
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR);
  }
}
