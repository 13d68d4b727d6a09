package io.prodi.sink;

import io.prodi.engine.StepContext;
import io.prodi.run.RunFailure;
import java.io.IOException;
import org.apache.hadoop.fs.Path;

/** Whether a sink's location already holds something, through the session's Hadoop configuration. */
final class PathCheck {
  private PathCheck() {}

  static boolean exists(StepContext context, String location) {
    Path path = new Path(location);
    try {
      return path.getFileSystem(context.spark().sessionState().newHadoopConf()).exists(path);
    } catch (IOException e) {
      throw new RunFailure("Cannot check sink location: " + e.getMessage() + " (" + location + ")", e);
    }
  }
}
