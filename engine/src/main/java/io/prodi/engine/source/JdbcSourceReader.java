package io.prodi.engine.source;

import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.JdbcSourceSpec;
import io.prodi.source.WatermarkPlaceholder;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads a jdbc source with Spark's JDBC data source: a table or a query, optionally split into
 * partitions on a column (bounds given, or discovered with one MIN/MAX query). A query's watermark
 * placeholder becomes the current watermark as a quoted SQL literal.
 */
final class JdbcSourceReader {
  private JdbcSourceReader() {}

  static Dataset<Row> read(JdbcSourceSpec spec, StepContext context) {
    Map<String, String> options = JdbcConnection.options(spec.url(), spec.driver(), spec.options(), spec.auth(),
        context);
    String relation = spec.table().orElseGet(() -> "(" + query(spec, context) + ") prodi_query");
    options.put("dbtable", relation);
    spec.partitioning().ifPresent(p -> partition(p, relation, options, context));
    try {
      return context.spark().read().format("jdbc").options(options).load();
    } catch (Exception e) { // Spark and the driver (SQLException, thrown unchecked from Scala)
      throw new RunFailure("Cannot read jdbc source" + spec.name().map(n -> " " + n).orElse("") + ": "
          + RunFailure.firstLine(e)
          + " (" + spec.url() + ")", e);
    }
  }

  /** The query with its watermark placeholder replaced by the current watermark, as a SQL string. */
  private static String query(JdbcSourceSpec spec, StepContext context) {
    String query = spec.query().orElseThrow().trim().replaceAll(";\\s*$", "");
    if (spec.watermark().isPresent()) {
      String current = context.watermark(spec).orElse(spec.watermark().get().defaultValue());
      query = WatermarkPlaceholder.substitute(query, spec.watermark().get().placeholder(), current, spec.url());
    }
    return query;
  }

  private static void partition(JdbcSourceSpec.Partitioning partitioning, String relation, Map<String, String> options,
      StepContext context) {
    String lower = partitioning.lowerBound().orElse(null);
    String upper = partitioning.upperBound().orElse(null);
    if (partitioning.discover() && (lower == null || upper == null)) {
      Map<String, String> bounds = new java.util.LinkedHashMap<>(options);
      bounds.put("dbtable", "(SELECT MIN(" + partitioning.column() + ") AS lo, MAX(" + partitioning.column()
          + ") AS hi FROM " + relation + ") prodi_bounds");
      context.describe("discover jdbc bounds on " + partitioning.column());
      Row row = context.spark().read().format("jdbc").options(bounds).load().collectAsList().get(0);
      if (row.isNullAt(0)) {
        return; // an empty table: one partition reads it
      }
      lower = lower != null ? lower : String.valueOf(row.get(0));
      upper = upper != null ? upper : String.valueOf(row.get(1));
    }
    options.put("partitionColumn", partitioning.column());
    options.put("numPartitions", String.valueOf(partitioning.numPartitions()));
    options.put("lowerBound", lower);
    options.put("upperBound", upper);
  }
}
