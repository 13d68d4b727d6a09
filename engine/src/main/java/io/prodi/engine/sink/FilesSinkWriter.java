package io.prodi.engine.sink;

import io.prodi.engine.format.FormatIOs;
import io.prodi.engine.format.TableWrite;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.FilesSinkSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteMode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a files sink (a path or URI) in its format's way ({@link io.prodi.engine.format.FormatIO}): overwrite
 * (only the partitions written, when partitioned), append (exactly once in an incremental run), error, ignore,
 * or a merge into Delta.
 */
final class FilesSinkWriter {
  private FilesSinkWriter() {}

  static SinkResult write(FilesSinkSpec spec, Dataset<Row> output, StepContext context) {
    String location = spec.location(context.config().locationStorage(), context.config().baseDir());
    Dataset<Row> shaped = shape(output, spec.coalesce().orElse(null), spec.repartition().orElse(null));
    TableWrite write = new TableWrite(shaped, location, spec.options(), spec.partitionBy(),
        context.writeTxn().filter(t -> spec.mode().appends()), context);
    try {
      return FormatIOs.named(spec.format()).write(spec.mode(), write, spec.merge());
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
