package io.prodi.testing;

import java.io.File;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system with its own scheme, {@code testfs://bucket/key}, kept in a local folder
 * (the system property {@code prodi.testfs.root}): a non-local URI that works offline, to prove
 * that configs are read through the Hadoop FileSystem API and not as local files.
 */
public class FolderFileSystem extends RawLocalFileSystem {
  public static final String ROOT_PROPERTY = "prodi.testfs.root";
  private URI uri;

  @Override
  public void initialize(URI name, Configuration conf) throws java.io.IOException {
    super.initialize(name, conf);
    this.uri = URI.create(getScheme() + "://" + (name.getAuthority() == null ? "" : name.getAuthority()));
  }

  @Override
  public URI getUri() {
    return uri == null ? URI.create(getScheme() + ":///") : uri;
  }

  @Override
  public String getScheme() {
    return "testfs";
  }

  @Override
  public File pathToFile(Path path) {
    URI pathUri = makeQualified(path).toUri();
    String root = System.getProperty(ROOT_PROPERTY);
    return new File(root, (pathUri.getAuthority() == null ? "" : pathUri.getAuthority()) + pathUri.getPath());
  }

  /** Statuses name the path asked for, not the local file behind it (as a bucket would). */
  @Override
  public org.apache.hadoop.fs.FileStatus getFileStatus(Path path) throws java.io.IOException {
    org.apache.hadoop.fs.FileStatus status = super.getFileStatus(path);
    status.setPath(makeQualified(path));
    return status;
  }

  @Override
  public org.apache.hadoop.fs.FileStatus[] listStatus(Path path) throws java.io.IOException {
    Path qualified = makeQualified(path);
    boolean file = getFileStatus(path).isFile();
    org.apache.hadoop.fs.FileStatus[] statuses = super.listStatus(path);
    for (org.apache.hadoop.fs.FileStatus status : statuses) {
      status.setPath(file ? qualified : new Path(qualified, status.getPath().getName()));
    }
    return statuses;
  }

  @Override
  public Path getWorkingDirectory() {
    return new Path(getUri().toString() + "/");
  }

  /**
   * The same folder under the scheme {@code storefs://}, which nothing registers: a config reaches
   * it only through the Hadoop keys of its environment config ({@code fs.storefs.impl}).
   */
  public static final class ConfiguredOnly extends FolderFileSystem {
    @Override
    public String getScheme() {
      return "storefs";
    }
  }
}
