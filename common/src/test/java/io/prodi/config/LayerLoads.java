package io.prodi.config;

import io.prodi.config.load.ConfigLoader;
import io.prodi.config.load.LoadedLayer;
import io.prodi.env.RunEnvironment;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.TestConfigFiles;
import io.prodi.yaml.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A layer config written to a folder and loaded as validate loads it: the config, or its problems as lines. */
final class LayerLoads {
  private final Path folder;
  private final String file;

  LayerLoads(Path folder, String file) {
    this.folder = folder;
    this.file = file;
  }

  LoadedLayer load(String yaml) {
    String written = new ConfigFolder(folder).write(file, yaml);
    return new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(),
        folder.toString()).loadLayer(written, Optional.empty());
  }

  /** Every problem as "SEVERITY path: message", warnings included; none for a valid config. */
  List<String> problems(String yaml) {
    try {
      return lines(load(yaml).problems());
    } catch (ConfigException e) {
      return lines(e.problems());
    }
  }

  private static List<String> lines(List<io.prodi.yaml.ConfigProblem> problems) {
    return problems.stream().map(p -> p.severity() + " " + p.path() + ": " + p.message()).collect(Collectors.toList());
  }
}
