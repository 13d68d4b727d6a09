package io.prodi.engine;

import io.prodi.env.HadoopCredentialStore;
import io.prodi.env.RunEnvironment;
import io.prodi.run.Console;
import io.prodi.run.LayerRun;
import io.prodi.run.RunRequest;
import io.prodi.testing.RunOutput;
import io.prodi.testing.TestFileSystems;
import io.prodi.testing.TestSession;
import io.prodi.yaml.ConfigFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A layer run as {@code prodi run-layer -c CONFIG --base-dir BASE [--vars K=V]... [--dry-run] [--dq-[no-]fail-on-error]}
 * makes it, on the test
 * JVM's one session and without the command line: {@link LayerRun} given the engine a main class builds, so the
 * engine's tests run beside the engine.
 */
public final class LayerRuns {
  private LayerRuns() {}

  public static RunOutput run(String config, Path base, String... more) {
    return run(config, base, io.prodi.run.StopSignal.manual(), more);
  }

  /** A run whose continuous stream stops when {@code stop} is requested; {@code --env K=V} sets a variable. */
  public static RunOutput run(String config, Path base, io.prodi.run.StopSignal stop, String... more) {
    Map<String, String> vars = new LinkedHashMap<>();
    Map<String, String> variables = new LinkedHashMap<>();
    boolean dryRun = false;
    Optional<Boolean> failOnError = Optional.empty();
    for (int i = 0; i < more.length; i++) {
      if (more[i].equals("--dry-run")) {
        dryRun = true;
      } else if (more[i].equals("--dq-fail-on-error") || more[i].equals("--dq-no-fail-on-error")) {
        failOnError = Optional.of(more[i].equals("--dq-fail-on-error"));
      } else if (more[i].equals("--env") && i + 1 < more.length && more[i + 1].indexOf('=') > 0) {
        String pair = more[++i];
        variables.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      } else if (more[i].equals("--vars") && i + 1 < more.length && more[i + 1].indexOf('=') > 0) {
        String pair = more[++i];
        vars.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      } else {
        throw new IllegalArgumentException("Cannot run the layer: an engine test takes --vars K=V, --dry-run and "
            + "--dq-[no-]fail-on-error, the command line the rest (" + more[i] + ")");
      }
    }
    ConfigFiles files = new ConfigFiles(TestFileSystems.withTestFs(ConfigFiles.fromSystemProperties().hadoopConf()));
    RunEnvironment env = RunEnvironment.of(variables, Map.of(), HadoopCredentialStore.of(files));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    RunRequest request = new RunRequest(config, Optional.empty(), vars, env, dryRun, failOnError, base.toString(),
        Optional.empty(), files, Instant.now());
    int code = new LayerRun(console, new SparkLayerEngine(configs -> TestSession.get()), c -> stop).execute(request);
    return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The run's printed output. */
  private static final class Output extends RunOutput {
    Output(int exitCode, String out, String err) {
      super(exitCode, out, err);
    }
  }
}
