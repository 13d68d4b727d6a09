package io.prodi.engine.format;

import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteTxn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;

/**
 * An append of an incremental run to parquet, csv, json, orc, avro or text files that a rerun after a
 * crash does not repeat. Spark writes into {@code <sink>/_prodi_staging/<txn>/} (Spark's readers skip
 * folders whose names start with {@code _}); the files are then moved into the sink, a marker
 * {@code <sink>/_prodi_commits/<txn>} is written, and the staging folder removed. A rerun finds the
 * marker and writes nothing, or finds a complete staging folder ({@code _SUCCESS}) and finishes its
 * moves, or finds an incomplete one and writes afresh.
 */
final class StagedAppend {
  static final String STAGING = "_prodi_staging";
  static final String COMMITS = "_prodi_commits";

  private StagedAppend() {}

  static SinkResult write(DataFrameWriter<Row> writer, String location, WriteTxn txn, TableWrite write) {
    Path sink = new Path(location);
    Path staging = new Path(new Path(sink, STAGING), txn.fileName());
    Path marker = new Path(new Path(sink, COMMITS), txn.fileName());
    try {
      FileSystem fs = sink.getFileSystem(write.context().spark().sessionState().newHadoopConf());
      if (fs.exists(marker)) {
        fs.delete(staging, true);
        return already(write, "committed");
      }
      boolean staged = fs.exists(new Path(staging, "_SUCCESS"));
      if (!staged) {
        fs.delete(staging, true);
        writer.mode(org.apache.spark.sql.SaveMode.ErrorIfExists).save(staging.toString());
      }
      moveInto(fs, staging, sink);
      fs.create(marker, true).close();
      fs.delete(staging, true);
      return staged ? already(write, "staged") : SinkResult.allRows();
    } catch (IOException e) {
      throw new RunFailure("Cannot commit the append to " + location + ": " + e.getMessage() + " (" + staging + ")", e);
    }
  }

  private static SinkResult already(TableWrite write, String how) {
    String why = "an earlier attempt of this run " + how + " these rows";
    write.notAgain(why);
    return SinkResult.alreadyWritten(why);
  }

  /** Moves every data file under {@code staging} to the same relative place under {@code sink}; safe to repeat. */
  private static void moveInto(FileSystem fs, Path staging, Path sink) throws IOException {
    String root = fs.makeQualified(staging).toUri().getPath();
    List<LocatedFileStatus> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(staging, true);
    while (it.hasNext()) {
      LocatedFileStatus file = it.next();
      String name = file.getPath().getName();
      if (!name.startsWith("_") && !name.startsWith(".")) {
        files.add(file);
      }
    }
    for (FileStatus file : files) {
      String relative = file.getPath().toUri().getPath().substring(root.length() + 1);
      Path target = new Path(sink, relative);
      fs.mkdirs(target.getParent());
      if (fs.exists(target)) {
        fs.delete(file.getPath(), false); // moved by a crashed attempt whose copy did not delete its source
      } else if (!fs.rename(file.getPath(), target)) {
        throw new IOException("rename of " + file.getPath() + " to " + target + " failed");
      }
    }
  }
}
