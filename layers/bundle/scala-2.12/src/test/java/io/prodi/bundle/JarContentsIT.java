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
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar: five main classes as Java 11 bytecode, and no Spark, Scala or Hadoop. */
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

  /** bin/jar-contents, the check bin/check-target runs on every target's jar. */
  private static ProcessRun jarContents(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bin/jar-contents"));
    command.addAll(List.of(args));
    return ProcessRun.run(java.util.Map.of(), command);
  }

  @Test
  void theScriptPassesTheRealJar() throws Exception {
    String[] kafka = System.getProperty("prodi.kafka.jars").split(",");
    ProcessRun run = jarContents(System.getProperty("prodi.jar"), "--delta", System.getProperty("prodi.delta.jar"),
        "--classfile", String.valueOf(JAVA_11_MAJOR), "--kafka", kafka[0], "--kafka", kafka[1]);
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).startsWith("PASS prodi_2.12-").contains("no Scala/Spark classes", "class files v55",
        "the Kafka connector of spark-sql-kafka-0-10_2.12-");
    ProcessRun unnamed = jarContents(System.getProperty("prodi.jar"), "--delta", System.getProperty("prodi.delta.jar"));
    assertThat(unnamed.exitCode).as("the connector's classes are Spark's unless named").isEqualTo(1);
  }

  /**
   * A Scala class listed first, ahead of 30,000 other entries: a reader that stops at the first match
   * (grep -q at the end of a pipe) would kill the listing's writer with SIGPIPE and, under pipefail,
   * read the match as "not bundled". The script must fail.
   */
  @Test
  void theScriptFailsAJarWithAScalaClassListedFirst(@TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path planted = tmp.resolve("planted.jar");
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(planted))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("scala/Predef.class"));
      zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 55});
      for (int i = 0; i < 30_000; i++) {
        zip.putNextEntry(new java.util.zip.ZipEntry("io/prodi/filler/a/rather/long/package/name/Filler" + i + ".class"));
        zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 55});
      }
    }
    ProcessRun run = jarContents(planted.toString());
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.err).contains("FAIL planted.jar: the jar bundles Scala or Spark classes (1 entries, first: "
        + "scala/Predef.class)");
  }

  /** Delta's own classes under org/apache/spark/ are allowed by name; a Spark class beside them is not. */
  @Test
  void theScriptFailsASparkClassThatDeltaDoesNotShip(@TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path planted = tmp.resolve("spark-inside.jar");
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(planted))) {
      try (JarFile delta = new JarFile(System.getProperty("prodi.delta.jar"))) {
        for (String entry : List.of("org/apache/spark/sql/delta/DeltaLog.class",
            "org/apache/spark/sql/catalyst/TimeTravel.class")) { // Delta's own, byte for byte
          zip.putNextEntry(new java.util.zip.ZipEntry(entry));
          try (InputStream in = delta.getInputStream(delta.getEntry(entry))) {
            in.transferTo(zip);
          }
        }
      }
      zip.putNextEntry(new java.util.zip.ZipEntry("org/apache/spark/SparkContext.class"));
      zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 55});
    }
    ProcessRun run = jarContents(planted.toString(), "--delta", System.getProperty("prodi.delta.jar"));
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.err).contains("the jar bundles Scala or Spark classes (1 entries, first: org/apache/spark/SparkContext.class)");
  }

  @Test
  void theScriptFailsAnotherDeltaLineAndAnotherClassFileVersion(@TempDir java.nio.file.Path tmp) throws Exception {
    String jar = System.getProperty("prodi.jar");
    java.nio.file.Path otherDeltaJar = tmp.resolve("delta-spark_2.12-0.0.1.jar");
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(otherDeltaJar))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("org/apache/spark/sql/delta/DeltaLog.class"));
      zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 55, 1, 2, 3});
    }
    ProcessRun otherDelta = jarContents(jar, "--delta", otherDeltaJar.toString());
    assertThat(otherDelta.exitCode).as(otherDelta.toString()).isEqualTo(1);
    assertThat(otherDelta.err).contains("its Delta classes are not those of delta-spark_2.12-0.0.1.jar");
    String[] kafka = System.getProperty("prodi.kafka.jars").split(",");
    ProcessRun java17 = jarContents(jar, "--delta", System.getProperty("prodi.delta.jar"), "--classfile", "61",
        "--kafka", kafka[0], "--kafka", kafka[1]);
    assertThat(java17.exitCode).as(java17.toString()).isEqualTo(1);
    assertThat(java17.err).contains("class files are version 55, not 61");
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
   * parser and commands); so is Spark's Kafka connector (a module Spark's distribution does not put on the class
   * path): theirs are the only org/apache/spark entries allowed.
   */
  @Test
  void bundlesNoSparkScalaHadoopGcsConnectorOrJacksonCore() throws IOException {
    java.util.Set<String> delta = new java.util.HashSet<>();
    List<String> allowedJars = new java.util.ArrayList<>(List.of(System.getProperty("prodi.delta.jar")));
    allowedJars.addAll(List.of(System.getProperty("prodi.kafka.jars").split(",")));
    for (String allowed : allowedJars) {
      try (JarFile allowedJar = new JarFile(allowed)) {
        Collections.list(allowedJar.entries()).forEach(e -> delta.add(e.getName()));
      }
    }
    try (JarFile jar = jar()) {
      List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName()).collect(Collectors.toList());
      assertThat(names).contains("io/delta/tables/DeltaTable.class", "org/apache/spark/sql/delta/DeltaLog.class",
          "org/apache/spark/sql/kafka010/KafkaSourceProvider.class", "org/apache/kafka/clients/consumer/KafkaConsumer.class");
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
