package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.Map;

/**
 * The kinds of config file, told from a file's name and top-level keys, so that every command can say what
 * it was given: {@code validate} checks each kind as what it is, and a command that wants a layer config
 * points a pipeline file to {@code -p} instead of listing its keys as unknown.
 */
public enum ConfigFileKind {
  LAYER("layer", "layer config"),
  PIPELINE("pipeline", "pipeline file"),
  DATASET("dataset", "dataset config"),
  ENVIRONMENT("environment", "environment config"),
  CONFIG_TEST("test", "config test");

  private final String id;
  private final String label;

  ConfigFileKind(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The short id printed in {@code [<id>] <file> is valid} and used by {@code schema --kind}. */
  public String id() {
    return id;
  }

  /** What the kind is called in messages: "pipeline file", "dataset config". */
  public String label() {
    return label;
  }

  /** The kind of a parsed file. */
  public static ConfigFileKind of(String uri, JsonNode tree) {
    if (uri.endsWith(".test.yml") || uri.endsWith(".test.yaml")) {
      return CONFIG_TEST;
    }
    if (PipelineFile.looksLikePipeline(tree)) {
      return PIPELINE;
    }
    if (tree == null || !tree.isObject() || tree.has("layer") || tree.has("io") || tree.has("extends")) {
      return LAYER;
    }
    if (tree.has("layers")) {
      return DATASET;
    }
    if (tree.has("config") && tree.has("expect")) {
      return CONFIG_TEST;
    }
    return tree.has("timezone") || tree.has("storage") ? ENVIRONMENT : LAYER;
  }

  /** The kind of the file at {@code uri}, read and rendered with {@code vars}; a file that cannot be read throws. */
  public static ConfigFileKind ofFile(ConfigFiles files, String uri, Map<String, String> vars) {
    if (uri.endsWith(".test.yml") || uri.endsWith(".test.yaml")) {
      return CONFIG_TEST;
    }
    Findings ignored = new Findings(uri);
    String text = files.read(uri);
    try {
      return of(uri, YamlTree.parse(TemplateRenderer.render(text, vars, ignored), ignored));
    } catch (ConfigException e) {
      return LAYER;
    }
  }

  /**
   * The error of a file of this kind given where a layer config is wanted, or empty for a layer config:
   * a pipeline file is pointed to {@code run-pipeline -p}.
   */
  public java.util.Optional<String> notALayerConfig(String uri) {
    switch (this) {
      case LAYER:
        return java.util.Optional.empty();
      case PIPELINE:
        return java.util.Optional.of("Cannot use a pipeline file as a layer config: it lists steps; run it with "
            + "'run-pipeline -p " + uri + "' (validate and plan take it with -c) (" + uri + ")");
      case CONFIG_TEST:
        return java.util.Optional.of("Cannot use a config test as a layer config: run it with 'prodi test " + uri
            + "' (" + uri + ")");
      default:
        return java.util.Optional.of("Cannot use " + (this == ENVIRONMENT ? "an " : "a ") + label
            + " as a layer config: a layer config names it with " + id + "_config (" + uri + ")");
    }
  }
}
