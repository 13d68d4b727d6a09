package io.prodi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.cli.Prodi;
import io.prodi.config.yaml.ConfigNode;
import io.prodi.engine.spi.StepContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The module layout (docs/architecture.md) read from the compiled classes: the config language needs
 * no SparkSession, each module refers only to the modules below it, and no module has a package cycle.
 */
class ArchitectureTest {
  private static final Set<String> SESSION = Set.of("org/apache/spark/sql/SparkSession",
      "org/apache/spark/sql/Dataset", "org/apache/spark/SparkContext", "org/apache/spark/sql/SQLContext",
      "org/apache/spark/api/java/JavaSparkContext");
  private static final ClassFiles COMMON = ClassFiles.ofModuleOf(ConfigNode.class);
  private static final ClassFiles ENGINE = ClassFiles.ofModuleOf(StepContext.class);
  private static final ClassFiles CLI = ClassFiles.ofModuleOf(Prodi.class);

  @Test
  void theConfigLanguageValidatesWithoutASessionADatasetOrASparkContext() {
    assertThat(COMMON.references()).hasSizeGreaterThan(100);
    assertThat(COMMON.referencesTo(SESSION)).isEmpty();
  }

  @Test
  void theSessionCheckFindsASessionWhereThereIsOne() {
    assertThat(ClassFiles.ofModuleOf(SessionHolder.class).referencesTo(SESSION))
        .contains("io/prodi/architecture/ArchitectureTest$SessionHolder -> org/apache/spark/sql/SparkSession");
  }

  @Test
  void eachModuleRefersOnlyToTheModulesBelowIt() {
    assertThat(COMMON.referencesTo(Set.of("io/prodi/engine/", "io/prodi/api/", "io/prodi/cli/"))).isEmpty();
    assertThat(ENGINE.referencesTo(Set.of("io/prodi/cli/"))).isEmpty();
    assertThat(ENGINE.referencesTo(Set.of("io/prodi/config/"))).isNotEmpty();
    assertThat(CLI.referencesTo(Set.of("io/prodi/engine/"))).isNotEmpty();
  }

  @Test
  void noModuleHasAPackageCycle() {
    for (ClassFiles module : List.of(COMMON, ENGINE, CLI)) {
      assertThat(PackageCycles.of(module.references(), "io.prodi")).as("package cycles in %s", module.root())
          .isEmpty();
    }
  }

  @Test
  void theCycleSearchFindsACycle() {
    Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    assertThat(PackageCycles.inGraph(graph)).containsExactly(Set.of("a", "b", "c"));
  }

  /** A class that does what the config language must not: holds a session. */
  static final class SessionHolder {
    org.apache.spark.sql.SparkSession spark;
  }
}
