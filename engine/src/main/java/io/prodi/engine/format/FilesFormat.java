package io.prodi.engine.format;

import io.prodi.sink.SinkResult;
import io.prodi.storage.TableFormat;
import org.apache.spark.sql.SaveMode;

/**
 * Plain files (parquet, csv, json, orc, avro, text): an exactly-once append is staged and moved into place, then
 * marked committed ({@link StagedAppend}); an overwrite of partitioned data replaces only the partitions written
 * ({@link FormatIO#overwrite}).
 */
final class FilesFormat extends FormatIO {
  FilesFormat(TableFormat format) {
    super(format);
  }

  @Override
  SinkResult append(TableWrite write) {
    if (write.txn().isPresent()) {
      return StagedAppend.write(write.writer(sparkName(), SaveMode.Append), write.place(), write.txn().get(), write);
    }
    write.writer(sparkName(), SaveMode.Append).save(write.place());
    return SinkResult.allRows();
  }
}
