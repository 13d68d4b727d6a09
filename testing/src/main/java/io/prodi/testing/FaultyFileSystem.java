package io.prodi.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system with one injected fault: the Nth create or rename of a path matching a
 * pattern fails with an IOException, as a crash at that point would stop the run. Tests register it
 * for {@code file://} in a layer's environment config ({@code fs.file.impl}, cache disabled), so only
 * that run's session and its tasks see it; the fault is armed process-wide and fires once.
 */
public class FaultyFileSystem extends LocalFileSystem {
  /** What a fault breaks. */
  public enum Operation { CREATE, RENAME }

  private static volatile Operation operation;
  private static volatile Pattern pattern;
  private static volatile int nth;
  private static final AtomicInteger SEEN = new AtomicInteger();
  private static final AtomicInteger FIRED = new AtomicInteger();

  /** Arms one fault: the {@code nth} (1-based) {@code op} of a path matching {@code regex} fails. */
  public static void failOn(Operation op, String regex, int nthMatch) {
    SEEN.set(0);
    FIRED.set(0);
    nth = nthMatch;
    pattern = Pattern.compile(regex);
    operation = op;
  }

  public static void disarm() {
    operation = null;
  }

  /** How many times the armed fault fired (0 or 1). */
  public static int fired() {
    return FIRED.get();
  }

  private static void check(Operation op, Path path) throws IOException {
    Pattern armed = pattern;
    if (operation == op && armed != null && armed.matcher(path.toUri().getPath()).matches()
        && SEEN.incrementAndGet() == nth) {
      FIRED.incrementAndGet();
      operation = null;
      throw new IOException("injected fault: " + op.name().toLowerCase(java.util.Locale.ROOT) + " of " + path);
    }
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    check(Operation.CREATE, f);
    return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
  }

  @Override
  public FSDataOutputStream createNonRecursive(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    check(Operation.CREATE, f);
    return super.createNonRecursive(f, permission, overwrite, bufferSize, replication, blockSize, progress);
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    check(Operation.RENAME, src);
    return super.rename(src, dst);
  }
}
