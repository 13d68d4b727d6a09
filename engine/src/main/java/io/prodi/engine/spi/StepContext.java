package io.prodi.engine.spi;

import io.prodi.config.LayerConfig;
import io.prodi.run.Console;
import org.apache.spark.sql.SparkSession;

/** What the steps of one layer run share: its own session (temp views, SQL conf), config and run id. */
public final class StepContext {
  /** The hidden column naming each row's source, added before the union when add_metadata needs it. */
  public static final String SOURCE_TAG = "__prodi_source";

  private final SparkSession spark;
  private final LayerConfig config;
  private final String runId;
  private final Console console;
  private final io.prodi.env.RunEnvironment env;
  private final java.util.function.Function<io.prodi.source.SourceSpec, java.util.Optional<String>> watermarks;
  private final java.util.function.Function<io.prodi.source.SourceSpec, java.util.Optional<String>> readsUpTo;
  private final java.util.List<Runnable> cleanups;
  private final io.prodi.sink.WriteTxn writeTxn;
  private final String logicalDate;
  private final RefreshWrite refreshWrite;

  public StepContext(SparkSession spark, LayerConfig config, String runId, Console console,
      io.prodi.env.RunEnvironment env) {
    this(spark, config, runId, console, env, source -> java.util.Optional.empty(), source -> java.util.Optional.empty(),
        new java.util.concurrent.CopyOnWriteArrayList<>(), null,
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), null);
  }

  private StepContext(SparkSession spark, LayerConfig config, String runId, Console console,
      io.prodi.env.RunEnvironment env,
      java.util.function.Function<io.prodi.source.SourceSpec, java.util.Optional<String>> watermarks,
      java.util.function.Function<io.prodi.source.SourceSpec, java.util.Optional<String>> readsUpTo,
      java.util.List<Runnable> cleanups, io.prodi.sink.WriteTxn writeTxn, String logicalDate, RefreshWrite refreshWrite) {
    this.refreshWrite = refreshWrite;
    this.spark = spark;
    this.config = config;
    this.runId = runId;
    this.console = console;
    this.env = env;
    this.watermarks = watermarks;
    this.readsUpTo = readsUpTo;
    this.cleanups = cleanups;
    this.writeTxn = writeTxn;
    this.logicalDate = logicalDate;
  }

  /** Something to undo when the layer run ends, after success and after failure (a staging folder). */
  public void onFinish(Runnable cleanup) {
    cleanups.add(cleanup);
  }

  /** Runs what {@link #onFinish} registered, newest first. */
  public void finish() {
    for (int i = cleanups.size() - 1; i >= 0; i--) {
      cleanups.get(i).run();
    }
    cleanups.clear();
  }

  /**
   * This context with the run's current watermarks, for the sources that read them (a JDBC placeholder), and
   * the values sources read up to, where a crashed earlier attempt of the run recorded one.
   */
  public StepContext withWatermarks(java.util.function.Function<io.prodi.source.SourceSpec, java.util.Optional<String>> current,
      java.util.function.Function<io.prodi.source.SourceSpec, java.util.Optional<String>> upTo) {
    return new StepContext(spark, config, runId, console, env, current, upTo, cleanups, writeTxn, logicalDate, refreshWrite);
  }

  /** This context with the identity of an incremental run's writes, for the sinks that append. */
  public StepContext withWriteTxn(io.prodi.sink.WriteTxn txn) {
    return new StepContext(spark, config, runId, console, env, watermarks, readsUpTo, cleanups, txn, logicalDate, refreshWrite);
  }

  /** This context without a write identity: the quarantine replaces its run's partition instead. */
  public StepContext withoutWriteTxn() {
    return new StepContext(spark, config, runId, console, env, watermarks, readsUpTo, cleanups, null, logicalDate, refreshWrite);
  }

  /** The identity of this run's appends when it is incremental: a rerun after a crash does not repeat them. */
  public java.util.Optional<io.prodi.sink.WriteTxn> writeTxn() {
    return java.util.Optional.ofNullable(writeTxn);
  }

  /** This context on another config of the same layer: a refresh's, whose sources read pinned versions. */
  public StepContext withConfig(LayerConfig other) {
    return new StepContext(spark, other, runId, console, env, watermarks, readsUpTo, cleanups, writeTxn, logicalDate,
        refreshWrite);
  }

  /** This context with how a refresh replaces the sinks' rows (whole, or the affected keys'). */
  public StepContext withRefreshWrite(RefreshWrite write) {
    return new StepContext(spark, config, runId, console, env, watermarks, readsUpTo, cleanups, writeTxn, logicalDate,
        write);
  }

  /** This context for a write that is not the refresh's (the quarantine's). */
  public StepContext withoutRefreshWrite() {
    return refreshWrite == null ? this : withRefreshWrite(null);
  }

  /** How the layer's sinks take a refresh's rows, when the layer refreshes (never for the quarantine). */
  public java.util.Optional<RefreshWrite> refreshWrite() {
    return java.util.Optional.ofNullable(refreshWrite);
  }

  /** This context on the run's logical date (the {@code ds} variable). */
  public StepContext withLogicalDate(String date) {
    return new StepContext(spark, config, runId, console, env, watermarks, readsUpTo, cleanups, writeTxn, date, refreshWrite);
  }

  /** The run's logical date, the {@code ds} variable: the sequence of a snapshot without one of its own. */
  public String logicalDate() {
    return logicalDate;
  }

  /** The watermark a source reads from in this run (lag applied), when it is incremental. */
  public java.util.Optional<String> watermark(io.prodi.source.SourceSpec source) {
    return watermarks.apply(source);
  }

  /**
   * The value a source reads up to in this run, when a crashed earlier attempt recorded it: an incremental source
   * that picks the end of what it reads itself (an Iceberg table's snapshot) ends there, as that attempt did.
   */
  public java.util.Optional<String> watermarkUpTo(io.prodi.source.SourceSpec source) {
    return readsUpTo.apply(source);
  }

  /** The environment variables of the run (with --env. overrides): where credentials are read. */
  public io.prodi.env.RunEnvironment env() {
    return env;
  }

  public SparkSession spark() {
    return spark;
  }

  public LayerConfig config() {
    return config;
  }

  public String runId() {
    return runId;
  }

  public Console console() {
    return console;
  }

  public String layer() {
    return config.layer().id();
  }

  /** Names the Spark jobs of what follows, so that the UI reads like the plan: "[raw] write sink 1 ...". */
  public void describe(String step) {
    spark.sparkContext().setJobDescription("[" + layer() + "] " + step);
  }

  /** A path as the config gives it, resolved against --base-dir when it is relative. */
  public String resolve(String path) {
    return io.prodi.yaml.ConfigFiles.resolveAgainst(config.baseDir(), path);
  }
}
