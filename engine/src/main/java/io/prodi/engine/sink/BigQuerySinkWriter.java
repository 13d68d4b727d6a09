package io.prodi.engine.sink;

import io.prodi.bigquery.BigQueryWriteMethod;
import io.prodi.engine.spi.PlatformDataSources;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.BigQuerySinkSpec;
import io.prodi.sink.SinkResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a BigQuery table through the spark-bigquery-connector ({@code format("bigquery")}), its keys mapped to
 * the connector's documented options. An overwrite with a {@code partition_field} uses the connector's dynamic
 * partition overwrite, so that only the partitions the run writes are replaced.
 */
final class BigQuerySinkWriter {
  /** The connector's key for dynamic partition overwrite (read from the write options or Spark's conf). */
  static final String PARTITION_OVERWRITE_MODE = "spark.sql.sources.partitionOverwriteMode";

  private BigQuerySinkWriter() {}

  static SinkResult write(BigQuerySinkSpec spec, Dataset<Row> output, StepContext context) {
    PlatformDataSources.require(context.spark(), "bigquery", "write bigquery sink " + spec.table());
    try {
      output.write().format("bigquery").options(options(spec)).mode(FilesSinkWriter.saveMode(spec.mode()))
          .save(spec.table().toString());
      return SinkResult.allRows();
    } catch (RunFailure e) {
      throw e;
    } catch (Exception e) { // the connector's and BigQuery's errors, thrown unchecked from Scala
      throw new RunFailure("Cannot write bigquery sink " + spec.table() + ": " + RunFailure.firstLine(e) + " ("
          + spec.table() + ")", e);
    }
  }

  /** The connector options of a sink: the user's {@code options}, then prodi's typed keys (which win). */
  static Map<String, String> options(BigQuerySinkSpec spec) {
    Map<String, String> options = new LinkedHashMap<>(spec.options());
    options.put("writeMethod", spec.writeMethod().id());
    if (spec.writeMethod() == BigQueryWriteMethod.INDIRECT) {
      spec.temporaryGcsBucket().ifPresent(bucket -> options.put("temporaryGcsBucket", bucket));
    }
    spec.partitionField().ifPresent(field -> options.put("partitionField", field));
    if (!spec.clusterBy().isEmpty()) {
      options.put("clusteredFields", String.join(",", spec.clusterBy()));
    }
    if (spec.overwritesPartitions()) {
      options.put(PARTITION_OVERWRITE_MODE, "DYNAMIC");
    }
    return options;
  }
}
