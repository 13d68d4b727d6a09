package io.prodi.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.config.LayerConfig;
import io.prodi.engine.sink.SinkWriters;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunSummary;
import io.prodi.sink.SinkResult;
import io.prodi.sink.SinkSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Writes a layer's quarantined rows. An appending files quarantine is keyed by the run ({@code _dq_run_key}:
 * the watermark generation of an incremental run, else the logical date) and replaces that key's
 * partition, so a rerun replaces what the same run quarantined instead of adding it again.
 */
final class QuarantineWrite {
  /** The column that keys a quarantine by its run, so that a rerun replaces the rows it quarantined. */
  static final String RUN_KEY_COLUMN = "_dq_run_key";

  private final StepContext context;
  private final RunSummary summary;

  QuarantineWrite(StepContext context, RunSummary summary) {
    this.context = context;
    this.summary = summary;
  }

  /** Writes {@code count} quarantined rows and records them. */
  SinkResult write(Dataset<Row> rows, long count, String runKey) {
    LayerConfig config = context.config();
    SinkSpec configured = config.dq().quarantine().orElseThrow();
    String where = configured.location(config.locationStorage(), config.baseDir());
    java.util.Optional<SinkSpec> byRun = configured.keyedByRun(RUN_KEY_COLUMN);
    boolean keyed = byRun.isPresent();
    SinkSpec quarantine = byRun.orElse(configured);
    Dataset<Row> written = keyed ? rows.withColumn(RUN_KEY_COLUMN, functions.lit(runKey)) : rows;
    context.describe("write quarantine " + where);
    // keyed by its run, a quarantine replaces its own partition on a rerun; otherwise (a database or catalog table) it
    // appends with the run's transaction, as a sink does (a jdbc quarantine through prodi_commits)
    SinkResult result = SinkWriters.write(quarantine, written, (keyed ? context.withoutWriteTxn() : context)
        .withoutRefreshWrite());
    ObjectNode entry = summary.body().putObject("quarantine").put("location", where).put("rows", count);
    if (keyed) {
      entry.put("run_key", runKey);
    }
    context.console().progress("[" + context.layer() + "] quarantined " + count + " rows to " + where);
    return result;
  }
}
