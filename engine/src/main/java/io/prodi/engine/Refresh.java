package io.prodi.engine;

import io.delta.tables.DeltaTable;
import io.prodi.config.LayerConfig;
import io.prodi.config.RefreshSpec;
import io.prodi.engine.refresh.RefreshState;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.run.RunSummary;
import io.prodi.source.SourceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A refreshing layer's run around the usual stages: before them, the refresh state leased and every Delta source
 * pinned at its current version (the SQL reads whole versions, never change rows); after the transform, the way
 * chosen ({@link RefreshWay}: full, or by the keys the changes touch) and the output cut to those keys; after the
 * sinks, the state committed. Without {@code refresh} it is a pass-through.
 */
final class Refresh {
  private final StepContext context;
  private final RefreshSpec spec;
  private final RefreshState state;
  private final Map<String, Long> versions;
  private final RunSummary summary;
  private RefreshWay way;

  private Refresh(StepContext context, RefreshSpec spec, RefreshState state, Map<String, Long> versions,
      RunSummary summary) {
    this.context = context;
    this.spec = spec;
    this.state = state;
    this.versions = versions;
    this.summary = summary;
  }

  /** The refresh of this run (leased), or a pass-through when the layer does not refresh. */
  static Refresh start(StepContext context, RunSummary summary) {
    Optional<RefreshSpec> spec = context.config().refresh();
    if (spec.isEmpty()) {
      return new Refresh(context, null, null, Map.of(), summary);
    }
    RefreshState state = RefreshState.lease(context.config(), context.spark().sessionState().newHadoopConf(),
        context.runId());
    try {
      return new Refresh(context, spec.get(), state, currentVersions(context), summary);
    } catch (RuntimeException e) {
      state.release();
      throw e;
    }
  }

  /** Each Delta source's current version, by label: what this refresh reads, whole. */
  private static Map<String, Long> currentVersions(StepContext context) {
    LayerConfig config = context.config();
    Map<String, Long> versions = new LinkedHashMap<>();
    for (int i = 0; i < config.sources().size(); i++) {
      SourceSpec source = config.sources().get(i);
      if (source.atVersion(0).isPresent()) {
        String location = source.filesLocation(config.locationStorage(), config.baseDir()).orElseThrow();
        if (!DeltaTable.isDeltaTable(context.spark(), location)) {
          throw new RunFailure("Cannot refresh from " + label(source, i) + ": it is not a Delta table (" + location + ")");
        }
        versions.put(label(source, i), DeltaTable.forPath(context.spark(), location).history(1).head()
            .<Long>getAs("version"));
      }
    }
    return versions;
  }

  static String label(SourceSpec source, int index) {
    return source.name().orElse("source_" + index);
  }

  /** The context the stages run on: its config's Delta sources pinned at the versions read. */
  StepContext pinned(StepContext run) {
    if (spec == null) {
      return run;
    }
    LayerConfig config = run.config();
    List<SourceSpec> sources = new ArrayList<>();
    for (int i = 0; i < config.sources().size(); i++) {
      SourceSpec source = config.sources().get(i);
      Long version = versions.get(label(source, i));
      sources.add(version == null ? source : source.atVersion(version).orElseThrow());
    }
    return run.withConfig(config.withSources(sources));
  }

  /**
   * Chooses the way from the output's plan, the state and the changes, and returns the rows to write: all of them
   * for a full refresh, those of the keys the changes touch otherwise. {@code write} gets how the sinks take them.
   */
  Dataset<Row> cut(StepContext run, SourcesRead sources, Dataset<Row> output) {
    if (spec == null) {
      return output;
    }
    way = RefreshWay.choose(run, context.config(), spec, state.stored(), versions, output);
    summary.refresh(spec.policy().id(), way.name(), way.whyFull().orElse(null), way.changes().orElse(null), null);
    context.console().progress("[" + context.layer() + "] refresh " + spec.policy().id() + ": " + way.describe());
    return way.rows(run, sources, output, context.config());
  }

  /** Whether this run refreshes by key (its way is chosen: after {@link #cut}). */
  boolean byKey() {
    return way != null && way.whyFull().isEmpty();
  }

  /** The context the sinks write on: with how they take the refresh's rows. */
  StepContext writing(StepContext run) {
    return way == null ? run : run.withRefreshWrite(way.write());
  }

  /** After every sink committed: the state of this refresh. */
  void commit(String runId) {
    if (spec != null && way != null) {
      state.commit(spec.fingerprint(), versions, runId);
      way.affectedKeys().ifPresent(keys -> summary.refresh(spec.policy().id(), way.name(), null,
          way.changes().orElse(null), keys));
    }
  }

  void release() {
    if (state != null) {
      state.release();
    }
    if (way != null) {
      way.release();
    }
  }
}
