package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.config.load.ConfigLoader;
import io.prodi.env.RunEnvironment;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.People;
import io.prodi.testing.TestConfigFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Engine unit tests: layer configs written to a temp folder (beside a people CSV) and loaded as a run loads them. */
abstract class EngineConfigs {
  static final String PEOPLE = People.CSV;
  static final String PEOPLE_SCHEMA = People.SCHEMA;

  @TempDir
  Path tmp;
  ConfigFolder folder;

  @BeforeEach
  void setUpFolder() {
    folder = new ConfigFolder(tmp);
    folder.write("in/people.csv", PEOPLE);
  }

  /** A layer config whose source is the people CSV; {@code rest} adds keys (transform, dq, ...). */
  String config(String name, String layer, String sinks, String rest) {
    return folder.write(name, "layer: " + layer + "\n"
        + "io:\n  source: {name: people, format: csv, path: in/people.csv, options: {header: 'true'}, schema: "
        + PEOPLE_SCHEMA + "}\n" + "  sink:\n" + sinks + rest);
  }

  LayerConfig load(String file) {
    return new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(), tmp.toString())
        .loadLayer(file, Optional.empty()).config();
  }

  String at(String relative) {
    return tmp.resolve(relative).toString();
  }
}
