package io.prodi.engine.source;

import io.prodi.engine.spi.PlatformDataSources;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.BigQuerySourceSpec;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads a BigQuery table (with the connector's pushed-down {@code filter}) or a query's result through the
 * spark-bigquery-connector. A query needs {@code viewsEnabled} (the connector materializes its result).
 */
final class BigQuerySourceReader {
  private BigQuerySourceReader() {}

  static Dataset<Row> read(BigQuerySourceSpec spec, StepContext context) {
    String what = spec.table().map(Object::toString).orElse("query");
    PlatformDataSources.require(context.spark(), "bigquery", "read bigquery source " + what);
    DataFrameReader reader = context.spark().read().format("bigquery");
    if (spec.query().isPresent()) {
      reader = reader.option("viewsEnabled", "true").options(spec.options()).option("query", spec.query().get());
    } else {
      reader = reader.options(spec.options());
      if (spec.filter().isPresent()) {
        reader = reader.option("filter", spec.filter().get());
      }
    }
    try {
      return spec.table().isPresent() ? reader.load(what) : reader.load();
    } catch (RuntimeException e) { // the connector's and BigQuery's errors, thrown unchecked from Scala
      throw new RunFailure("Cannot read bigquery source" + spec.name().map(n -> " " + n).orElse("") + ": "
          + RunFailure.firstLine(e) + " (" + what + ")", e);
    }
  }
}
