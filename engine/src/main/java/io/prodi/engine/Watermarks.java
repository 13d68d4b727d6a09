package io.prodi.engine;


import io.prodi.config.LayerConfig;
import io.prodi.engine.spi.StepContext;
import io.prodi.env.RunEnvironment;
import io.prodi.run.RunFailure;
import io.prodi.run.RunSummary;
import io.prodi.run.StateIds;
import io.prodi.run.StreamBatch;
import io.prodi.engine.spi.StreamPlan;
import io.prodi.engine.source.StreamPlanners;
import io.prodi.source.SourceSpec;
import io.prodi.source.WatermarkSpec;
import io.prodi.state.StateStore;
import io.prodi.state.WatermarkState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The incremental watermarks of one run: leases taken before anything is read,
 * each source filtered to rows after its watermark (minus lag), and the maximum of what was read
 * committed only after every sink has committed — never in a dry run, never after a failure.
 */
final class Watermarks {
  /** A stream's lease is taken anew by every micro-batch; one this old belongs to a dead process. */
  private static final java.time.Duration STALE_STREAM_LEASE = java.time.Duration.ofMinutes(10);
  private final StateStore store;
  private final Map<Integer, SourceMark> marks = new LinkedHashMap<>();
  private final List<String> leased = new ArrayList<>();

  private final StreamBatch batch;

  private Watermarks(StateStore store, StreamBatch batch) {
    this.store = store;
    this.batch = batch;
  }

  /**
   * Takes the leases and reads the current watermarks of a config's incremental sources; a stream source's
   * micro-batch ({@code batch}) is planned here, and its intent recorded before anything is read.
   */
  static Watermarks start(StepContext context, RunEnvironment env, StreamBatch batch) {
    LayerConfig config = context.config();
    Watermarks watermarks = new Watermarks(new StateStore(StateIds.stateUri(config),
        context.spark().sessionState().newHadoopConf()), batch);
    try {
      for (int i = 0; i < config.sources().size(); i++) {
        SourceSpec source = config.sources().get(i);
        if (source.watermark().isPresent()) {
          watermarks.open(i, source, source.watermark().get(), context, env);
        }
      }
    } catch (RuntimeException e) {
      watermarks.release();
      throw e;
    }
    return watermarks;
  }

  private void open(int index, SourceSpec source, WatermarkSpec spec, StepContext context, RunEnvironment env) {
    LayerConfig config = context.config();
    String runId = context.runId();
    String stateId = StateIds.of(config, source, spec);
    if (spec.planned()) {
      store.leaseOrTakeOver(stateId, runId, STALE_STREAM_LEASE).ifPresent(was -> context.console().progress("["
          + config.layer().id() + "] " + stateId + ": took over a lease idle for over "
          + STALE_STREAM_LEASE.toMinutes() + " min (" + was + ")"));
    } else {
      store.lease(stateId, runId);
    }
    leased.add(stateId);
    Optional<WatermarkState> stored = store.read(stateId);
    if (store.generation(stateId) == 0) {
      stored = StateIds.legacy(config, source, spec).flatMap(store::read).map(old -> {
        context.console().progress("[" + config.layer().id() + "] watermark " + old.stateId() + " (the id before it "
            + "named the layer) copied to " + stateId + ": " + old.value());
        return store.commit(stateId, old.value(), old.field(), runId, 0L);
      });
    }
    if (spec.planned()) {
      openPlanned(index, source, spec, stateId, stored, context);
      return;
    }
    String fromEnv = spec.fromEnv().flatMap(env::get).filter(v -> !v.isBlank()).orElse(null);
    String before = fromEnv != null ? fromEnv : stored.map(WatermarkState::value).orElse(spec.defaultValue());
    Optional<WatermarkState> pending = store.pending(stateId);
    pending.ifPresent(p -> context.console().progress("[" + config.layer().id() + "] watermark " + stateId
        + ": an earlier attempt of generation " + p.generation() + " (run " + p.runId() + ") did not commit; this"
        + " run reads up to " + p.value() + ", as it did"));
    marks.put(index, new SourceMark(spec, stateId, before, store.generation(stateId),
        pending.map(WatermarkState::value).orElse(null), source.filtersItsWatermark()));
  }

  /** A stream source: its micro-batch planned now, from the committed position or a crashed attempt's intent. */
  private void openPlanned(int index, SourceSpec source, WatermarkSpec spec, String stateId,
      Optional<WatermarkState> stored, StepContext context) {
    Optional<WatermarkState> pending = store.pending(stateId);
    pending.ifPresent(p -> context.console().progress("[" + context.layer() + "] " + stateId + ": micro-batch of "
        + "generation " + p.generation() + " (run " + p.runId() + ") did not commit; this run reads exactly its range"));
    Optional<String> target = context.config().trigger().continuous() ? Optional.empty() : batch.target(stateId);
    StreamPlan plan = StreamPlanners.plan(source, new StreamPlan.Request(stateId, stored.map(WatermarkState::value),
        pending.map(WatermarkState::value), target), context);
    long generation = store.generation(stateId);
    if (pending.isEmpty() && plan.records() > 0) {
      store.intend(stateId, generation + 1, plan.intent(), context.runId());
    }
    marks.put(index, new SourceMark(spec, stateId, stored.map(WatermarkState::value).orElse(spec.defaultValue()),
        generation, plan.intent(), false, plan));
  }

  /** Whether every stream source of this micro-batch has nothing new (the batch then reads and writes nothing). */
  boolean streamsHaveNothingNew() {
    return marks.values().stream().anyMatch(m -> m.plan != null)
        && marks.values().stream().filter(m -> m.plan != null).allMatch(m -> m.plan.records() == 0);
  }

  /** The stream's progress into the summary, and each stream source's target for the run's next batch. */
  void recordStream(RunSummary summary, io.prodi.run.StreamTargets targets, String trigger) {
    List<StreamPlan> plans = marks.values().stream().filter(m -> m.plan != null).map(m -> m.plan)
        .collect(java.util.stream.Collectors.toList());
    if (plans.isEmpty()) {
      return;
    }
    summary.stream(batch, trigger, plans.stream().mapToLong(StreamPlan::records).sum(),
        plans.stream().mapToLong(StreamPlan::lag).sum(), plans.stream().allMatch(StreamPlan::reachesTarget));
    marks.values().stream().filter(m -> m.plan != null && m.plan.target().isPresent())
        .forEach(m -> targets.put(m.stateId, m.plan.target().get()));
  }

  /**
   * The generation this run commits, the version of its idempotent writes: one more than the newest
   * generation of any of its state ids, so it grows with every commit and reset. 0 when not incremental.
   */
  long nextGeneration() {
    return marks.values().stream().mapToLong(m -> m.generation + 1).max().orElse(0L);
  }

  /** The state ids of this run, sorted: what its sinks' idempotent writes are keyed by. */
  List<String> stateIds() {
    return marks.values().stream().map(m -> m.stateId).sorted().collect(java.util.stream.Collectors.toList());
  }

  /**
   * Before the first sink writes: records, per state id, the generation and value this run will
   * commit, so that a rerun after a crash reads exactly what this run read.
   */
  void intend(Map<Integer, Row> observed, String runId) {
    for (Map.Entry<Integer, SourceMark> entry : marks.entrySet()) {
      SourceMark mark = entry.getValue();
      String newest = newest(observed.get(entry.getKey()));
      if (newest != null && mark.upTo == null && mark.plan == null) {
        store.intend(mark.stateId, mark.generation + 1, newest, runId);
      }
    }
  }

  private static String newest(Row row) {
    return row == null || row.size() < 2 || row.isNullAt(1) ? null : row.getString(1);
  }

  boolean isEmpty() {
    return marks.isEmpty();
  }

  /**
   * Whether the run's intent needs what its sources' rows hold (the newest watermark value, observed before the
   * first write); a stream's intent is its planned range, recorded before anything was read.
   */
  boolean observesIntent() {
    return marks.values().stream().anyMatch(m -> m.plan == null);
  }

  /**
   * The value a source reads after: its watermark minus lag, as text ("yyyy-MM-dd HH:mm:ss", UTC,
   * for a timestamp watermark with a lag); used where the source filters itself (a JDBC query).
   */
  Optional<String> current(LayerConfig config, SourceSpec source) {
    return Optional.ofNullable(marks.get(config.sources().indexOf(source))).map(SourceMark::afterLag);
  }

  /** The value a crashed earlier attempt of this generation read source {@code source} up to, if any. */
  Optional<String> upTo(LayerConfig config, SourceSpec source) {
    return Optional.ofNullable(marks.get(config.sources().indexOf(source))).map(mark -> mark.upTo);
  }

  /** Source {@code index}'s rows after its watermark (all rows when it has none). */
  Dataset<Row> filter(int index, Dataset<Row> data) {
    SourceMark mark = marks.get(index);
    return mark == null ? data : mark.filter(data);
  }

  /** The newest value of the watermark field in what source {@code index} read, as an aggregate to observe. */
  Optional<Column> maximum(int index, Dataset<Row> data) {
    return Optional.ofNullable(marks.get(index)).flatMap(mark -> mark.maximum(data));
  }

  /**
   * Commits each source's newest value read (after every sink committed) and records before/after.
   * {@code read} holds the sources that the output's jobs read: one of them without its observed
   * row means Spark's metrics never arrived, which fails the run instead of leaving the watermark
   * behind while the sinks hold the rows.
   */
  void commit(Map<Integer, Row> observed, java.util.Set<Integer> read, RunSummary summary, String runId) {
    for (Map.Entry<Integer, SourceMark> entry : marks.entrySet()) {
      SourceMark mark = entry.getValue();
      if (mark.plan != null) {
        commitPlanned(mark, summary, runId);
        continue;
      }
      Row row = observed.get(entry.getKey());
      if (row == null && read.contains(entry.getKey())) {
        throw new RunFailure("Cannot commit the watermark of " + mark.stateId + ": Spark reported no metrics for "
            + "the source after the sinks wrote; the watermark stays at " + mark.before + " (rerun to commit it)");
      }
      String newest = newest(row);
      String after = mark.before;
      if (newest != null) {
        store.commit(mark.stateId, newest, mark.spec.field(), runId, mark.generation);
        after = newest;
      }
      store.clearPending(mark.stateId);
      summary.watermark(mark.stateId, mark.before, after);
    }
  }

  /** A stream source's planned end, committed unless it is where the source already stood. */
  private void commitPlanned(SourceMark mark, RunSummary summary, String runId) {
    if (!mark.plan.end().equals(mark.before)) {
      store.commit(mark.stateId, mark.plan.end(), mark.spec.field(), runId, mark.generation);
    }
    store.clearPending(mark.stateId);
    summary.watermark(mark.stateId, mark.before, mark.plan.end());
  }

  /** Gives the leases back, whatever happened. */
  void release() {
    leased.forEach(store::release);
    leased.clear();
  }
}
