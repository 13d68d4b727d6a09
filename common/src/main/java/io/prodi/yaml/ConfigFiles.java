package io.prodi.yaml;

import io.prodi.yaml.ConfigException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads config files through the Hadoop {@link FileSystem} API, so that a config may live on any
 * file system the class path knows ({@code gs://}, {@code s3a://}, {@code hdfs://}, ...), and
 * resolves the paths that files name relative to each other. A local path (no scheme, or {@code file:})
 * is read with {@code java.nio} directly, the same bytes Hadoop's local file system would give: Hadoop's
 * start-up (its configuration and file-system registry, about 1.4 s in a fresh JVM) is then paid only by
 * what needs it, so {@code validate} of local files never pays it.
 */
public final class ConfigFiles {
  private static final String SPARK_HADOOP_PREFIX = "spark.hadoop.";
  private static final long LARGEST_CONFIG_BYTES = 4L * 1024 * 1024;

  private final java.util.function.Supplier<Configuration> conf;
  private Configuration built;

  public ConfigFiles(Configuration hadoopConf) {
    this.conf = () -> hadoopConf;
    this.built = hadoopConf;
  }

  /** Config files whose Hadoop configuration is built by {@code conf} on first use. */
  static ConfigFiles lazy(java.util.function.Supplier<Configuration> conf) {
    return new ConfigFiles(conf);
  }

  private ConfigFiles(java.util.function.Supplier<Configuration> conf) {
    this.conf = conf;
  }

  /**
   * A Hadoop configuration from the class path's site files plus every {@code spark.hadoop.*}
   * system property, which is how spark-submit passes {@code --conf spark.hadoop.x=y} to a driver.
   */
  public static ConfigFiles fromSystemProperties() {
    return lazy(() -> {
      Configuration conf = new Configuration();
      for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
        String key = String.valueOf(e.getKey());
        if (key.startsWith(SPARK_HADOOP_PREFIX)) {
          conf.set(key.substring(SPARK_HADOOP_PREFIX.length()), String.valueOf(e.getValue()));
        }
      }
      return conf;
    });
  }

  /** The Hadoop configuration, built on first use. */
  public synchronized Configuration hadoopConf() {
    if (built == null) {
      built = conf.get();
    }
    return built;
  }

  /**
   * The value of a Hadoop key when one can be set: always asked of a configuration already built; else
   * answered without building one when neither a {@code core-site.xml} on the class path nor a
   * {@code spark.hadoop.} system property can set it.
   */
  public java.util.Optional<String> hadoopValue(String key) {
    boolean settable = built != null || System.getProperty(SPARK_HADOOP_PREFIX + key) != null
        || ConfigFiles.class.getClassLoader().getResource("core-site.xml") != null;
    return settable ? java.util.Optional.ofNullable(hadoopConf().getTrimmed(key)).filter(v -> !v.isEmpty())
        : java.util.Optional.empty();
  }

  /** The whole text of a config file (UTF-8). */
  public String read(String uri) {
    java.util.Optional<java.nio.file.Path> local = LocalFiles.of(uri);
    if (local.isPresent()) {
      return LocalFiles.read(uri, local.get(), LARGEST_CONFIG_BYTES);
    }
    Path path = new Path(uri);
    try {
      FileSystem fs = path.getFileSystem(hadoopConf());
      long length = fs.getFileStatus(path).getLen();
      if (length > LARGEST_CONFIG_BYTES) {
        throw ConfigException.of(uri, "$", "Cannot read config: larger than 4 MiB (" + length + " bytes)");
      }
      try (InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException e) {
      throw ConfigException.of(uri, "$", "Cannot read config: file not found (" + uri + ")");
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConfigException) {
        throw (ConfigException) e;
      }
      throw ConfigException.of(uri, "$", "Cannot read config: " + firstLine(e) + " (" + uri + ")");
    }
  }

  /**
   * The first of {@code candidates} that exists (: a path not beside the file that names
   * it is looked up against {@code --base-dir}); when none does, a config error that names every place tried.
   */
  public String locate(String what, String... candidates) {
    java.util.LinkedHashSet<String> tried = new java.util.LinkedHashSet<>(java.util.Arrays.asList(candidates));
    for (String candidate : tried) {
      if (exists(candidate)) {
        return candidate;
      }
    }
    throw ConfigException.of(candidates[0], "$", "Cannot read " + what + ": file not found ("
        + String.join(", also tried ", tried) + ")");
  }

  /**
   * Whether {@code uri} names an existing file; a file system that cannot answer counts as yes, so that
   * reading the file reports its real error.
   */
  public boolean exists(String uri) {
    java.util.Optional<java.nio.file.Path> local = LocalFiles.of(uri);
    if (local.isPresent()) {
      return java.nio.file.Files.isRegularFile(local.get());
    }
    try {
      Path path = new Path(uri);
      return path.getFileSystem(hadoopConf()).isFile(path);
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /**
   * The YAML files ({@code *.yml}, {@code *.yaml}) under {@code uri} when it names a folder, at any depth and in
   * path order, each written as {@code uri} plus its relative path; empty when {@code uri} is not a folder.
   */
  public java.util.List<String> yamlFilesUnder(String uri) {
    java.util.Optional<java.nio.file.Path> local = LocalFiles.of(uri);
    if (local.isPresent()) {
      return LocalFiles.yamlFilesUnder(uri, local.get());
    }
    Path folder = new Path(uri);
    java.util.List<String> files = new java.util.ArrayList<>();
    try {
      FileSystem fs = folder.getFileSystem(hadoopConf());
      if (!fs.getFileStatus(folder).isDirectory()) {
        return files;
      }
      String prefix = fs.makeQualified(folder).toString();
      org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> all = fs.listFiles(folder, true);
      while (all.hasNext()) {
        String name = fs.makeQualified(all.next().getPath()).toString();
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
          files.add(uri.replaceAll("/+$", "") + name.substring(prefix.replaceAll("/+$", "").length()));
        }
      }
    } catch (FileNotFoundException e) {
      return files;
    } catch (IOException e) {
      throw ConfigException.of(uri, "$", "Cannot list configs: " + firstLine(e) + " (" + uri + ")");
    }
    java.util.Collections.sort(files);
    return files;
  }

  /**
   * The name of the first data file under the folder {@code uri} (at any depth, so that partition folders are
   * looked into), skipping the {@code _} and {@code .} files Spark and Hadoop keep beside the data.
   */
  public java.util.Optional<String> firstDataFile(String uri) {
    try {
      Path folder = new Path(uri);
      org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> all =
          folder.getFileSystem(hadoopConf()).listFiles(folder, true);
      while (all.hasNext()) {
        Path file = all.next().getPath();
        String relative = file.toUri().getPath().substring(folder.toUri().getPath().length());
        if (!relative.matches(".*/[_.][^/]*")) {
          return java.util.Optional.of(file.getName());
        }
      }
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }

  /** Whether {@code uri} names an existing folder; a file system that cannot answer counts as no. */
  public boolean isFolder(String uri) {
    java.util.Optional<java.nio.file.Path> local = LocalFiles.of(uri);
    if (local.isPresent()) {
      return java.nio.file.Files.isDirectory(local.get());
    }
    try {
      Path path = new Path(uri);
      return path.getFileSystem(hadoopConf()).getFileStatus(path).isDirectory();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** {@code ref} resolved against the folder of the file {@code fromFile}, unless it is absolute. */
  public static String resolveSibling(String fromFile, String ref) {
    if (isAbsolute(ref)) {
      return ref;
    }
    Path parent = new Path(fromFile).getParent();
    return parent == null ? ref : new Path(parent, ref).toString();
  }

  /** {@code ref} resolved against a base folder, unless it is absolute or has a scheme. */
  public static String resolveAgainst(String baseDir, String ref) {
    if (isAbsolute(ref) || baseDir == null) {
      return ref;
    }
    return new Path(new Path(baseDir), ref).toString();
  }

  public static boolean isAbsolute(String ref) {
    if (ref.startsWith("/")) {
      return true;
    }
    try {
      URI uri = new URI(ref.replace(" ", "%20"));
      return uri.getScheme() != null && uri.getScheme().length() > 1;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String firstLine(Throwable thrown) {
    Throwable e = thrown;
    while (e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
