package io.prodi.sink;

import io.prodi.engine.StepContext;
import io.prodi.run.RunFailure;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Writes a table of the session catalog ({@code saveAsTable}), or merges into a Delta table. */
final class TableSinkWriter {
  private TableSinkWriter() {}

  static SinkResult write(TableSinkSpec spec, Dataset<Row> output, StepContext context) {
    try {
      if (spec.mode().equals("merge")) {
        return DeltaMerge.intoTable(output, spec.table(), spec.mergeKeys(), spec.partitionBy(), context);
      }
      if (spec.mode().equals("ignore") && context.spark().catalog().tableExists(spec.table())) {
        return SinkResult.skipped("mode ignore: table " + spec.table() + " exists");
      }
      DataFrameWriter<Row> writer = output.write().options(spec.options()).mode(FilesSinkWriter.saveMode(spec.mode()));
      if (spec.format().isPresent()) {
        writer = writer.format(FilesSinkWriter.sparkFormat(spec.format().get()));
      }
      if (!spec.partitionBy().isEmpty()) {
        writer = writer.partitionBy(spec.partitionBy().toArray(new String[0]));
      }
      writer.saveAsTable(spec.table());
      return SinkResult.allRows();
    } catch (RunFailure e) {
      throw e;
    } catch (Exception e) { // AnalysisException: mode error on an existing table, a schema mismatch
      throw new RunFailure("Cannot write table sink: " + RunFailure.firstLine(e) + " (" + spec.table() + ")", e);
    }
  }
}
