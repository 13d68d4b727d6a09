package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.Layer;
import io.prodi.config.load.ConfigText;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.Findings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pipeline file: {@code steps:} (or {@code pipeline:}, or a top-level list) of
 * {@code {layer, config, vars?, name?, after?}}, config paths resolved against the pipeline file's folder.
 * Step names are unique: a step without a name is named after its layer, or {@code <layer>-<n>} (its
 * position) when another step runs the same layer; {@code after} names steps of the same file.
 */
public final class PipelineFile {
  public static final Set<String> KEYS = Set.of("steps", "pipeline", "name", "description");
  public static final Set<String> STEP_KEYS = Set.of("layer", "config", "vars", "name", "after");

  private PipelineFile() {}

  /** Whether a parsed file is a pipeline rather than a layer, dataset or environment config. */
  public static boolean looksLikePipeline(JsonNode tree) {
    return tree != null && (isStepList(tree) || tree.has("steps") || tree.has("pipeline"));
  }

  /** A top-level list of steps; a list of mappings with {@code io} is a layer config indented as a list item. */
  private static boolean isStepList(JsonNode tree) {
    if (!tree.isArray()) {
      return false;
    }
    for (JsonNode item : tree) {
      if (item.has("io")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The steps of a pipeline file; a step's {@code config} not beside the file is looked up under
   * {@code baseDir} (the Python version ran from its repository root), and one that is in neither place
   * is an error naming both.
   */
  public static List<Step> read(ConfigFiles files, String uri, Map<String, String> vars, String baseDir) {
    Findings findings = new Findings(uri);
    JsonNode tree = ConfigText.read(files, uri, vars, findings);
    if (tree == null) {
      throw new ConfigException(findings.problems());
    }
    ConfigNode root = ConfigNode.root(tree, findings);
    ConfigNode stepsNode = root;
    if (!root.isList()) {
      root.allowKeys("a pipeline file", KEYS);
      stepsNode = root.has("steps") ? root.get("steps") : root.get("pipeline");
      if (!root.has("steps") && !root.has("pipeline")) {
        root.error("Cannot read pipeline: expected steps, pipeline or a list of steps (" + root.shown() + ")");
      }
    }
    List<Step> steps = new ArrayList<>();
    List<ConfigNode> nodes = stepsNode.elements();
    Map<String, Long> layerUses = nodes.stream().filter(ConfigNode::isMap).map(n -> n.get("layer").text())
        .filter(java.util.Objects::nonNull).collect(Collectors.groupingBy(l -> l, Collectors.counting()));
    for (int i = 0; i < nodes.size(); i++) {
      bindStep(uri, nodes.get(i), i + 1, layerUses, files, baseDir).ifPresent(steps::add);
    }
    checkNames(steps);
    if (findings.hasErrors()) {
      throw new ConfigException(findings.problems());
    }
    return steps;
  }

  private static void checkNames(List<Step> steps) {
    Map<String, Step> byName = new LinkedHashMap<>();
    for (Step step : steps) {
      Step other = byName.putIfAbsent(step.name(), step);
      if (other != null) {
        step.node.get("name").error("Cannot name a step: another step has this name (" + step.name() + ")");
      }
    }
    for (Step step : steps) {
      ConfigNode after = step.node.get("after");
      for (ConfigNode entry : after.isList() ? after.elements() : List.<ConfigNode>of()) {
        String name = entry.isScalar() ? entry.raw().asText() : null;
        if (name != null && !byName.containsKey(name)) {
          entry.unknown("step", name, byName.keySet());
        } else if (name != null && name.equals(step.name())) {
          entry.error("Cannot order a step after itself (" + name + ")");
        }
      }
    }
  }

  private static Optional<Step> bindStep(String uri, ConfigNode node, int position, Map<String, Long> layerUses,
      ConfigFiles files, String baseDir) {
    if (!node.isMap()) {
      node.expected("a step mapping {layer, config, vars?, name?}");
      return Optional.empty();
    }
    node.allowKeys("a pipeline step", STEP_KEYS);
    String config = node.get("config").requiredText("the step's layer config");
    String layerName = node.get("layer").requiredText("the step's layer");
    Layer layer = null;
    if (layerName != null) {
      layer = Layer.fromId(layerName).orElse(null);
      if (layer == null) {
        node.get("layer").unknown("layer", layerName, Layer.ids());
      }
    }
    Map<String, String> vars = new LinkedHashMap<>(node.get("vars").textMap());
    List<String> after = node.get("after").elements().stream().map(n -> n.requiredText("a step name"))
        .filter(java.util.Objects::nonNull).collect(Collectors.toList());
    if (config == null || layer == null) {
      return Optional.empty();
    }
    String defaultName = layerUses.getOrDefault(layerName, 0L) > 1 ? layer.id() + "-" + position : layer.id();
    String name = Optional.ofNullable(node.get("name").text()).orElse(defaultName);
    try {
      return Optional.of(new Step(name, layer, files.locate("the step's config", ConfigFiles.resolveSibling(uri, config),
          ConfigFiles.resolveAgainst(baseDir, config)), vars, after, node));
    } catch (ConfigException e) {
      e.problems().forEach(problem -> node.get("config").error(problem.message()));
      return Optional.empty();
    }
  }

  /** One step: a layer config to run with extra variables. */
  public static final class Step {
    private final String name;
    private final Layer layer;
    private final String config;
    private final Map<String, String> vars;
    private final List<String> after;
    private final ConfigNode node;

    Step(String name, Layer layer, String config, Map<String, String> vars, List<String> after, ConfigNode node) {
      this.name = name;
      this.layer = layer;
      this.config = config;
      this.vars = Map.copyOf(vars);
      this.after = List.copyOf(after);
      this.node = node;
    }

    public String name() {
      return name;
    }

    public Layer layer() {
      return layer;
    }

    /** The config's URI, resolved against the pipeline file's folder. */
    public String config() {
      return config;
    }

    /** The step's variables, already rendered with the run's; they override the run's for this step. */
    public Map<String, String> vars() {
      return vars;
    }

    /** The steps this one runs after besides those it depends on through data ({@code after:}). */
    public List<String> after() {
      return after;
    }

    /** A layer config planned on its own, as a pipeline of one step named after its layer. */
    public static Step alone(Layer layer, String config) {
      return new Step(layer.id(), layer, config, Map.of(), List.of(), null);
    }

    /** Where the step is in its pipeline file, for problems found once the steps' configs are loaded. */
    public String path() {
      return node == null ? "" : node.path();
    }
  }
}
