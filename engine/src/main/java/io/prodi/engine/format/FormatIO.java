package io.prodi.engine.format;

import io.prodi.run.RunFailure;
import io.prodi.sink.MergeSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteMode;
import io.prodi.storage.TableFormat;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * What prodi does with data of one table format ({@link FormatIOs} has one per {@link TableFormat}): each
 * write mode, and above all its one rule for an append that must happen exactly once (the run's
 * transaction kept where the format keeps its commits), an overwrite that replaces only the partitions
 * written, merges through the change-data target, and reads of the changes since a version.
 */
public abstract class FormatIO {
  private final TableFormat format;

  FormatIO(TableFormat format) {
    this.format = format;
  }

  public TableFormat format() {
    return format;
  }

  /** Writes in {@code mode}; {@code merge} is the merge keys and rules of a merge or scd2. */
  public SinkResult write(WriteMode mode, TableWrite write, MergeSpec merge) {
    Optional<io.prodi.engine.spi.RefreshWrite> refresh = write.context().refreshWrite();
    if (refresh.isPresent()) {
      return refresh.get().isWhole() ? replaceAll(write) : replaceKeys(write, refresh.get());
    }
    switch (mode) {
      case APPEND:
        return append(write);
      case OVERWRITE:
        return overwrite(write);
      case MERGE:
      case SCD2:
        return merge(mode, write, merge);
      case IGNORE:
        return ignoreIfExists(write);
      case ERROR:
        return failIfExists(write);
      default:
        throw new IllegalArgumentException("Cannot write mode " + mode + " as a table write (" + write.place() + ")");
    }
  }

  /** Appends the rows; with the run's transaction, exactly once: a rerun of a committed attempt appends nothing. */
  abstract SinkResult append(TableWrite write);

  /**
   * Replaces what the written partitions held (everything, when the data is not partitioned): for data at a path,
   * Spark's dynamic partition overwrite, asked for on the write itself (files and Delta both honour it).
   */
  SinkResult overwrite(TableWrite write) {
    org.apache.spark.sql.DataFrameWriter<Row> writer = write.writer(sparkName(), SaveMode.Overwrite);
    if (!write.partitionBy().isEmpty()) {
      writer = writer.option("partitionOverwriteMode", "dynamic");
    }
    writer.save(write.place());
    return SinkResult.allRows();
  }

  /** A full refresh: the whole table (every partition) replaced by the rows. */
  SinkResult replaceAll(TableWrite write) {
    write.writer(sparkName(), SaveMode.Overwrite).option("partitionOverwriteMode", "static").save(write.place());
    return SinkResult.allRows();
  }

  /** An incremental refresh: the affected keys' rows replaced in one commit; only formats with row-level commits. */
  SinkResult replaceKeys(TableWrite write, io.prodi.engine.spi.RefreshWrite refresh) {
    throw new RunFailure("Cannot refresh a " + format.id() + " sink by key: it needs format delta or iceberg ("
        + write.place() + ")");
  }

  /** A merge or scd2; only formats with row-level commits take one (the config refuses the others). */
  SinkResult merge(WriteMode mode, TableWrite write, MergeSpec merge) {
    throw new RunFailure("Cannot " + mode.id() + " into a " + format.id() + " sink: it needs format delta or iceberg ("
        + write.place() + ")");
  }

  SinkResult ignoreIfExists(TableWrite write) {
    if (PathCheck.exists(write.context(), write.place())) {
      return SinkResult.skipped("mode ignore: " + write.place() + " exists");
    }
    write.writer(sparkName(), SaveMode.Ignore).save(write.place());
    return SinkResult.allRows();
  }

  SinkResult failIfExists(TableWrite write) {
    write.writer(sparkName(), SaveMode.ErrorIfExists).save(write.place());
    return SinkResult.allRows();
  }

  /**
   * The changes committed after version {@code lastRead} up to the current version ({@code upTo}, when a crashed
   * attempt already chose it), for {@code incremental: {by: version}}; only formats that keep versions have them.
   */
  public Dataset<Row> changesSince(SparkSession spark, String place, long lastRead, Optional<Long> upTo) {
    throw new RunFailure("Cannot read the changes of " + place + ": format " + format.id() + " keeps no versions "
        + "(by: version needs delta or iceberg)");
  }

  /** The SQL extension a session needs for this format's statements (MERGE INTO, procedures), if any. */
  public Optional<String> sessionExtension() {
    return Optional.empty();
  }

  /** The static settings, besides its extension, a session needs for this format (a catalog implementation). */
  public java.util.Map<String, String> sessionSettings() {
    return java.util.Map.of();
  }

  /** The name Spark's readers and writers know this format by. */
  public String sparkName() {
    return format == TableFormat.JSONL ? "json" : format.id();
  }
}
