package io.prodi.engine.source;

import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.TableSourceSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads a table of the session catalog. */
final class TableSourceReader {
  private TableSourceReader() {}

  static Dataset<Row> read(TableSourceSpec spec, StepContext context) {
    try {
      return context.spark().table(spec.table());
    } catch (Exception e) { // AnalysisException: no such table
      throw new RunFailure("Cannot read table source" + spec.name().map(n -> " " + n).orElse("") + ": "
          + RunFailure.firstLine(e)
          + " (" + spec.table() + ")", e);
    }
  }
}
