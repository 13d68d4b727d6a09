package io.prodi.testing;

import io.prodi.config.Layer;
import io.prodi.engine.SparkLayerEngine;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Layer runs through the real command line on the test JVM's one {@code local[2]} session
 * ({@link TestSession}, shared by every Spark test class of every module).
 */
public final class SharedSpark {
  private SharedSpark() {}

  /** The test JVM's one local[2] session ({@link TestSession}). */
  public static SparkSession session() {
    return TestSession.get();
  }

  /** An engine on the shared session, as a main class builds one on its own. */
  public static SparkLayerEngine engine() {
    return new SparkLayerEngine(configs -> session());
  }

  /** {@code prodi <args>} with a real engine on the shared session. */
  public static CliRun prodi(Map<String, String> env, String... args) {
    return CliRun.run(env, engine(), null, args);
  }

  public static CliRun prodi(String... args) {
    return prodi(Map.of(), args);
  }

  /** {@code prodi run-layer -c CONFIG --base-dir BASE [more...]} on the shared session. */
  public static CliRun runLayer(String config, java.nio.file.Path base, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "run-layer";
    args[1] = "-c";
    args[2] = config;
    args[3] = "--base-dir=" + base;
    System.arraycopy(more, 0, args, 4, more.length);
    return prodi(args);
  }

  public static CliRun layer(Layer layer, String... args) {
    return CliRun.run(Map.of(), engine(), layer, args);
  }
}
