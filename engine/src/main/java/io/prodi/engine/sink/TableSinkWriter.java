package io.prodi.engine.sink;

import io.prodi.catalog.PartitionTransform;
import io.prodi.engine.change.ChangeData;
import io.prodi.engine.format.FormatIOs;
import io.prodi.engine.format.TableWrite;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import io.prodi.sink.TableSinkSpec;
import io.prodi.sink.WriteMode;
import io.prodi.storage.TableFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a table of the session catalog ({@code saveAsTable}), merges into a Delta table, or writes an Iceberg
 * catalog's table in the Iceberg format's way ({@link io.prodi.engine.format.FormatIO}).
 * Overwriting an existing partitioned table replaces only the partitions written:
 * {@code saveAsTable} in overwrite mode would replace the whole table, so that case inserts.
 */
final class TableSinkWriter {
  private TableSinkWriter() {}

  static SinkResult write(TableSinkSpec spec, Dataset<Row> output, StepContext context) {
    if (spec.tableFormat().filter(f -> f == TableFormat.ICEBERG).isPresent()) { // an Iceberg catalog's table: the Iceberg format's writes
      TableWrite write = new TableWrite(output, spec.table(), spec.options(), spec.partitionTransforms().stream()
          .map(PartitionTransform::sql).collect(Collectors.toList()), context.writeTxn().filter(t -> spec.mode().appends()),
          context);
      return FormatIOs.of(TableFormat.ICEBERG).write(spec.mode(), write, spec.merge());
    }
    try {
      if (context.refreshWrite().filter(r -> !r.isWhole()).isPresent()) {
        return new io.prodi.engine.change.KeyReplace(context.refreshWrite().get(), spec.partitionBy())
            .intoTable(output, spec.table(), context);
      }
      if (spec.mode().mergesByKey()) {
        return new ChangeData(spec.mode(), spec.merge(), spec.partitionBy()).intoTable(output, spec.table(), context);
      }
      if (spec.mode() == WriteMode.IGNORE && context.spark().catalog().tableExists(spec.table())) {
        return SinkResult.skipped("mode ignore: table " + spec.table() + " exists");
      }
      if (spec.mode() == WriteMode.OVERWRITE && !spec.partitionBy().isEmpty() && context.refreshWrite().isEmpty()
          && context.spark().catalog().tableExists(spec.table())) {
        return overwritePartitions(spec, output, context);
      }
      DataFrameWriter<Row> writer = output.write().options(spec.options()).mode(FilesSinkWriter.saveMode(spec.mode()));
      if (spec.format().isPresent()) {
        writer = writer.format(FormatIOs.named(spec.format().get()).sparkName());
      }
      if (context.refreshWrite().isPresent() && spec.tableFormat().filter(f -> f == TableFormat.DELTA).isPresent()) {
        writer = writer.option("overwriteSchema", "true");
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

  /**
   * {@code INSERT OVERWRITE} with dynamic partition overwrite (the layer session's setting, which
   * Delta honours too): the output's columns by name, in the table's order, since insertInto goes by
   * position.
   */
  private static SinkResult overwritePartitions(TableSinkSpec spec, Dataset<Row> output, StepContext context) {
    List<String> tableColumns = java.util.Arrays.asList(context.spark().table(spec.table()).columns());
    List<String> missing = new java.util.ArrayList<>(java.util.Arrays.asList(output.columns()));
    missing.removeIf(c -> tableColumns.stream().anyMatch(c::equalsIgnoreCase));
    if (!missing.isEmpty() || output.columns().length != tableColumns.size()) {
      throw new RunFailure("Cannot overwrite partitions of table " + spec.table() + ": the output's columns differ "
          + "from the table's (output: " + String.join(", ", output.columns()) + "; table: "
          + String.join(", ", tableColumns) + ")");
    }
    org.apache.spark.sql.Column[] ordered = tableColumns.stream().map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
    String previous = context.spark().conf().get("spark.sql.sources.partitionOverwriteMode");
    context.spark().conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
    try {
      output.select(ordered).write().options(spec.options()).mode(org.apache.spark.sql.SaveMode.Overwrite)
          .insertInto(spec.table());
    } finally {
      context.spark().conf().set("spark.sql.sources.partitionOverwriteMode", previous);
    }
    return SinkResult.allRows();
  }
}
