package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.compat.python.PythonForms;
import io.prodi.config.EnvironmentConfig;
import io.prodi.config.Layer;
import io.prodi.config.LayerConfig;
import io.prodi.config.LayerConfigReader;
import io.prodi.config.load.ConfigText;
import io.prodi.env.RunEnvironment;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.ConfigProblem;
import io.prodi.yaml.CredentialRef;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a layer config: reads it through Hadoop, renders variables, follows {@code extends}, maps
 * the legacy {@code paths:} block, applies dataset defaults, reads the environment config, binds
 * and validates, and throws one {@link ConfigException} with every error of every file involved.
 */
public final class ConfigLoader {
  /** The key that names a base config; the loader merges the base in before the layer's keys are bound. */
  public static final String EXTENDS = "extends";
  private final ConfigFiles files;
  private final RunEnvironment env;
  private final Map<String, String> vars;
  private final String baseDir;

  public ConfigLoader(ConfigFiles files, RunEnvironment env, Map<String, String> vars, String baseDir) {
    this.files = files;
    this.env = env;
    this.vars = Map.copyOf(vars);
    this.baseDir = baseDir;
  }

  public LoadedLayer loadLayer(String uri, Optional<Layer> expected) {
    List<ConfigProblem> problems = new ArrayList<>();
    Findings findings = new Findings(uri);
    JsonNode tree = readWithExtends(uri, new LinkedHashSet<>(), problems);
    if (tree == null || !tree.isObject()) {
      if (tree != null) {
        findings.error("$", "Cannot read layer config: expected a mapping of keys (" + tree.getNodeType() + ")");
      }
      throw failure(problems, findings);
    }
    ObjectNode root = (ObjectNode) tree;
    Optional<Layer> layer = expected.isPresent() ? expected
        : Layer.fromId(root.path("layer").asText(null));
    String datasetId = null;
    String datasetRef = root.path("dataset_config").asText(null);
    if (datasetRef != null && layer.isPresent()) {
      DatasetConfig dataset = readDataset(locate("dataset_config", uri, datasetRef, true, problems), layer.get(),
          problems);
      datasetId = dataset == null ? null : dataset.id();
      if (dataset != null && dataset.defaultsFor(layer.get()).isPresent()) {
        root = (ObjectNode) YamlTree.merge(Locations.withoutOverridden(dataset.defaultsFor(layer.get()).get(), root),
            root);
      }
    }
    Set<CredentialRef> credentials = new LinkedHashSet<>();
    String environmentRef = root.path("environment_config").asText(null);
    EnvironmentConfig environment = environmentRef == null ? EnvironmentConfig.none()
        : readEnvironment(locate("environment_config", uri, environmentRef, true, problems), problems, credentials);
    LayerConfig config = LayerConfigReader.read(ConfigNode.root(root, findings), uri, expected, datasetId,
        environment == null ? EnvironmentConfig.none() : environment, baseDir);
    problems.addAll(findings.problems());
    credentials.addAll(findings.credentials());
    problems.addAll(missingCredentials(credentials));
    problems.addAll(LocalPathsInProduction.of(config));
    problems.addAll(RepeatedAppends.of(config));
    problems.addAll(IcebergTables.of(config));
    if (problems.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR)) {
      throw new ConfigException(problems);
    }
    return new LoadedLayer(config, problems, credentials, root, vars.getOrDefault("ds",
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
  }

  /** The tree of {@code uri} with its {@code extends} chain merged under it; null when unreadable. */
  JsonNode readWithExtends(String uri, Set<String> chain, List<ConfigProblem> problems) {
    Findings findings = new Findings(uri);
    if (!chain.add(uri)) {
      List<String> cycle = new ArrayList<>(chain);
      cycle.add(uri);
      problems.add(new ConfigProblem(uri, "extends", "Cannot extend " + uri + ": extends forms a cycle ("
          + String.join(" -> ", cycle.subList(cycle.indexOf(uri), cycle.size())) + ")",
          ConfigProblem.Severity.ERROR));
      return null;
    }
    JsonNode tree;
    try {
      tree = ConfigText.read(files, uri, vars, findings);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return null;
    }
    java.util.Optional<String> notALayer = ConfigFileKind.of(uri, tree).notALayerConfig(uri);
    if (notALayer.isPresent()) {
      problems.add(new ConfigProblem(uri, "$", notALayer.get(), ConfigProblem.Severity.ERROR));
      return null;
    }
    if (tree != null && tree.isObject()) {
      tree = PythonForms.layer((ObjectNode) tree, findings).tree();
      SqlFiles.inline(tree.path("transform"), uri, files, baseDir, vars, findings, "transform");
      ValueSchemaFiles.inline(tree.path("io"), uri, files, baseDir, findings, "io");
    }
    problems.addAll(findings.problems());
    if (tree == null || !tree.isObject() || !tree.has(EXTENDS)) {
      return tree;
    }
    Findings extendsFindings = new Findings(uri);
    ConfigNode extendsNode = ConfigNode.root(tree, extendsFindings).get(EXTENDS);
    String base = extendsNode.requiredText("the base config's path");
    ObjectNode child = ((ObjectNode) tree).deepCopy();
    child.remove(EXTENDS);
    if (base == null) {
      problems.addAll(extendsFindings.problems());
      return child;
    }
    String baseUri = locate("the extends base", uri, base, false, problems);
    JsonNode baseTree = baseUri == null ? null : readWithExtends(baseUri, chain, problems);
    return baseTree == null ? null : YamlTree.merge(baseTree, child);
  }

  private DatasetConfig readDataset(String uri, Layer layer, List<ConfigProblem> problems) {
    if (uri == null) {
      return null;
    }
    Findings findings = new Findings(uri);
    try {
      JsonNode tree = ConfigText.read(files, uri, vars, findings);
      if (tree != null && tree.isObject()) {
        tree = PythonForms.dataset((ObjectNode) tree, findings).tree();
        SqlFiles.inline(tree.path("layers").path(layer.id()).path("transform"), uri, files, baseDir, vars, findings,
            "layers." + layer.id() + ".transform");
        ValueSchemaFiles.inline(tree.path("layers").path(layer.id()).path("io"), uri, files, baseDir, findings,
            "layers." + layer.id() + ".io");
      }
      DatasetConfig dataset = tree == null ? null : DatasetConfig.bind(ConfigNode.root(tree, findings));
      problems.addAll(findings.problems());
      return dataset;
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private EnvironmentConfig readEnvironment(String uri, List<ConfigProblem> problems,
      Set<CredentialRef> credentials) {
    if (uri == null) {
      return null;
    }
    Findings findings = new Findings(uri);
    try {
      JsonNode tree = ConfigText.read(files, uri, vars, findings);
      if (tree != null && tree.isObject()) {
        tree = PythonForms.environment((ObjectNode) tree, findings).tree();
      }
      EnvironmentConfig config = tree == null ? null : EnvironmentConfig.bind(uri, ConfigNode.root(tree, findings));
      problems.addAll(findings.problems());
      credentials.addAll(findings.credentials());
      return config;
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /**
   * Where a file named by {@code fromFile} is: dataset and environment paths under {@code --base-dir}
   * first, {@code extends} beside the naming file first, then the other place.
   * Null when neither exists, with the problem naming both.
   */
  private String locate(String what, String fromFile, String ref, boolean baseDirFirst, List<ConfigProblem> problems) {
    String beside = ConfigFiles.resolveSibling(fromFile, ref);
    String underBase = ConfigFiles.resolveAgainst(baseDir, ref);
    try {
      return baseDirFirst ? files.locate(what, underBase, beside) : files.locate(what, beside, underBase);
    } catch (ConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        problems.add(new ConfigProblem(fromFile, what.startsWith("the extends") ? EXTENDS : what, problem.message(),
            ConfigProblem.Severity.ERROR));
      }
      return null;
    }
  }

  /** A credential variable that is not set: an error for a real run, a warning for validate and dry runs. */
  private List<ConfigProblem> missingCredentials(Set<CredentialRef> credentials) {
    List<ConfigProblem> out = new ArrayList<>();
    for (CredentialRef ref : credentials) {
      if (env.credential(ref.variable()).isEmpty()) {
        out.add(new ConfigProblem(ref.file(), ref.path(), "Cannot read credential: environment variable "
            + ref.variable() + " is not set (" + ref.variable() + ")", ConfigProblem.Severity.RUN_ERROR));
      }
    }
    return out;
  }

  private static ConfigException failure(List<ConfigProblem> problems, Findings findings) {
    List<ConfigProblem> all = new ArrayList<>(problems);
    all.addAll(findings.problems());
    return new ConfigException(all);
  }
}
