package io.prodi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.load.ConfigFileKind;
import io.prodi.config.load.ConfigLoader;
import io.prodi.config.load.TemplateRenderer;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * The config files named on a command line: files as given, folders expanded to their YAML files at any depth,
 * each with its kind, and the {@code extends} bases among them (a base is checked through the files that
 * extend it, not on its own).
 */
final class ConfigFileSet {
  /** One named file, its kind, and how many of the set's files extend it. */
  static final class Entry {
    final String uri;
    final ConfigFileKind kind;
    final int extendedBy;

    Entry(String uri, ConfigFileKind kind, int extendedBy) {
      this.uri = uri;
      this.kind = kind;
      this.extendedBy = extendedBy;
    }

    boolean isBase() {
      return extendedBy > 0;
    }
  }

  private ConfigFileSet() {}

  /** The entries of {@code names}, in the order given (a folder's files in path order); unreadable files as layers. */
  static List<Entry> of(ConfigFiles files, List<String> names, Map<String, String> vars) {
    List<String> uris = new ArrayList<>();
    for (String name : names) {
      List<String> under = files.yamlFilesUnder(name);
      uris.addAll(under.isEmpty() ? List.of(name) : under);
    }
    Map<String, ConfigFileKind> kinds = new LinkedHashMap<>();
    Map<String, Integer> extendedBy = new LinkedHashMap<>();
    for (String uri : uris) {
      JsonNode tree = peek(files, uri, vars);
      kinds.put(uri, ConfigFileKind.of(uri, tree));
      if (tree != null && tree.isObject() && tree.path(ConfigLoader.EXTENDS).isTextual()) {
        String base = normal(ConfigFiles.resolveSibling(uri, tree.path(ConfigLoader.EXTENDS).asText()));
        extendedBy.merge(base, 1, Integer::sum);
      }
    }
    List<Entry> entries = new ArrayList<>();
    kinds.forEach((uri, kind) -> entries.add(new Entry(uri, kind, extendedBy.getOrDefault(normal(uri), 0))));
    return entries;
  }

  private static JsonNode peek(ConfigFiles files, String uri, Map<String, String> vars) {
    if (uri.endsWith(".test.yml") || uri.endsWith(".test.yaml")) {
      return null;
    }
    try {
      Findings ignored = new Findings(uri);
      return YamlTree.parse(TemplateRenderer.render(files.read(uri), vars, ignored), ignored);
    } catch (ConfigException e) {
      return null;
    }
  }

  private static String normal(String uri) {
    return new Path(uri).toUri().normalize().toString();
  }
}
