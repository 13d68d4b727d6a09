package io.prodi.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** Every error of one or more config files; a run that meets it exits 2 having read and written nothing. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::line).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public static ConfigException of(String file, String path, String message) {
    return new ConfigException(
        List.of(new ConfigProblem(file, path, message, ConfigProblem.Severity.ERROR)));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
