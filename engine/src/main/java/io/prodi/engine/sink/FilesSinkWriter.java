package io.prodi.engine.sink;

import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.FilesSinkSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteMode;
import io.prodi.sink.WriteTxn;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a files sink with Spark's own writers: overwrite (only the partitions written, when
 * partitioned), append, error, ignore, or a Delta merge. An incremental run's append is written so
 * that a rerun after a crash does not repeat it ({@link IdempotentDelta}, {@link StagedAppend}).
 */
final class FilesSinkWriter {
  private FilesSinkWriter() {}

  static SinkResult write(FilesSinkSpec spec, Dataset<Row> output, StepContext context) {
    String location = spec.location(context.config().locationStorage(), context.config().baseDir());
    Dataset<Row> shaped = shape(output, spec.coalesce().orElse(null), spec.repartition().orElse(null));
    try {
      if (spec.mode().mergesByKey()) {
        return DeltaMerge.intoPath(shaped, location, spec.mode(), spec.merge(), spec.partitionBy(), context);
      }
      if (spec.mode() == WriteMode.IGNORE && PathCheck.exists(context, location)) {
        return SinkResult.skipped("mode ignore: " + location + " exists");
      }
      DataFrameWriter<Row> writer = shaped.write().format(sparkFormat(spec.format())).options(spec.options())
          .mode(saveMode(spec.mode()));
      if (!spec.partitionBy().isEmpty()) {
        writer = writer.partitionBy(spec.partitionBy().toArray(new String[0]));
        if (spec.usesDelta() && spec.mode() == WriteMode.OVERWRITE) {
          writer = writer.option("partitionOverwriteMode", "dynamic");
        }
      }
      java.util.Optional<WriteTxn> txn = context.writeTxn().filter(t -> spec.mode().appends());
      if (txn.isPresent() && spec.usesDelta()) {
        return IdempotentDelta.append(writer, location, txn.get(), context);
      }
      if (txn.isPresent()) {
        return StagedAppend.write(writer, location, txn.get(), context);
      }
      writer.save(location);
      return SinkResult.allRows();
    } catch (RunFailure e) {
      throw e;
    } catch (Exception e) { // AnalysisException (mode error on an existing path, text needs one string column)
      throw new RunFailure("Cannot write " + spec.format() + " sink: " + RunFailure.firstLine(e) + " (" + location
          + ")", e);
    }
  }

  static Dataset<Row> shape(Dataset<Row> output, Integer coalesce, Integer repartition) {
    if (coalesce != null) {
      return output.coalesce(coalesce);
    }
    return repartition != null ? output.repartition(repartition) : output;
  }

  static String sparkFormat(String format) {
    return format.equals("jsonl") ? "json" : format;
  }

  static SaveMode saveMode(WriteMode mode) {
    switch (mode) {
      case OVERWRITE:
        return SaveMode.Overwrite;
      case APPEND:
        return SaveMode.Append;
      case IGNORE:
        return SaveMode.Ignore;
      default:
        return SaveMode.ErrorIfExists;
    }
  }
}
