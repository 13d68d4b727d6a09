package io.prodi.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildTargetTest {
  private final BuildTarget scala212 = new BuildTarget("prodi_2.12-0.1.0.jar", "2.12", "3.5.7");

  @Test
  void theSameScalaLineAndSparkMinorRun() {
    assertThat(scala212.mismatch("2.12.18", "3.5.1")).isEmpty();
    assertThat(scala212.mismatch("2.12.17", "3.5.7")).isEmpty();
  }

  @Test
  void anotherScalaLineNamesTheJarToUse() {
    assertThat(scala212.mismatch("2.13.8", "3.5.3")).hasValue("Cannot run prodi_2.12-0.1.0.jar on this class path: "
        + "the jar is built for Spark 3.5 on Scala 2.12, the class path has Spark 3.5.3 on Scala 2.13.8; use the jar "
        + "of that platform (docs/run/compatibility.md) (prodi_2.13-0.1.0.jar)");
  }

  @Test
  void anotherSparkLineNamesTheJarToUse() {
    assertThat(scala212.mismatch("2.13.16", "4.0.1")).get().asString()
        .contains("the class path has Spark 4.0.1 on Scala 2.13.16").endsWith("(prodi-spark4_2.13-0.1.0.jar)");
    assertThat(new BuildTarget("prodi_2.13-0.1.0.jar", "2.13", "3.5.7").mismatch("2.13.8", "3.4.1")).isPresent();
  }

  @Test
  void theBuildRecordsItsTargetAndTheTestClassPathIsThatTarget() {
    BuildTarget built = BuildTarget.ofThisJar().orElseThrow();
    assertThat(built.mismatch(scala.util.Properties.versionNumberString(), org.apache.spark.package$.MODULE$.SPARK_VERSION()))
        .isEmpty();
    assertThat(built.mismatchWithClassPath()).isEmpty();
    assertThat(built.mismatch("2.11.12", "3.5.7")).get().asString().startsWith("Cannot run prodi_");
  }

  @Test
  void theRunningVersionsAreReadFromTheJarsOfScalaAndSpark() {
    assertThat(BuildTarget.propertiesBeside(getClass().getClassLoader(), "scala.Option", "library.properties")
        .map(p -> p.getProperty("version.number"))).contains(scala.util.Properties.versionNumberString());
    assertThat(BuildTarget.propertiesBeside(getClass().getClassLoader(), "org.apache.spark.SparkContext",
        "spark-version-info.properties").map(p -> p.getProperty("version")))
        .contains(org.apache.spark.package$.MODULE$.SPARK_VERSION());
    assertThat(BuildTarget.propertiesBeside(getClass().getClassLoader(), "no.such.Clazz", "library.properties")).isEmpty();
  }
}
