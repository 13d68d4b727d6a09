package io.prodi.engine.source;

import io.prodi.engine.format.FormatIOs;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.TableSourceSpec;
import io.prodi.storage.TableFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads a table of the session catalog or of a declared Iceberg catalog (its changes, read by version). */
final class TableSourceReader {
  private TableSourceReader() {}

  static Dataset<Row> read(TableSourceSpec spec, StepContext context) {
    if (spec.tableFormat().filter(f -> f == TableFormat.ICEBERG).isPresent()
        && spec.watermark().filter(w -> w.byVersion()).isPresent()) {
      return FormatIOs.of(TableFormat.ICEBERG).changesSince(context.spark(), spec.table(),
          Long.parseLong(context.watermark(spec).orElse("-1")), context.watermarkUpTo(spec).map(Long::parseLong));
    }
    try {
      return context.spark().table(spec.table());
    } catch (Exception e) { // AnalysisException: no such table
      throw new RunFailure("Cannot read table source" + spec.name().map(n -> " " + n).orElse("") + ": "
          + RunFailure.firstLine(e)
          + " (" + spec.table() + ")", e);
    }
  }
}
