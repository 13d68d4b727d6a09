package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.config.load.ConfigLoader;
import io.prodi.env.RunEnvironment;
import io.prodi.testing.PeopleFolder;
import io.prodi.testing.TestConfigFiles;
import java.util.Map;
import java.util.Optional;

/** Engine unit tests: layer configs written to a temp folder (beside a people CSV) and loaded as a run loads them. */
abstract class EngineConfigs extends PeopleFolder {
  LayerConfig load(String file) {
    return new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of(), Map.of()), Map.of(), tmp.toString())
        .loadLayer(file, Optional.empty()).config();
  }
}
