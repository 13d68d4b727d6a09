package io.prodi.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shaded jar (CONTRACT.md §1): five main classes as Java 11 bytecode, and no Spark, Scala or Hadoop. */
class JarContentsIT {
  private static final int JAVA_11_MAJOR = 55;

  private static JarFile jar() throws IOException {
    return new JarFile(System.getProperty("prodi.jar"));
  }

  @Test
  void hasTheFiveMainClassesAndTheCliAsMainClass() throws IOException {
    try (JarFile jar = jar()) {
      for (String main : List.of("io.prodi.cli.Prodi", "io.prodi.layers.RawLayer", "io.prodi.layers.BronzeLayer",
          "io.prodi.layers.SilverLayer", "io.prodi.layers.GoldLayer")) {
        assertThat(jar.getEntry(main.replace('.', '/') + ".class")).as(main).isNotNull();
      }
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.prodi.cli.Prodi");
    }
  }

  @Test
  void prodisClassesAreJava11BytecodeAndNoClassNeedsANewerJava() throws IOException {
    try (JarFile jar = jar()) {
      List<String> classes = Collections.list(jar.entries()).stream().map(e -> e.getName())
          .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/versions/")).collect(Collectors.toList());
      List<String> own = classes.stream().filter(n -> n.startsWith("io/prodi/") && !n.startsWith("io/prodi/shaded/"))
          .collect(Collectors.toList());
      assertThat(own).hasSizeGreaterThan(50);
      for (String name : classes) {
        int major = majorVersion(jar, name);
        if (own.contains(name)) {
          assertThat(major).as(name).isEqualTo(JAVA_11_MAJOR);
        } else {
          assertThat(major).as(name).isLessThanOrEqualTo(JAVA_11_MAJOR);
        }
      }
    }
  }

  private static int majorVersion(JarFile jar, String name) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry(name)); DataInputStream data = new DataInputStream(in)) {
      assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
      data.readUnsignedShort();
      return data.readUnsignedShort();
    }
  }

  /**
   * Delta Lake is bundled, and it ships classes of its own under org/apache/spark/sql (its catalog,
   * parser and commands): those are the only org/apache/spark entries allowed.
   */
  @Test
  void bundlesNoSparkScalaHadoopGcsConnectorOrJacksonCore() throws IOException {
    java.util.Set<String> delta;
    try (JarFile deltaJar = new JarFile(System.getProperty("prodi.delta.jar"))) {
      delta = Collections.list(deltaJar.entries()).stream().map(e -> e.getName()).collect(Collectors.toSet());
    }
    try (JarFile jar = jar()) {
      List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName()).collect(Collectors.toList());
      assertThat(names).contains("io/delta/tables/DeltaTable.class", "org/apache/spark/sql/delta/DeltaLog.class");
      assertThat(names).filteredOn(n -> n.startsWith("org/apache/spark/") && !n.endsWith("/")).allMatch(delta::contains);
      assertThat(names).doesNotContain("org/apache/spark/SparkContext.class", "org/apache/spark/sql/Dataset.class");
      assertThat(names).noneMatch(n -> n.startsWith("scala/") || n.startsWith("org/antlr/")
          || n.startsWith("org/apache/hadoop/") || n.startsWith("com/google/cloud/hadoop/")
          || n.startsWith("com/amazonaws/") || n.startsWith("org/wildfly/")
          || n.startsWith("com/fasterxml/jackson/databind/") || n.startsWith("com/fasterxml/jackson/core/"));
      assertThat(names).contains("com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class")
          .contains("io/prodi/shaded/picocli/CommandLine.class")
          .noneMatch(n -> n.startsWith("picocli/") || n.startsWith("org/yaml/snakeyaml/"));
    }
  }
}
