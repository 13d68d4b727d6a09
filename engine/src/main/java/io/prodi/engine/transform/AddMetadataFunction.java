package io.prodi.engine.transform;

import static org.apache.spark.sql.functions.col;

import io.prodi.engine.spi.StepContext;
import io.prodi.transform.AddMetadataStep;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Applies {@code add_metadata}: {@code _ingestion_ts}, {@code _run_id} and {@code _source} (from the source tag). */
final class AddMetadataFunction {
  private AddMetadataFunction() {}

  static Dataset<Row> apply(AddMetadataStep step, Dataset<Row> input, StepContext context) {
    Column source = Arrays.asList(input.columns()).contains(StepContext.SOURCE_TAG)
        ? col(StepContext.SOURCE_TAG) : functions.lit(null).cast("string");
    return input
        .withColumn("_ingestion_ts", functions.current_timestamp())
        .withColumn("_run_id", functions.lit(context.runId()))
        .withColumn("_source", source)
        .drop(StepContext.SOURCE_TAG);
  }
}
