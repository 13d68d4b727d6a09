package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.LayerConfig;
import io.prodi.yaml.ConfigProblem;
import io.prodi.yaml.CredentialRef;
import java.util.List;
import java.util.Set;

/** A loaded layer config with what loading found besides errors: warnings, run-only errors, credentials. */
public final class LoadedLayer {
  private final LayerConfig config;
  private final List<ConfigProblem> problems;
  private final Set<CredentialRef> credentials;
  private final JsonNode resolvedTree;
  private final String logicalDate;

  LoadedLayer(LayerConfig config, List<ConfigProblem> problems, Set<CredentialRef> credentials, JsonNode tree,
      String logicalDate) {
    this.config = config;
    this.logicalDate = logicalDate;
    this.problems = List.copyOf(problems);
    this.credentials = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(credentials));
    this.resolvedTree = tree.deepCopy();
  }

  public LayerConfig config() {
    return config;
  }

  /** Warnings, and the problems that are errors only for a real run (a missing credential variable). */
  public List<ConfigProblem> problems() {
    return problems;
  }

  public Set<CredentialRef> credentials() {
    return credentials;
  }

  /** The config tree after variables, extends and dataset defaults, for the run's config log line. */
  public JsonNode resolvedTree() {
    return resolvedTree.deepCopy();
  }

  public LoadedLayer withConfig(LayerConfig other) {
    return new LoadedLayer(other, problems, credentials, resolvedTree, logicalDate);
  }

  /** The run's logical date, the {@code ds} variable (today in UTC unless given): what keys a run's quarantine. */
  public String logicalDate() {
    return logicalDate;
  }
}
