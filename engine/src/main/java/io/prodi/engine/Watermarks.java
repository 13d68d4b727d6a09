package io.prodi.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

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
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The incremental watermarks of one run: leases taken before anything is read,
 * each source filtered to rows after its watermark (minus lag), and the maximum of what was read
 * committed only after every sink has committed — never in a dry run, never after a failure.
 */
final class Watermarks {
  /** A stream's lease is taken anew by every micro-batch; one this old belongs to a dead process. */
  private static final java.time.Duration STALE_STREAM_LEASE = java.time.Duration.ofMinutes(10);
  private final StateStore store;
  private final Map<Integer, Mark> marks = new LinkedHashMap<>();
  private final List<String> leased = new ArrayList<>();

  /** One source's watermark in this run. */
  private static final class Mark {
    final WatermarkSpec spec;
    final String stateId;
    final String before;
    final long generation;
    /** The value a crashed earlier attempt of this generation recorded: this run reads no further. */
    final String upTo;
    /** The source's own query reads after the watermark: the run adds no lower bound. */
    final boolean filtersItself;
    /** A stream's micro-batch, planned before it reads (null for a watermark observed in the rows). */
    final StreamPlan plan;

    Mark(WatermarkSpec spec, String stateId, String before, long generation, String upTo, boolean filtersItself) {
      this(spec, stateId, before, generation, upTo, filtersItself, null);
    }

    Mark(WatermarkSpec spec, String stateId, String before, long generation, String upTo, boolean filtersItself,
        StreamPlan plan) {
      this.plan = plan;
      this.spec = spec;
      this.stateId = stateId;
      this.before = before;
      this.generation = generation;
      this.upTo = upTo;
      this.filtersItself = filtersItself;
    }
  }

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
    marks.put(index, new Mark(spec, stateId, before, store.generation(stateId),
        pending.map(WatermarkState::value).orElse(null), source.filtersItsWatermark()));
  }

  /** A stream source: its micro-batch planned now, from the committed position or a crashed attempt's intent. */
  private void openPlanned(int index, SourceSpec source, WatermarkSpec spec, String stateId,
      Optional<WatermarkState> stored, StepContext context) {
    Optional<WatermarkState> pending = store.pending(stateId);
    pending.ifPresent(p -> context.console().progress("[" + context.layer() + "] " + stateId + ": micro-batch of "
        + "generation " + p.generation() + " (run " + p.runId() + ") did not commit; this run reads exactly its range"));
    Optional<String> target = context.config().trigger().continuous() ? Optional.empty() : batch.target(stateId);
    StreamPlan plan = StreamPlanners.plan(source, new StreamPlan.Request(stored.map(WatermarkState::value),
        pending.map(WatermarkState::value), target), context);
    long generation = store.generation(stateId);
    if (pending.isEmpty() && plan.records() > 0) {
      store.intend(stateId, generation + 1, plan.intent(), context.runId());
    }
    marks.put(index, new Mark(spec, stateId, stored.map(WatermarkState::value).orElse(spec.defaultValue()),
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
    for (Map.Entry<Integer, Mark> entry : marks.entrySet()) {
      Mark mark = entry.getValue();
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
   * The value a source reads after: its watermark minus lag, as text ("yyyy-MM-dd HH:mm:ss", UTC,
   * for a timestamp watermark with a lag); used where the source filters itself (a JDBC query).
   */
  Optional<String> current(LayerConfig config, SourceSpec source) {
    Mark mark = marks.get(config.sources().indexOf(source));
    if (mark == null) {
      return Optional.empty();
    }
    if (mark.spec.lag().isZero()) {
      return Optional.of(mark.before);
    }
    try {
      java.time.Instant instant = mark.before.contains("T")
          ? java.time.Instant.parse(mark.before.endsWith("Z") ? mark.before : mark.before + "Z")
          : java.time.LocalDateTime.parse(mark.before.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
      return Optional.of(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
          .withZone(java.time.ZoneOffset.UTC).format(instant.minus(mark.spec.lag())));
    } catch (java.time.format.DateTimeParseException e) {
      throw new RunFailure("Cannot subtract lag " + mark.spec.lag() + " from watermark " + mark.before
          + ": it is not a timestamp (" + mark.stateId + ")");
    }
  }

  /** The value a crashed earlier attempt of this generation read source {@code source} up to, if any. */
  Optional<String> upTo(LayerConfig config, SourceSpec source) {
    return Optional.ofNullable(marks.get(config.sources().indexOf(source))).map(mark -> mark.upTo);
  }

  /** Source {@code index}'s rows after its watermark (all rows when it has none). */
  Dataset<Row> filter(int index, Dataset<Row> data) {
    Mark mark = marks.get(index);
    if (mark == null || mark.plan != null) {
      return data; // a stream source reads exactly its planned range
    }
    String field = mark.spec.field();
    if (data.columns().length == 0) {
      return data; // nothing was read (an API with no records)
    }
    if (!java.util.Arrays.asList(data.columns()).contains(field)) {
      throw new RunFailure("Cannot read incrementally on " + field + ": the source has no such column (columns: "
          + String.join(", ", data.columns()) + ")");
    }
    DataType type = data.schema().apply(field).dataType();
    Dataset<Row> after = mark.filtersItself ? data : data.where(col(field).gt(threshold(mark, type)));
    return mark.upTo == null ? after : after.where(col(field).leq(lit(mark.upTo).cast(type)));
  }

  /** The newest value of the watermark field in what source {@code index} read, as an aggregate to observe. */
  Optional<Column> maximum(int index, Dataset<Row> data) {
    Mark mark = marks.get(index);
    if (mark == null || mark.plan != null || !java.util.Arrays.asList(data.columns()).contains(mark.spec.field())) {
      return Optional.empty();
    }
    return Optional.of(org.apache.spark.sql.functions.max(col(mark.spec.field())).cast("string"));
  }

  private static Column threshold(Mark mark, DataType type) {
    String quoted = "'" + mark.before.replace("\\", "\\\\").replace("'", "\\'") + "'";
    long lagSeconds = mark.spec.lag().getSeconds();
    if (type instanceof TimestampType || type instanceof DateType) {
      String cast = type instanceof DateType ? "DATE" : "TIMESTAMP";
      return expr("CAST(" + quoted + " AS " + cast + ")" + (lagSeconds == 0 ? "" : " - INTERVAL " + lagSeconds
          + " SECONDS"));
    }
    if (lagSeconds != 0) {
      throw new RunFailure("Cannot subtract lag " + mark.spec.lag() + " from watermark " + mark.spec.field()
          + ": lag applies to date and timestamp fields (" + type.simpleString() + ")");
    }
    return lit(mark.before).cast(type);
  }

  /**
   * Commits each source's newest value read (after every sink committed) and records before/after.
   * {@code read} holds the sources that the output's jobs read: one of them without its observed
   * row means Spark's metrics never arrived, which fails the run instead of leaving the watermark
   * behind while the sinks hold the rows.
   */
  void commit(Map<Integer, Row> observed, java.util.Set<Integer> read, RunSummary summary, String runId) {
    for (Map.Entry<Integer, Mark> entry : marks.entrySet()) {
      Mark mark = entry.getValue();
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
  private void commitPlanned(Mark mark, RunSummary summary, String runId) {
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
