package io.prodi.testing;

import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.config.Layer;
import io.prodi.run.LayerEngine;
import io.prodi.yaml.ConfigFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One in-process run of the command line: exit code, standard output and standard error. */
public final class CliRun {
  private final int exitCode;
  private final String out;
  private final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
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

  public int exitCode() {
    return exitCode;
  }

  public String out() {
    return out;
  }

  public String err() {
    return err;
  }

  public List<String> errLines() {
    return lines(err);
  }

  public List<String> outLines() {
    return lines(out);
  }

  /** The {@code prodi: error:} lines of standard error. */
  public List<String> errors() {
    return errLines().stream().filter(l -> l.startsWith("prodi: error: ")).collect(Collectors.toList());
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).collect(Collectors.toList());
  }

  /** The run's summary: the {@code prodi_summary} object of its last output line. */
  public com.fasterxml.jackson.databind.JsonNode summary() {
    List<String> lines = outLines();
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(lines.size() - 1)).get("prodi_summary");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
