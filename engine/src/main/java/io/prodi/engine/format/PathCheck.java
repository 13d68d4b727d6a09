package io.prodi.engine.format;

import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import java.io.IOException;
import org.apache.hadoop.fs.Path;

/** Whether a sink's location already holds something, through the session's Hadoop configuration. */
public final class PathCheck {
  private PathCheck() {}

  public static boolean exists(StepContext context, String location) {
    Path path = new Path(location);
    try {
      return path.getFileSystem(context.spark().sessionState().newHadoopConf()).exists(path);
    } catch (IOException e) {
      throw new RunFailure("Cannot check sink location: " + e.getMessage() + " (" + location + ")", e);
    }
  }

  /**
   * The first entry of a location that is data of its own, if any: something other than the data files an aborted first
   * Delta write leaves behind (part files, a {@code _delta_log} without commits, no {@code _SUCCESS}), which Delta
   * ignores since no commit names them.
   */
  public static java.util.Optional<String> dataIn(StepContext context, String location) {
    Path path = new Path(location);
    try {
      org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(context.spark().sessionState().newHadoopConf());
      if (!fs.exists(path)) {
        return java.util.Optional.empty();
      }
      for (org.apache.hadoop.fs.FileStatus entry : fs.listStatus(path)) {
        String name = entry.getPath().getName();
        boolean leftover = entry.isFile() && (name.startsWith("part-") || name.startsWith(".part-"))
            || entry.isDirectory() && name.equals("_delta_log") && java.util.Arrays.stream(fs.listStatus(entry.getPath()))
                .noneMatch(log -> log.getPath().getName().matches("\\d+\\..*"));
        if (!leftover) {
          return java.util.Optional.of(name);
        }
      }
      context.console().progress("[" + context.layer() + "] " + location + " holds only the data files of an "
          + "aborted first write; Delta ignores them (VACUUM removes them)");
      return java.util.Optional.empty();
    } catch (IOException e) {
      throw new RunFailure("Cannot check sink location: " + e.getMessage() + " (" + location + ")", e);
    }
  }
}
