package io.prodi.engine;

import static org.apache.spark.sql.functions.broadcast;

import io.delta.tables.DeltaTable;
import io.prodi.config.LayerConfig;
import io.prodi.config.RefreshRules;
import io.prodi.config.RefreshSpec;
import io.prodi.engine.refresh.RefreshShape;
import io.prodi.engine.refresh.RefreshState;
import io.prodi.engine.spi.RefreshWrite;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The way one refresh gets the sink to what the SQL gives over the sources' current versions: in full (the reason
 * said), or by key: the SQL run over the driving source's changes since the last refresh (update pre-images
 * included) gives every key a change can affect; those keys' rows are recomputed from the current versions (the cut
 * pushed by Spark below the GROUP BY, to the source's scan) and replace theirs in the sink in one commit.
 */
final class RefreshWay {
  /** Affected keys up to this many are broadcast to the scan; more are joined by shuffle. */
  private static final long BROADCAST_KEYS = 2_000_000L;

  private final String whyFull;
  private final String changes;
  private final List<String> keys;
  private final Dataset<Row> changed;
  private final int driving;
  private Dataset<Row> affected;
  private Long affectedCount;

  private RefreshWay(String whyFull, String changes, List<String> keys, Dataset<Row> changed, int driving) {
    this.whyFull = whyFull;
    this.changes = changes;
    this.keys = keys;
    this.changed = changed;
    this.driving = driving;
  }

  private static RefreshWay full(String why) {
    return new RefreshWay(why, null, List.of(), null, -1);
  }

  /**
   * The way for this run, {@code original} being the layer's config as written (its driving source marked by
   * {@code incremental: {by: version}}); under {@code refresh: incremental} a full refresh other than the first is
   * an error saying how to recover.
   */
  static RefreshWay choose(StepContext run, LayerConfig original, RefreshSpec spec,
      Optional<RefreshState.Stored> stored, Map<String, Long> versions, Dataset<Row> output) {
    if (spec.policy() == RefreshSpec.Policy.FULL) {
      return full("refresh: full");
    }
    String staticWhy = RefreshRules.oneLine(RefreshRules.whyNotIncremental(original));
    if (!staticWhy.isEmpty()) {
      return full(staticWhy);
    }
    if (stored.isEmpty()) {
      return full("the first refresh (no refresh state)");
    }
    int driving = drivingIndex(original);
    SourceSpec source = original.sources().get(driving);
    String label = Refresh.label(source, driving);
    Optional<String> why = whyFull(run, original, spec, stored.get(), versions, label);
    RefreshWay way;
    if (why.isPresent()) {
      way = full(why.get());
    } else {
      RefreshShape shape = RefreshShape.of(output.queryExecution().analyzed(), views(original, source),
          source.name().orElse(label), spec.keys());
      way = shape.byKey() ? byKey(run, original, shape.keys(), stored.get().versions().get(label),
          versions.get(label), driving) : full(shape.whyNot().get());
    }
    if (way.whyFull != null && spec.policy() == RefreshSpec.Policy.INCREMENTAL) {
      throw new RunFailure("Cannot refresh incrementally: " + way.whyFull + "; run once with refresh: full to rebuild "
          + "the sink from the sources, then go back to refresh: incremental (" + RefreshState.stateId(original) + ")");
    }
    return way;
  }

  private static Optional<String> whyFull(StepContext run, LayerConfig original, RefreshSpec spec,
      RefreshState.Stored stored, Map<String, Long> versions, String label) {
    if (!stored.fingerprint().equals(spec.fingerprint())) {
      return Optional.of("the SQL or config changed since the last refresh");
    }
    for (Map.Entry<String, Long> current : versions.entrySet()) {
      Long before = stored.versions().get(current.getKey());
      if (before == null) {
        return Optional.of("no version of " + current.getKey() + " was recorded by the last refresh");
      }
      if (!current.getKey().equals(label) && !before.equals(current.getValue())) {
        return Optional.of("source " + current.getKey() + ", read whole, changed (version " + before + " -> "
            + current.getValue() + ")");
      }
      if (current.getKey().equals(label) && current.getValue() < before) {
        return Optional.of("source " + label + " is at version " + current.getValue() + ", older than the last "
            + "refresh's " + before + " (was it replaced?)");
      }
    }
    for (SinkSpec sink : original.sinks()) {
      boolean byKey = sink.tableFormat().map(f -> f.mergesByKey()).orElse(false); // the others: rewritten whole
      if (byKey && !exists(sink, original, run)) {
        return Optional.of("sink " + sink.location(original.locationStorage(), original.baseDir()) + " does not exist");
      }
    }
    return Optional.empty();
  }

  private static RefreshWay byKey(StepContext run, LayerConfig original, List<String> keys, long lastVersion,
      long version, int driving) {
    String range = Refresh.label(original.sources().get(driving), driving) + " versions " + (lastVersion + 1) + ".."
        + version;
    if (version == lastVersion) {
      return new RefreshWay(null, "nothing new (" + Refresh.label(original.sources().get(driving), driving)
          + " at version " + version + ")", keys, null, driving);
    }
    String location = original.sources().get(driving).filesLocation(original.locationStorage(), original.baseDir())
        .orElseThrow();
    try {
      Dataset<Row> changes = run.spark().read().format("delta").option("readChangeFeed", "true")
          .option("startingVersion", lastVersion + 1).option("endingVersion", version).load(location)
          .drop("_change_type", "_commit_version", "_commit_timestamp");
      changes.queryExecution().executedPlan(); // plans the scan now: a version without change data fails here
      return new RefreshWay(null, range, keys, changes, driving);
    } catch (Exception e) { // DeltaAnalysisException from Scala: the change data feed off, or its files vacuumed
      return full("the changes of " + range + " cannot be read (" + RunFailure.firstLine(e) + ")");
    }
  }

  private static int drivingIndex(LayerConfig config) {
    for (int i = 0; i < config.sources().size(); i++) {
      if (RefreshRules.drives(config.sources().get(i))) {
        return i;
      }
    }
    throw new IllegalStateException("Cannot refresh by key: no source reads by version (" + config.uri() + ")");
  }

  /** The view names the SQL may read the driving source by: its name, and the input's names when it is alone. */
  static Set<String> views(LayerConfig config, SourceSpec source) {
    Set<String> views = new LinkedHashSet<>();
    source.name().ifPresent(views::add);
    if (config.sources().size() == 1) {
      views.add("__INPUT__");
      views.add("__BASE__");
      config.transform().tempView().or(() -> config.layer().defaultTempView()).ifPresent(views::add);
    }
    return views;
  }

  private static boolean exists(SinkSpec sink, LayerConfig config, StepContext run) {
    if (sink.catalogTable().isPresent()) {
      return run.spark().catalog().tableExists(sink.catalogTable().get());
    }
    return DeltaTable.isDeltaTable(run.spark(), sink.location(config.locationStorage(), config.baseDir()));
  }

  /** The rows to write: all of the output, or those of the keys the changes give (before and after each change). */
  Dataset<Row> rows(StepContext run, SourcesRead sources, Dataset<Row> output, LayerConfig original) {
    if (whyFull != null) {
      return output;
    }
    Dataset<Row> overChanges;
    if (changed == null) {
      overChanges = output.limit(0);
    } else {
      SourceSpec source = original.sources().get(driving);
      source.name().ifPresent(changed::createOrReplaceTempView);
      try {
        overChanges = TransformStage.apply(run, original.sources().size() == 1 ? changed : sources.input());
      } finally {
        TransformStage.apply(run, sources.input()); // the views as the output read them
        source.name().ifPresent(name -> sources.filtered(driving).createOrReplaceTempView(name));
      }
    }
    Column[] keyColumns = new Column[keys.size()];
    for (int i = 0; i < keys.size(); i++) { // fresh names: a table read whole gives both sides the same attributes
      keyColumns[i] = overChanges.col(quoted(keys.get(i))).as(RefreshWrite.KEY + i);
    }
    affected = overChanges.select(keyColumns).distinct().localCheckpoint();
    affectedCount = affected.count();
    Column on = null;
    for (int i = 0; i < keys.size(); i++) {
      Column same = output.col(quoted(keys.get(i))).eqNullSafe(affected.col(RefreshWrite.KEY + i));
      on = on == null ? same : on.and(same);
    }
    return output.join(affectedCount <= BROADCAST_KEYS ? broadcast(affected) : affected, on, "left_semi");
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  RefreshWrite write() {
    return whyFull != null ? RefreshWrite.whole() : RefreshWrite.byKeys(keys, affected);
  }

  String name() {
    return whyFull != null ? "full" : "incremental";
  }

  Optional<String> whyFull() {
    return Optional.ofNullable(whyFull);
  }

  Optional<String> changes() {
    return Optional.ofNullable(changes);
  }

  Optional<Long> affectedKeys() {
    return Optional.ofNullable(affectedCount);
  }

  String describe() {
    return whyFull != null ? "full refresh: " + whyFull : "incremental, by " + String.join(", ", keys) + " ("
        + changes + ")";
  }

  void release() {
    if (affected != null) {
      affected.unpersist(false);
    }
  }
}
