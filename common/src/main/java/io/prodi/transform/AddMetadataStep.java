package io.prodi.transform;

import io.prodi.engine.StepContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import static org.apache.spark.sql.functions.col;
import org.apache.spark.sql.Column;

import io.prodi.config.ConfigNode;

/**
 * {@code add_metadata}: adds {@code _ingestion_ts}, {@code _run_id} and {@code _source} (the input file
 * of each row, or the source's name for sources without files: tagged when the sources are read, so
 * that it survives shuffles of earlier steps).
 */
public final class AddMetadataStep implements PreStep {
  private AddMetadataStep() {}

  static AddMetadataStep bind(ConfigNode node) {
    boolean accepted = node.isMissing() || (node.isMap() && node.entries().isEmpty())
        || (node.raw().isBoolean() && node.raw().booleanValue());
    if (!accepted) {
      node.expected("no value, true or {}");
    }
    return new AddMetadataStep();
  }

  @Override
  public String type() {
    return "add_metadata";
  }

  @Override
  public String describe() {
    return "add_metadata _ingestion_ts, _run_id, _source";
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> input, StepContext context) {
    Column source = java.util.Arrays.asList(input.columns()).contains(StepContext.SOURCE_TAG)
        ? col(StepContext.SOURCE_TAG) : org.apache.spark.sql.functions.lit(null).cast("string");
    return input
        .withColumn("_ingestion_ts", org.apache.spark.sql.functions.current_timestamp())
        .withColumn("_run_id", org.apache.spark.sql.functions.lit(context.runId()))
        .withColumn("_source", source)
        .drop(StepContext.SOURCE_TAG);
  }
}
