package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.config.load.LoadedLayer;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.LayerEngine;
import io.prodi.run.RunContext;
import io.prodi.run.RunFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The layer runtime on Spark. It holds the factory a main class gave it and builds the process's one
 * session on the first real run (never for a dry run); every run then works in a session of its own
 * ({@code newSession()}: its own temp views and SQL conf) over the shared SparkContext.
 */
public final class SparkLayerEngine implements LayerEngine {
  private static final String SCHEDULER_POOL = "spark.scheduler.pool";
  private final Function<List<LayerConfig>, SparkSession> sessionFactory;
  private final List<LayerConfig> expected = new ArrayList<>();
  private SparkSession session;

  public SparkLayerEngine(Function<List<LayerConfig>, SparkSession> sessionFactory) {
    this.sessionFactory = sessionFactory;
  }

  @Override
  public synchronized void expect(List<LoadedLayer> layers) {
    expected.addAll(layers.stream().map(LoadedLayer::config).collect(Collectors.toList()));
  }

  @Override
  public void run(RunContext run) {
    LayerConfig config = run.loaded().config();
    SparkSession spark = configured(stepSession(config), run);
    StepContext context = new StepContext(spark, config, run.runId(), run.console(), run.env());
    long start = System.nanoTime();
    run.console().progress("[" + config.layer().id() + "] running " + config.uri() + " (run " + run.runId() + ")"
        + run.pool().map(p -> " in pool " + p).orElse(""));
    spark.sparkContext().setLocalProperty(SCHEDULER_POOL, run.pool().orElse(null));
    try {
      new LayerExecution(context, run.summary(), run.loaded().logicalDate(), run.batch(), run.targets()).run();
    } finally {
      spark.sparkContext().setLocalProperty(SCHEDULER_POOL, null);
    }
    run.console().progress("[" + config.layer().id() + "] done in "
        + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
  }

  @Override
  public void recordEvent(RunContext run, String uri, com.fasterxml.jackson.databind.node.ObjectNode row) {
    SparkSession spark = eventLogSession(run);
    spark.sparkContext().setLocalProperty(SCHEDULER_POOL, run.pool().orElse(null));
    spark.sparkContext().setJobDescription("[" + run.loaded().config().layer().id() + "] event log");
    try {
      new io.prodi.engine.ops.EventLog(spark, uri).write(row);
    } finally {
      spark.sparkContext().setJobDescription(null);
      spark.sparkContext().setLocalProperty(SCHEDULER_POOL, null);
    }
  }

  @Override
  public List<com.fasterxml.jackson.databind.JsonNode> history(RunContext run, String uri, int n) {
    LayerConfig config = run.loaded().config();
    SparkSession spark = eventLogSession(run);
    return new io.prodi.engine.ops.EventLog(spark, uri).last(config.layer().id(),
        io.prodi.run.StateIds.dataset(config), n);
  }

  /** The step's session, with its storage keys (the event log tunes its own Delta reads). */
  private SparkSession eventLogSession(RunContext run) {
    return configured(stepSession(run.loaded().config()), run);
  }

  @Override
  public String analyze(RunContext run) {
    LayerConfig config = run.loaded().config();
    SparkSession spark = configured(stepSession(config), run);
    return new PlanAnalyzer(new StepContext(spark, config, run.runId(), run.console(), run.env())).analyze();
  }

  @Override
  public io.prodi.run.ShownRows show(io.prodi.run.ShowQuery query, java.util.Optional<RunContext> run) {
    SparkSession spark;
    if (run.isPresent()) {
      spark = configured(stepSession(run.get().loaded().config()), run.get());
    } else {
      if (session == null) {
        session = sessionFactory.apply(List.of());
      }
      spark = session.newSession();
    }
    if (query.data().usesDelta() && !SparkSessions.hasDelta(spark)) {
      throw new RunFailure("Cannot show " + query.data() + ": the Spark session started without Delta's extension ("
          + SparkSessions.DELTA_EXTENSION + ")");
    }
    return new StoredDataReader(spark).show(query);
  }

  /**
   * The step's session with the Hadoop keys of its storage. Credential values among them come from
   * secret credential variables, which the run already masks everywhere.
   */
  private static SparkSession configured(SparkSession spark, RunContext run) {
    LayerConfig config = run.loaded().config();
    Map<String, String> hadoop = new java.util.LinkedHashMap<>(
        HadoopStorageKeys.of(config.environmentConfig().storage(), run.env()));
    hadoop.putAll(HadoopStorageKeys.of(config.storage(), run.env()));
    hadoop.forEach((key, value) -> spark.conf().set(key, value));
    config.catalogs().values().forEach(c -> c.sparkProperties(config.baseDir()).forEach(spark.conf()::set));
    return spark;
  }

  /** The process's session, built for {@code configs} if no run has built it yet. */
  @Override
  public boolean runsConfigTests() {
    return true;
  }

  @Override
  public io.prodi.configtest.TestResult test(io.prodi.configtest.ConfigTest test, io.prodi.run.RunRequest request) {
    return new io.prodi.engine.configtest.ConfigTestRunner(this::session, this).run(test, request);
  }

  public synchronized SparkSession session(List<LayerConfig> configs) {
    if (session == null) {
      List<LayerConfig> all = new ArrayList<>(expected);
      all.addAll(configs);
      session = sessionFactory.apply(all);
    }
    return session;
  }

  private synchronized SparkSession processSession(LayerConfig config) {
    if (session == null) {
      List<LayerConfig> configs = new ArrayList<>(expected);
      if (!configs.contains(config)) {
        configs.add(0, config);
      }
      session = sessionFactory.apply(configs);
    }
    return session;
  }

  private SparkSession stepSession(LayerConfig config) {
    SparkSession session = processSession(config);
    if (SparkSessions.usesDelta(config) && !SparkSessions.hasDelta(session)) {
      throw new RunFailure("Cannot use Delta Lake in " + config.uri() + ": the Spark session started without "
          + "Delta's extension; set spark.sql.extensions=" + SparkSessions.DELTA_EXTENSION + " (and the catalog) "
          + "when submitting the job (" + config.layer().id() + ")");
    }
    SparkSession step = session.newSession();
    step.conf().set("spark.sql.session.timeZone", config.environmentConfig().timezone());
    config.compute().options().forEach((key, value) -> {
      if (!step.conf().isModifiable(key) && !value.equals(step.conf().get(key, null))) {
        return; // static or core conf: fixed when the process's session started
      }
      step.conf().set(key, value);
    });
    ShufflePartitions.forStep(step, config).ifPresent(n -> step.conf().set(ShufflePartitions.KEY, n));
    DeltaSnapshotPartitions.forStep(step, config).ifPresent(n -> step.conf().set(DeltaSnapshotPartitions.KEY, n));
    return step;
  }
}
