package io.prodi.configtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@code *.test.yml} file: the config under test, its fixtures and what to expect. */
public final class ConfigTest {
  public static final Set<String> RESULT_KEYS = Set.of("failed", "status", "rows_checked");
  public static final Set<String> KEYS = Set.of("name", "config", "vars", "inputs", "expect");
  public static final Set<String> EXPECT_KEYS = Set.of("output", "quarantine", "expectations", "fails_with",
      "watermark");

  private final String file;
  private final String name;
  private final String config;
  private final Map<String, String> vars;
  private final Map<String, Fixture> inputs;
  private final ExpectedRows output;
  private final ExpectedRows quarantine;
  private final Map<String, JsonNode> expectations;
  private final String failsWith;
  private final Map<String, String> watermarks;

  private ConfigTest(String file, ConfigNode root) {
    this.file = file;
    this.name = Optional.ofNullable(root.get("name").text()).orElse(file);
    String configRef = root.get("config").requiredText("the layer config under test");
    this.config = configRef == null ? null : ConfigFiles.resolveSibling(file, configRef);
    this.vars = root.get("vars").textMap();
    Map<String, Fixture> fixtures = new LinkedHashMap<>();
    root.get("inputs").entries().forEach((source, node) -> fixtures.put(source, Fixture.bind(node, file)));
    if (fixtures.isEmpty()) {
      root.get("inputs").missing("a fixture for the sources (by source name, or __INPUT__)");
    }
    this.inputs = fixtures;
    ConfigNode expect = root.get("expect");
    expect.allowKeys("expect", EXPECT_KEYS);
    this.output = expect.has("output") ? ExpectedRows.bind(expect.get("output")) : null;
    this.quarantine = expect.has("quarantine") ? ExpectedRows.bind(expect.get("quarantine")) : null;
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    expect.get("expectations").entries().forEach((n, node) -> {
      node.allowKeys("an expected expectation result", RESULT_KEYS);
      byName.put(n, node.raw());
    });
    this.expectations = byName;
    this.failsWith = expect.get("fails_with").text();
    this.watermarks = expect.get("watermark").textMap();
    if (output == null && quarantine == null && expectations.isEmpty() && failsWith == null && watermarks.isEmpty()) {
      expect.error("Cannot run a test that expects nothing: give output, quarantine, expectations, watermark or "
          + "fails_with (expect)");
    }
  }

  /** Reads and checks a test file; every problem of it at once, as for configs. */
  public static ConfigTest read(ConfigFiles files, String file) {
    Findings findings = new Findings(file);
    JsonNode tree = YamlTree.parse(files.read(file), findings);
    ConfigTest test = null;
    if (tree != null) {
      ConfigNode root = ConfigNode.root(tree, findings);
      root.allowKeys("a config test", KEYS);
      test = new ConfigTest(file, root);
    }
    if (findings.hasErrors()) {
      throw new ConfigException(findings.problems());
    }
    return test;
  }

  public String file() {
    return file;
  }

  public String name() {
    return name;
  }

  /** The layer config under test, resolved against the test file's folder. */
  public String config() {
    return config;
  }

  public Map<String, String> vars() {
    return vars;
  }

  /** Fixtures by source name; {@code __INPUT__} stands for every source. */
  public Map<String, Fixture> inputs() {
    return inputs;
  }

  public Optional<ExpectedRows> output() {
    return Optional.ofNullable(output);
  }

  public Optional<ExpectedRows> quarantine() {
    return Optional.ofNullable(quarantine);
  }

  public Map<String, JsonNode> expectations() {
    return expectations;
  }

  /** The watermark each incremental source would commit, by source name or state id. */
  public Map<String, String> watermarks() {
    return watermarks;
  }

  public Optional<String> failsWith() {
    return Optional.ofNullable(failsWith);
  }
}
