package io.prodi.engine.sink;

import io.prodi.engine.source.JdbcConnection;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.JdbcSinkSpec;
import io.prodi.sink.SinkResult;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a table through Spark's JDBC data source: overwrite (truncate, keeping the table) or append; an incremental
 * run's append (a watermark, a stream's micro-batch) is exactly once ({@link JdbcOnceAppend}).
 */
final class JdbcSinkWriter {
  private JdbcSinkWriter() {}

  static SinkResult write(JdbcSinkSpec spec, Dataset<Row> output, StepContext context) {
    Map<String, String> options = JdbcConnection.options(spec.url(), spec.driver(), spec.options(), spec.auth(),
        context);
    options.put("dbtable", spec.table());
    if (spec.mode() == io.prodi.sink.WriteMode.OVERWRITE) {
      options.putIfAbsent("truncate", "true");
    }
    if (spec.mode() == io.prodi.sink.WriteMode.APPEND && context.writeTxn().isPresent()) {
      return JdbcOnceAppend.write(spec, output, context, context.writeTxn().get(), options);
    }
    try {
      output.write().format("jdbc").options(options).mode(FilesSinkWriter.saveMode(spec.mode())).save();
      return SinkResult.allRows();
    } catch (Exception e) { // Spark and the driver (SQLException, thrown unchecked from Scala)
      throw new RunFailure("Cannot write jdbc sink " + spec.table() + ": " + RunFailure.firstLine(e) + " ("
          + spec.url() + ")", e);
    }
  }
}
