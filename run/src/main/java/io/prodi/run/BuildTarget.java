package io.prodi.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The platform target this jar was built for (Scala line, Spark line, Delta:), and the check
 * that the running class path is that platform. A jar for another Scala line fails on the first Spark call
 * with a NoSuchMethodError; this check says which jar to use instead, before any config is read.
 */
public final class BuildTarget {
  private final String jar;
  private final String scala;
  private final String spark;

  BuildTarget(String jar, String scala, String spark) {
    this.jar = jar;
    this.scala = scala;
    this.spark = spark;
  }

  /** The target recorded at build time, if the build recorded one (it always does in the jar). */
  public static Optional<BuildTarget> ofThisJar() {
    return properties(BuildTarget.class.getClassLoader(), "io/prodi/build-target.properties")
        .map(p -> new BuildTarget(p.getProperty("jar"), p.getProperty("scala.binary.version"), p.getProperty("spark.version")));
  }

  /**
   * What {@code --version} prints: prodi's version, the platform target of this build and the commit it was
   * built from ({@code unknown} outside a jar built from a git checkout).
   */
  public static java.util.List<String> versionLines() {
    ClassLoader loader = BuildTarget.class.getClassLoader();
    Optional<Properties> target = properties(loader, "io/prodi/build-target.properties");
    String commit = properties(loader, "io/prodi/build-commit.properties").map(p -> p.getProperty("commit"))
        .orElse("unknown (not built as a jar from a git checkout)");
    return java.util.List.of(
        "prodi " + target.map(p -> p.getProperty("version")).orElse("(development build)"),
        "target: " + target.map(p -> p.getProperty("jar") + " (Spark " + p.getProperty("spark.version") + ", Scala "
            + p.getProperty("scala.binary.version") + ", Delta " + p.getProperty("delta.version") + ")").orElse("unknown"),
        "commit: " + commit);
  }

  /**
   * Why this jar cannot run on a class path with Scala {@code runningScala} and Spark {@code runningSpark}
   * (full versions, e.g. 2.13.8 and 3.5.7), or empty when it can: the Scala binary line and Spark's major
   * and minor version must match.
   */
  public Optional<String> mismatch(String runningScala, String runningSpark) {
    if (runningScala.startsWith(scala + ".") && line(runningSpark).equals(line(spark))) {
      return Optional.empty();
    }
    return Optional.of("Cannot run " + jar + " on this class path: the jar is built for Spark " + line(spark)
        + " on Scala " + scala + ", the class path has Spark " + runningSpark + " on Scala " + runningScala
        + "; use the jar of that platform (docs/run/compatibility.md) (" + expectedJar(runningScala, runningSpark) + ")");
  }

  /** The mismatch with the Scala and Spark on this process's class path; empty when either is absent. */
  public Optional<String> mismatchWithClassPath() {
    ClassLoader loader = BuildTarget.class.getClassLoader();
    Optional<String> runningScala = propertiesBeside(loader, "scala.Option", "library.properties")
        .map(p -> p.getProperty("version.number"));
    Optional<String> runningSpark = propertiesBeside(loader, "org.apache.spark.SparkContext",
        "spark-version-info.properties").map(p -> p.getProperty("version"));
    if (runningScala.isEmpty() || runningSpark.isEmpty()) {
      return Optional.empty();
    }
    return mismatch(runningScala.get(), runningSpark.get());
  }

  private String expectedJar(String runningScala, String runningSpark) {
    String scalaLine = runningScala.replaceAll("^(\\d+\\.\\d+).*", "$1");
    String version = jar.replaceAll(".*-([^-]+)\\.jar$", "$1");
    String name = runningSpark.startsWith("3.") ? "prodi_" + scalaLine : "prodi-spark" + runningSpark.charAt(0) + "_" + scalaLine;
    return name + "-" + version + ".jar";
  }

  private static String line(String sparkVersion) {
    return sparkVersion.replaceAll("^(\\d+\\.\\d+).*", "$1");
  }

  /**
   * A properties file read from the jar that holds {@code className}: one jar opened, where asking the class
   * loader opens every jar before it on the class path (Scala's comes last: 0.2 s on Spark's 150 jars).
   */
  static Optional<Properties> propertiesBeside(ClassLoader loader, String className, String resource) {
    try {
      java.security.CodeSource source = Class.forName(className, false, loader).getProtectionDomain().getCodeSource();
      String location = source == null ? "" : source.getLocation().toString();
      if (!location.startsWith("file:") || !location.endsWith(".jar")) {
        return properties(loader, resource);
      }
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(new java.io.File(source.getLocation().toURI()))) {
        java.util.jar.JarEntry entry = jar.getJarEntry(resource);
        if (entry == null) {
          return properties(loader, resource);
        }
        try (InputStream in = jar.getInputStream(entry)) {
          Properties properties = new Properties();
          properties.load(in);
          return Optional.of(properties);
        }
      }
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (IOException | java.net.URISyntaxException e) {
      return properties(loader, resource);
    }
  }

  private static Optional<Properties> properties(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      return Optional.of(properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
