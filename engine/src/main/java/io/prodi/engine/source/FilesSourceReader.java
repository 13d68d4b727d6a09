package io.prodi.engine.source;

import io.prodi.engine.format.FormatIOs;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.FilesSourceSpec;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads a files source with Spark's own readers, at the location the config resolves to. */
final class FilesSourceReader {
  private FilesSourceReader() {}

  static Dataset<Row> read(FilesSourceSpec spec, StepContext context) {
    String location = spec.location(context.config().locationStorage(), context.config().baseDir());
    if (spec.watermark().filter(w -> w.byVersion()).isPresent()) {
      return FormatIOs.named(spec.format()).changesSince(context.spark(), location,
          Long.parseLong(context.watermark(spec).orElse("-1")), java.util.Optional.empty());
    }
    DataFrameReader reader = context.spark().read().format(FormatIOs.named(spec.format()).sparkName())
        .options(spec.options());
    spec.schema().ifPresent(reader::schema);
    try {
      if (spec.watermark().filter(w -> w.planned()).isPresent()) {
        return newFiles(spec, reader, context);
      }
      return reader.load(location);
    } catch (Exception e) { // AnalysisException: a missing path, an unreadable schema
      throw new RunFailure("Cannot read " + spec.format() + " source" + spec.name().map(n -> " " + n).orElse("") + ": "
          + RunFailure.firstLine(e) + " (" + location + ")", e);
    }
  }

  /** {@code by: files}: exactly the files the micro-batch planned ({@link NewFiles}). */
  private static Dataset<Row> newFiles(FilesSourceSpec spec, DataFrameReader reader, StepContext context) {
    java.util.List<String> files = NewFiles.planned(context.watermarkUpTo(spec).orElseThrow());
    if (files.isEmpty()) {
      return spec.schema().map(s -> context.spark().createDataFrame(java.util.List.<Row>of(),
          org.apache.spark.sql.types.StructType.fromDDL(s))).orElseGet(() -> context.spark().emptyDataFrame());
    }
    return reader.load(files.toArray(new String[0]));
  }
}
