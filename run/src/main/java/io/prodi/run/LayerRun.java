package io.prodi.run;

import io.prodi.config.LayerConfig;
import io.prodi.config.load.ConfigLoader;
import io.prodi.config.load.LoadedLayer;
import io.prodi.config.load.RunVariables;
import io.prodi.guard.DryRunGuard;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigProblem;
import io.prodi.yaml.CredentialRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;

/**
 * One layer run from config to exit code: load and validate (exit 2 on a problem), decide dry or
 * real with the {@link DryRunGuard} before any session exists, then plan (dry) or run the engine.
 */
public final class LayerRun {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int INVALID = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Console console;
  private final LayerEngine engine;
  private final java.util.function.Function<LayerConfig, StopSignal> stopSignals;

  public LayerRun(Console console, LayerEngine engine) {
    this(console, engine, config -> StopSignal.onShutdown(config.trigger().stopGrace(), console));
  }

  /** {@code stopSignals}: what stops a continuous stream (the process's shutdown, unless a test gives its own). */
  public LayerRun(Console console, LayerEngine engine, java.util.function.Function<LayerConfig, StopSignal> stopSignals) {
    this.console = console;
    this.engine = engine;
    this.stopSignals = stopSignals;
  }

  /** Loads the request's config with the run's variables (built-ins under --vars). */
  public static LoadedLayer load(RunRequest request, String runId) {
    Map<String, String> vars = RunVariables.of(request.start(), runId, request.vars());
    ConfigLoader loader = new ConfigLoader(request.files(), request.env(), vars, request.baseDir());
    LoadedLayer loaded = loader.loadLayer(request.configUri(), request.layer());
    Optional<Boolean> failOnError = request.dqFailOnError();
    if (failOnError.isPresent()) {
      LayerConfig config = loaded.config();
      return loaded.withConfig(config.withDq(config.dq().withFailOnError(failOnError.get())));
    }
    return loaded;
  }

  public int execute(RunRequest request) {
    Instant started = Instant.now();
    String runId = request.vars().getOrDefault("run_id", RunVariables.newRunId(request.start()));
    LoadedLayer loaded;
    try {
      loaded = load(request, runId);
    } catch (ConfigException e) {
      e.problems().forEach(p -> console.problem(p, p.severity() == ConfigProblem.Severity.ERROR));
      return INVALID;
    }
    return execute(request, loaded, runId, started);
  }

  /**
   * A pipeline step whose config the pipeline loaded (and validated) before its first step ran;
   * {@code pool} names the step when steps run concurrently (the engine's scheduler pool).
   */
  public int execute(RunRequest request, LoadedLayer loaded, Optional<String> pool) {
    return execute(request, loaded, request.vars().get("run_id"), Instant.now(), pool); // the step's own time
  }

  private int execute(RunRequest request, LoadedLayer loaded, String runId, Instant started) {
    return execute(request, loaded, runId, started, Optional.empty());
  }

  private int execute(RunRequest request, LoadedLayer loaded, String runId, Instant started, Optional<String> pool) {
    LayerConfig config = loaded.config();
    String layer = config.layer().id();
    DryRunGuard.Decision decision = DryRunGuard.decide(layer, config.dryRun(), request.dryRunFlag(), request.env());
    decision.forcingMessage().ifPresent(console::result);
    console.addSecrets(loaded.credentials().stream().filter(CredentialRef::secret).map(CredentialRef::variable)
        .map(v -> request.env().credential(v).orElse(null)).filter(v -> v != null).collect(Collectors.toList()));
    boolean realRun = !decision.dryRun();
    List<ConfigProblem> errors = loaded.problems().stream().filter(p -> p.isError(realRun)).collect(Collectors.toList());
    loaded.problems().stream().filter(p -> !p.isError(realRun)).forEach(p -> console.problem(p, false));
    if (!errors.isEmpty()) {
      errors.forEach(p -> console.problem(p, true));
      return INVALID;
    }
    console.detail("[" + layer + "] config " + config.uri() + ": " + ConfigLog.line(loaded.resolvedTree()));
    RunSummary summary = new RunSummary(layer, runId, config.uri(), started).describe(config);
    if (!realRun) {
      console.result(String.join("\n", Plan.lines(config, true))); // one block: steps may run side by side
      console.result(summary.status("dry_run").line());
      return OK;
    }
    return runForReal(new RunContext(loaded, request.env(), runId, console, summary).inPool(pool), request);
  }

  private int runForReal(RunContext context, RunRequest request) {
    LayerConfig config = context.loaded().config();
    if (!config.streams()) {
      return runBatch(context, request);
    }
    StopSignal stop = config.trigger().continuous() ? stopSignals.apply(config) : StopSignal.manual();
    return new MicroBatches(config.trigger(), stop, console).run(config.layer().id(), (batch, targets) -> {
      RunContext batchRun = batch.number() == 1 ? context : context.forBatch(batch, context.runId() + "-b"
          + batch.number(), new RunSummary(config.layer().id(), context.runId() + "-b" + batch.number(), config.uri(),
          Instant.now()).describe(config));
      int code = runBatch(batchRun.withTargets(targets), request);
      return Map.entry(code, batchRun.summary());
    });
  }

  /** One run: the layer, or one micro-batch of a stream, with its summary, lineage and event-log row. */
  private int runBatch(RunContext context, RunRequest request) {
    RunSummary summary = context.summary();
    Optional<RunLineage> lineage = RunLineage.of(context.loaded().config(), context.runId(), request.pipeline(), console);
    lineage.ifPresent(l -> l.started(summary.body()));
    int code = OK;
    try {
      engine.run(context);
      summary.status("succeeded");
    } catch (RunFailure e) {
      console.error(e.getMessage());
      console.trace(e);
      summary.status("failed").error(console.mask(e.getMessage()));
      code = FAILED;
    } catch (ConfigException e) {
      e.problems().forEach(p -> console.problem(p, true));
      summary.status("failed").error(console.mask(e.getMessage()));
      code = INVALID;
    } catch (Exception e) { // Spark's own errors (some checked, thrown from Scala): one line, trace with --verbose
      String message = "Cannot run " + context.loaded().config().layer().id() + ": " + RunFailure.firstLine(e);
      console.error(message);
      console.trace(e);
      summary.status("failed").error(console.mask(message));
      code = FAILED;
    }
    String line = console.mask(summary.line());
    boolean quiet = code == OK && quietBatch(context);
    if (!quiet) {
      console.result(line);
      request.summaryUri().ifPresent(uri -> writeSummary(request, uri, line));
    }
    lineage.ifPresent(l -> l.ended(summary.body(), summary.schemas()));
    if (!quiet) {
      recordEvent(context, request, line);
    }
    return code;
  }

  /** A continuous stream's later batch that found nothing new: no summary line, no event-log row. */
  private static boolean quietBatch(RunContext context) {
    JsonNode stream = context.summary().body().path("stream");
    return context.loaded().config().trigger().continuous() && context.batch().number() > 1
        && stream.path("records").asLong(-1) == 0;
  }

  /** The run's row in the event log; a log that cannot take it costs one warning, never the run's outcome. */
  private void recordEvent(RunContext context, RunRequest request, String maskedLine) {
    LayerConfig config = context.loaded().config();
    String uri = EventRecord.uri(config);
    try {
      JsonNode body = JSON.readTree(maskedLine).get("prodi_summary");
      String sha = EventRecord.sha256(request.files().read(config.uri()));
      long start = System.nanoTime();
      engine.recordEvent(context, uri, EventRecord.of(body, config, request, sha, Instant.now()));
      console.detail("[" + config.layer().id() + "] event log " + uri + ": run recorded in "
          + (System.nanoTime() - start) / 1_000_000 + " ms");
    } catch (IOException | RuntimeException e) {
      console.warning(console.mask("[" + config.layer().id() + "] Cannot write the event log: "
          + RunFailure.firstLine(e) + " (" + uri + ")"));
      console.trace(e);
    }
  }

  private void writeSummary(RunRequest request, String uri, String line) {
    Path path = new Path(uri);
    try (OutputStream out = path.getFileSystem(request.files().hadoopConf()).create(path, true)) {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      console.warning("Cannot write the run summary: " + e.getMessage() + " (" + uri + ")");
    }
  }
}
