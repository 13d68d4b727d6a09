package io.prodi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import io.prodi.testing.Rows;
import io.prodi.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * prodi on an object-store emulator started by {@code bin/local-stores} (s3rver, the firebase-tools
 * Cloud Storage emulator). Two buckets, as on a real deployment: the configs in {@code prodi-cfg},
 * reached with the "cluster's" settings ({@code spark.hadoop.*} system properties, as spark-submit
 * passes them); the data, Delta tables, state and reports in {@code prodi-data}, reached only through
 * the keys prodi derives from the environment config: the session's own defaults for the store point
 * at a closed loopback port, so a run that did not apply them fails. Without the emulator the tests
 * are skipped on a developer's machine and fail under CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ObjectStoreTestBase {
  private static final String RESOURCES = "stores/";
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, String> setProperties = new HashMap<>();
  /** This test's own data folder on the store, and its local twin. */
  private String dataRoot;
  private Path local;
  @TempDir
  Path tmp;

  /** {@code s3a} or {@code gs}: the scheme of the store and the name of its environment config. */
  abstract String scheme();

  /** The {@code STORE} variable: the environment config the layer configs name. */
  abstract String storeName();

  abstract int port();

  /** Hadoop keys that reach the emulator for {@code bucket} (the cluster's own settings). */
  abstract Map<String, String> reach(String bucket);

  /** Session defaults for the store that reach nothing (a closed loopback port), and fail fast. */
  abstract Map<String, String> unreachable();

  /** The {@code --env.} values the environment config's credential variables name. */
  abstract Map<String, String> credentials();

  String cfgRoot() {
    return scheme() + "://prodi-cfg/" + run;
  }

  String dataRoot() {
    return dataRoot;
  }

  @BeforeEach
  void freshDataRoot(TestInfo test) {
    String name = test.getTestMethod().orElseThrow().getName();
    dataRoot = scheme() + "://prodi-data/" + run + "/" + name + "/";
    local = tmp.resolve(name);
    files().uploadTree(RESOURCES + "cfg", local.resolve("cfg").toUri().toString(), this::adapt);
  }

  /** The text of a config file for this store's tests (relative to cfg/): as it is, unless a store needs otherwise. */
  String adapt(String relative, String text) {
    return text;
  }

  @BeforeAll
  void emulator() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port()), 1000);
    } catch (IOException e) {
      io.prodi.testing.Required.missing("the " + scheme() + " emulator does not answer on 127.0.0.1:" + port(),
          "start it with bin/local-stores start", e);
    }
    reach("prodi-cfg").forEach((key, value) -> setProperty("spark.hadoop." + key, value));
    Configuration session = spark().sparkContext().hadoopConfiguration();
    unreachable().forEach(session::set);
    files().uploadTree(RESOURCES + "cfg", cfgRoot() + "/cfg", this::adapt);
  }

  @AfterAll
  void clearProperties() {
    setProperties.forEach((key, previous) -> {
      if (previous == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, previous);
      }
    });
  }

  private void setProperty(String key, String value) {
    setProperties.putIfAbsent(key, System.getProperty(key));
    System.setProperty(key, value);
  }

  /** Test-side access to both buckets and local files (uncached file systems of its own). */
  StoreFiles files() {
    Configuration conf = new Configuration();
    reach("prodi-cfg").forEach(conf::set);
    reach("prodi-data").forEach(conf::set);
    return new StoreFiles(conf);
  }

  static SparkSession spark() {
    return SharedSpark.session();
  }

  /** {@code prodi <command> ... --vars STORE=... --vars CFG=... --base-dir DATA} with the credentials. */
  CliRun prodi(String store, String cfg, String baseDir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--vars");
    all.add("STORE=" + store);
    all.add("--vars");
    all.add("CFG=" + cfg);
    all.add("--base-dir=" + baseDir);
    credentials().forEach((key, value) -> all.add("--env." + key + "=" + value));
    return CliRun.run(Map.of(), SharedSpark.engine(), null, all.toArray(new String[0]));
  }

  CliRun onStore(String... args) {
    return prodi(storeName(), cfgRoot() + "/cfg", dataRoot(), args);
  }

  CliRun onLocalFiles(String... args) {
    return prodi("local", local.resolve("cfg").toString(), local.toString(), args);
  }

  String storeConfig(String relative) {
    return cfgRoot() + "/cfg/" + relative;
  }

  String localConfig(String relative) {
    return local.resolve("cfg").resolve(relative).toString();
  }

  /** The rows of a table under the store's data root and under the local run's, for comparison. */
  List<String> storeRows(String format, String relative, String... columns) {
    return rows(format, dataRoot() + relative, columns);
  }

  List<String> localRows(String format, String relative, String... columns) {
    return rows(format, local.resolve(relative).toString(), columns);
  }

  private List<String> rows(String format, String uri, String... columns) {
    Dataset<Row> data = spark().read().format(format).option("header", "true").load(uri);
    return Rows.of(data, columns);
  }

  static void assertExit(CliRun run, int code) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(code);
  }

  void landDay(String day) {
    try {
      StoreFiles files = files();
      files.upload(RESOURCES + "landing/" + day + ".csv", dataRoot() + "landing/" + day + ".csv");
      files.upload(RESOURCES + "landing/" + day + ".csv", local.resolve("landing/" + day + ".csv").toUri().toString());
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("Cannot land " + day + " on the store", e);
    }
  }
}
