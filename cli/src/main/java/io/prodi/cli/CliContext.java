package io.prodi.cli;

import io.prodi.run.LayerEngine;
import io.prodi.yaml.ConfigFiles;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/** What every command receives from its main: the streams, the process environment and the engine. */
public final class CliContext {
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> processEnv;
  private final LayerEngine engine;
  private final Supplier<ConfigFiles> files;

  public CliContext(PrintStream out, PrintStream err, Map<String, String> processEnv, LayerEngine engine,
      Supplier<ConfigFiles> files) {
    this.out = out;
    this.err = err;
    this.processEnv = Map.copyOf(processEnv);
    this.engine = engine;
    this.files = files;
  }

  /** The context of a real process: System streams and environment. */
  public static CliContext system(LayerEngine engine) {
    return new CliContext(System.out, System.err, System.getenv(), engine, ConfigFiles::fromSystemProperties);
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public Map<String, String> processEnv() {
    return processEnv;
  }

  public LayerEngine engine() {
    return engine;
  }

  public ConfigFiles files() {
    return files.get();
  }
}
