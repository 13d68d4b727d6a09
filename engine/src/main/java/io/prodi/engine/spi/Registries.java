package io.prodi.engine.spi;

import java.util.Set;
import java.util.TreeSet;

/** The check that ties each engine registry to the config language's registry of the same plugin kind. */
public final class Registries {
  private Registries() {}

  /**
   * Fails when the config accepts a type the engine cannot run, or the engine runs one the config
   * never produces: adding a type is its spec, its engine class and one line in each registry.
   */
  public static void requireSameNames(String kind, Set<String> configNames, Set<String> engineNames) {
    if (!configNames.equals(engineNames)) {
      Set<String> onlyConfig = new TreeSet<>(configNames);
      onlyConfig.removeAll(engineNames);
      Set<String> onlyEngine = new TreeSet<>(engineNames);
      onlyEngine.removeAll(configNames);
      throw new IllegalStateException("Cannot load the " + kind + " registry: the config types and the engine types"
          + " differ (only in the config: " + onlyConfig + ", only in the engine: " + onlyEngine + ")");
    }
  }
}
