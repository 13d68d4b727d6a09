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

  public Findings(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void error(String path, String message) {
    problems.add(new ConfigProblem(file, path, message, ConfigProblem.Severity.ERROR));
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

  public List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  public Set<CredentialRef> credentials() {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(credentials));
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR);
  }
}
