package io.prodi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.cli.Prodi;
import io.prodi.engine.spi.StepContext;
import io.prodi.yaml.ConfigNode;
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
  private static final ClassFiles RUN = ClassFiles.ofModuleOf(io.prodi.run.LayerRun.class);
  private static final ClassFiles ENGINE = ClassFiles.ofModuleOf(StepContext.class);
  private static final ClassFiles CLI = ClassFiles.ofModuleOf(Prodi.class);

  @Test
  void theConfigLanguageAndTheRunValidateAndRunWithoutASessionADatasetOrASparkContext() {
    assertThat(COMMON.references()).hasSizeGreaterThan(100);
    assertThat(COMMON.referencesTo(SESSION)).isEmpty();
    assertThat(RUN.references()).hasSizeGreaterThan(20);
    assertThat(RUN.referencesTo(SESSION)).isEmpty();
  }

  @Test
  void theSessionCheckFindsASessionWhereThereIsOne() {
    assertThat(ClassFiles.ofModuleOf(SessionHolder.class).referencesTo(SESSION))
        .contains("io/prodi/architecture/ArchitectureTest$SessionHolder -> org/apache/spark/sql/SparkSession");
  }

  @Test
  void eachModuleRefersOnlyToTheModulesBelowIt() {
    assertThat(COMMON.referencesTo(Set.of("io/prodi/run/", "io/prodi/ops/", "io/prodi/state/", "io/prodi/engine/",
        "io/prodi/api/", "io/prodi/cli/"))).isEmpty();
    assertThat(RUN.referencesTo(Set.of("io/prodi/engine/", "io/prodi/api/", "io/prodi/cli/"))).isEmpty();
    assertThat(RUN.referencesTo(Set.of("io/prodi/config/"))).isNotEmpty();
    assertThat(ENGINE.referencesTo(Set.of("io/prodi/cli/"))).isEmpty();
    assertThat(ENGINE.referencesTo(Set.of("io/prodi/run/"))).isNotEmpty();
    assertThat(ENGINE.referencesTo(Set.of("io/prodi/config/"))).isNotEmpty();
    assertThat(CLI.referencesTo(Set.of("io/prodi/engine/"))).isNotEmpty();
  }

  @Test
  void theUserApiHoldsNoEngineAndNoConfigModel() {
    ClassFiles api = ClassFiles.ofModuleOf(io.prodi.api.Transform.class);
    assertThat(api.references().keySet()).containsExactly("io/prodi/api/Transform");
    assertThat(api.referencesTo(Set.of("io/prodi/"))).allMatch(r -> r.endsWith("-> io/prodi/api/Transform"));
    assertThat(ENGINE.referencesTo(Set.of("io/prodi/api/"))).isNotEmpty();
  }

  /**
   * A spec answers questions about itself: no class outside a spec's package tests what class a spec
   * is (sources, sinks, pre steps, expectations, storage), so that a new type never needs an edit elsewhere.
   */
  @Test
  void noModuleTestsTheClassOfASpecOutsideItsPackage() {
    for (ClassFiles module : List.of(COMMON, RUN, ENGINE, CLI)) {
      assertThat(specTypeChecks(module.root())).as("instanceof of a spec class in %s", module.root()).isEmpty();
    }
  }

  @Test
  void theSpecCheckFindsAnInstanceofOfASpec() {
    java.nio.file.Path tests = ClassFiles.ofModuleOf(ArchitectureTest.class).root();
    assertThat(specTypeChecks(tests)).contains("io/prodi/architecture/ArchitectureTest$SpecSniffer instanceof "
        + "io/prodi/sink/FilesSinkSpec");
  }

  private static Set<String> specTypeChecks(java.nio.file.Path classes) {
    Set<String> found = new java.util.TreeSet<>();
    for (String check : TypeChecks.in(classes)) {
      String owner = check.substring(0, check.indexOf(' '));
      String type = check.substring(check.lastIndexOf(' ') + 1);
      boolean spec = type.matches("io/prodi/(source|sink|dq|transform|storage)/[A-Za-z]+(Spec|Step)");
      if (spec && !ClassFiles.packageOf(owner).equals(ClassFiles.packageOf(type))) {
        found.add(check);
      }
    }
    return found;
  }

  @Test
  void noModuleHasAPackageCycle() {
    for (ClassFiles module : List.of(COMMON, RUN, ENGINE, CLI)) {
      assertThat(PackageCycles.of(module.references(), "io.prodi")).as("package cycles in %s", module.root())
          .isEmpty();
    }
  }

  @Test
  void theCycleSearchFindsACycle() {
    Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    assertThat(PackageCycles.inGraph(graph)).containsExactly(Set.of("a", "b", "c"));
  }

  /** A class that does what no module may: asks a spec what class it is. */
  static final class SpecSniffer {
    static boolean writesFiles(io.prodi.sink.SinkSpec sink) {
      return sink instanceof io.prodi.sink.FilesSinkSpec;
    }
  }

  /** A class that does what the config language must not: holds a session. */
  static final class SessionHolder {
    org.apache.spark.sql.SparkSession spark;
  }
}
