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
public final class FolderFileSystem extends RawLocalFileSystem {
  public static final String ROOT_PROPERTY = "prodi.testfs.root";
  private URI uri;

  @Override
  public void initialize(URI name, Configuration conf) throws java.io.IOException {
    super.initialize(name, conf);
    this.uri = URI.create("testfs://" + (name.getAuthority() == null ? "" : name.getAuthority()));
  }

  @Override
  public URI getUri() {
    return uri == null ? URI.create("testfs:///") : uri;
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

  @Override
  public Path getWorkingDirectory() {
    return new Path(getUri().toString() + "/");
  }
}
