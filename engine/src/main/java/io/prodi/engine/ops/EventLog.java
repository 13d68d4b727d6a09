package io.prodi.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The event log: a Delta table with one row per layer run, in typed columns. A run's row is keyed by
 * {@code event_key} (run id, layer, config, step). A new run's row is a blind append, the cheapest Delta commit;
 * writing the same run again (a rerun under its run id) replaces its row with {@code replaceWhere} on the key
 * instead of adding one. A commit that races a concurrent step's is retried.
 */
public final class EventLog {
  static final StructType SCHEMA = StructType.fromDDL(String.join(", ",
      "event_key STRING", "run_id STRING", "pipeline_run_id STRING", "pipeline STRING", "step STRING", "layer STRING",
      "dataset STRING", "environment STRING", "config STRING", "config_sha256 STRING", "status STRING",
      "started_at TIMESTAMP", "ended_at TIMESTAMP", "duration_ms BIGINT", "durations_ms MAP<STRING, BIGINT>",
      "rows_in BIGINT", "rows_out BIGINT",
      "sources ARRAY<STRUCT<name: STRING, type: STRING, location: STRING, rows: BIGINT, "
          + "dataset: STRUCT<namespace: STRING, name: STRING>>>",
      "sinks ARRAY<STRUCT<type: STRING, location: STRING, mode: STRING, rows: BIGINT, detail: STRING, "
          + "dataset: STRUCT<namespace: STRING, name: STRING>>>",
      "expectations ARRAY<STRUCT<name: STRING, type: STRING, severity: STRING, on_fail: STRING, status: STRING, "
          + "rows_checked: BIGINT, failed: BIGINT, observed: STRING>>",
      "failed_expectations INT", "metrics MAP<STRING, DOUBLE>",
      "watermarks ARRAY<STRUCT<state_id: STRING, field: STRING, before: STRING, after: STRING>>",
      "error STRING", "prodi_version STRING",
      "stream STRUCT<batch: INT, trigger: STRING, records: BIGINT, lag: BIGINT, reaches_target: BOOLEAN>",
      "refresh STRUCT<policy: STRING, way: STRING, why: STRING, changes: STRING, keys: BIGINT>"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 6;
  private static final String SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";

  private final SparkSession spark;
  private final String uri;

  public EventLog(SparkSession spark, String uri) {
    this.spark = spark;
    this.uri = uri;
    if (!spark.sparkContext().getConf().contains(SNAPSHOT_PARTITIONS) && !spark.conf().contains(SNAPSHOT_PARTITIONS)) {
      // Delta rebuilds a table's state in 50 tasks by default; the log is small: one per core is plenty
      int cores = Math.max(1, spark.sparkContext().defaultParallelism());
      spark.conf().set(SNAPSHOT_PARTITIONS, String.valueOf(Math.min(50, cores)));
    }
  }

  /** Writes (or rewrites) one run's row. */
  public void write(ObjectNode row) {
    String key = row.path("event_key").asText();
    String json;
    try {
      json = JSON.writeValueAsString(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Dataset<Row> frame = spark.read().schema(SCHEMA).json(spark.createDataset(List.of(json), Encoders.STRING()))
        .coalesce(1);
    boolean recordedBefore = markRecorded(key);
    for (int attempt = 1; ; attempt++) {
      try {
        if (recordedBefore) { // the same run recorded again (a rerun under its run id): replace its row
          frame.write().format("delta").mode("overwrite").option("mergeSchema", "true").option("replaceWhere", "event_key = '" + key + "'")
              .save(uri);
        } else { // a blind append, the cheapest Delta commit
          frame.write().format("delta").mode("append").option("mergeSchema", "true").save(uri);
        }
        return;
      } catch (ConcurrentModificationException e) { // Delta's conflicts: a step beside this one committed first
        if (attempt == ATTEMPTS) {
          throw e;
        }
        sleep(attempt * 200L);
      }
    }
  }

  /**
   * Marks the run's key as recorded ({@code _runs/<key>}, a folder Delta ignores) before its row is written,
   * and says whether it was marked before. Marking first means a write killed half way is replaced, never
   * doubled, when the run is recorded again.
   */
  private boolean markRecorded(String key) {
    Path marker = new Path(new Path(uri, "_runs"), key);
    try {
      org.apache.hadoop.fs.FileSystem fs = marker.getFileSystem(spark.sessionState().newHadoopConf());
      if (fs.exists(marker)) {
        return true;
      }
      fs.create(marker, false).close();
      return false;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark the run in the event log at " + uri + ": " + e.getMessage(), e);
    }
  }

  /** The last {@code n} runs of one layer of one dataset, newest first, as JSON rows; none when no log exists. */
  public List<JsonNode> last(String layer, String dataset, int n) {
    if (!exists()) {
      return List.of();
    }
    spark.conf().set("spark.sql.session.timeZone", "UTC"); // times print as UTC whatever the layer's zone
    spark.conf().set("spark.sql.jsonGenerator.ignoreNullFields", "false"); // every column, a null as null
    List<JsonNode> rows = new ArrayList<>();
    List<String> lines = spark.read().format("delta").load(uri)
        .where(functions.col("layer").equalTo(layer).and(functions.col("dataset").equalTo(dataset)))
        .orderBy(functions.col("started_at").desc(), functions.col("ended_at").desc()).limit(n)
        .toJSON().collectAsList();
    for (String line : lines) {
      try {
        rows.add(JSON.readTree(line));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  /**
   * The values of metric {@code key} in the last {@code n} successful runs of one layer of one dataset, newest
   * first (runs that did not measure it are skipped).
   */
  public List<Double> metricHistory(String layer, String dataset, String key, int n) {
    if (!exists()) {
      return List.of();
    }
    List<Double> values = new ArrayList<>();
    spark.read().format("delta").load(uri)
        .where(functions.col("layer").equalTo(layer).and(functions.col("dataset").equalTo(dataset))
            .and(functions.col("status").equalTo("succeeded")).and(functions.col("metrics").getItem(key).isNotNull()))
        .orderBy(functions.col("started_at").desc()).limit(n)
        .select(functions.col("metrics").getItem(key)).collectAsList().forEach(r -> values.add(r.getDouble(0)));
    return values;
  }

  private boolean exists() {
    Path log = new Path(uri, "_delta_log");
    try {
      return log.getFileSystem(spark.sessionState().newHadoopConf()).exists(log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the event log at " + uri + ": " + e.getMessage(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
