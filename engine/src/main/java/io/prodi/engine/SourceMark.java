package io.prodi.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.prodi.engine.spi.StreamPlan;
import io.prodi.run.RunFailure;
import io.prodi.source.WatermarkSpec;
import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.TimestampType;

/**
 * One incremental source's position in a run: its state id, the committed value and generation, what a crashed
 * attempt of this generation read up to, and for a stream the micro-batch planned before reading. It filters the
 * source's rows to those after its watermark (minus lag) and names the aggregate that observes the newest value.
 */
final class SourceMark {
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

  SourceMark(WatermarkSpec spec, String stateId, String before, long generation, String upTo, boolean filtersItself) {
    this(spec, stateId, before, generation, upTo, filtersItself, null);
  }

  SourceMark(WatermarkSpec spec, String stateId, String before, long generation, String upTo, boolean filtersItself,
      StreamPlan plan) {
    this.plan = plan;
    this.spec = spec;
    this.stateId = stateId;
    this.before = before;
    this.generation = generation;
    this.upTo = upTo;
    this.filtersItself = filtersItself;
  }

  /** The watermark minus lag, as text ("yyyy-MM-dd HH:mm:ss", UTC, for a timestamp watermark with a lag). */
  String afterLag() {
    if (spec.lag().isZero()) {
      return before;
    }
    try {
      java.time.Instant instant = before.contains("T")
          ? java.time.Instant.parse(before.endsWith("Z") ? before : before + "Z")
          : java.time.LocalDateTime.parse(before.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
          .withZone(java.time.ZoneOffset.UTC).format(instant.minus(spec.lag()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new RunFailure("Cannot subtract lag " + spec.lag() + " from watermark " + before
          + ": it is not a timestamp (" + stateId + ")");
    }
  }

  /** The rows after the watermark (minus lag), and up to what a crashed attempt read; a stream's as planned. */
  Dataset<Row> filter(Dataset<Row> data) {
    if (plan != null || data.columns().length == 0) {
      return data; // a stream reads exactly its planned range; an API with no records read nothing
    }
    String field = spec.field();
    if (!Arrays.asList(data.columns()).contains(field)) {
      throw new RunFailure("Cannot read incrementally on " + field + ": the source has no such column (columns: "
          + String.join(", ", data.columns()) + ")");
    }
    DataType type = data.schema().apply(field).dataType();
    Dataset<Row> after = filtersItself ? data : data.where(col(field).gt(threshold(type)));
    return upTo == null ? after : after.where(col(field).leq(lit(upTo).cast(type)));
  }

  /** The newest value of the watermark field, as an aggregate to observe (none for a stream). */
  Optional<Column> maximum(Dataset<Row> data) {
    if (plan != null || !Arrays.asList(data.columns()).contains(spec.field())) {
      return Optional.empty();
    }
    return Optional.of(org.apache.spark.sql.functions.max(col(spec.field())).cast("string"));
  }

  private Column threshold(DataType type) {
    String quoted = "'" + before.replace("\\", "\\\\").replace("'", "\\'") + "'";
    long lagSeconds = spec.lag().getSeconds();
    if (type instanceof TimestampType || type instanceof DateType) {
      String cast = type instanceof DateType ? "DATE" : "TIMESTAMP";
      return expr("CAST(" + quoted + " AS " + cast + ")" + (lagSeconds == 0 ? "" : " - INTERVAL " + lagSeconds
          + " SECONDS"));
    }
    if (lagSeconds != 0) {
      throw new RunFailure("Cannot subtract lag " + spec.lag() + " from watermark " + spec.field()
          + ": lag applies to date and timestamp fields (" + type.simpleString() + ")");
    }
    return lit(before).cast(type);
  }
}
