package io.prodi.testing;

import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.config.Layer;
import io.prodi.run.LayerEngine;
import io.prodi.yaml.ConfigFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of the command line: exit code, standard output and standard error. */
public final class CliRun extends RunOutput {
  private CliRun(int exitCode, String out, String err) {
    super(exitCode, out, err);
  }

  public static CliRun prodi(Map<String, String> env, String... args) {
    return run(env, new NoSparkEngine(), null, args);
  }

  public static CliRun prodi(String... args) {
    return prodi(Map.of(), args);
  }

  public static CliRun layerMain(Layer layer, Map<String, String> env, String... args) {
    return run(env, new NoSparkEngine(), layer, args);
  }

  public static CliRun run(Map<String, String> env, LayerEngine engine, Layer layer, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, engine, CliRun::files);
    int code = layer == null ? Prodi.execute(args, context) : Prodi.executeLayer(layer, args, context);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Hadoop file systems for tests: as a real run has them (site files and {@code spark.hadoop.*}
   * system properties), plus {@code testfs://} on a folder.
   */
  public static ConfigFiles files() {
    return new ConfigFiles(TestFileSystems.withTestFs(ConfigFiles.fromSystemProperties().hadoopConf()));
  }
}
