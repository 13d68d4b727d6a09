package io.prodi.engine.change;

import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import java.util.Map;

/** What a change merge did, from the metrics Delta keeps in its commit, and its failures in one form. */
final class ChangeMetrics {
  private ChangeMetrics() {}

  /** The table's latest version, -1 when it does not exist yet. */
  static long version(DeltaTarget target) {
    return target.exists() ? target.delta().history(1).head().<Long>getAs("version") : -1;
  }

  /** The rows the table's commit after {@code before} inserted, updated and deleted: none when it made none. */
  static SinkResult since(DeltaTarget target, long before) {
    org.apache.spark.sql.Row last = target.delta().history(1).head();
    if (last.<Long>getAs("version") == before) {
      return SinkResult.rows(0, "no change");
    }
    Map<String, String> metrics = scala.collection.JavaConverters.mapAsJavaMap(
        last.<scala.collection.Map<String, String>>getAs("operationMetrics"));
    long inserted = count(metrics, "numTargetRowsInserted", "numOutputRows");
    long updated = count(metrics, "numTargetRowsUpdated", null);
    long deleted = count(metrics, "numTargetRowsDeleted", null);
    return SinkResult.rows(inserted + updated + deleted, inserted + " inserted, " + updated + " updated, " + deleted
        + " deleted");
  }

  private static long count(Map<String, String> metrics, String key, String fallback) {
    String value = metrics.getOrDefault(key, fallback == null ? "0" : metrics.getOrDefault(fallback, "0"));
    return Long.parseLong(value);
  }

  /** A merge's failure as a run failure: a tie raised inside it named, anything else in Delta's words. */
  static RunFailure failure(DeltaTarget target, Exception e) {
    return Conditions.tieIn(e).map(tie -> ChangeBatch.tie(target.shown(), tie)).orElseGet(() ->
        new RunFailure("Cannot apply changes to " + target.shown() + ": " + RunFailure.firstLine(e), e));
  }
}
