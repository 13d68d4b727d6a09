package io.prodi.testing;

import org.apache.hadoop.conf.Configuration;

/** The Hadoop configuration tests read configs through: a real run's, plus {@code testfs://} on a folder. */
public final class TestFileSystems {
  private TestFileSystems() {}

  /** {@code base} (site files and {@code spark.hadoop.*} properties, as a run has them) with {@code testfs://} added. */
  public static Configuration withTestFs(Configuration base) {
    base.set("fs.testfs.impl", FolderFileSystem.class.getName());
    base.setBoolean("fs.testfs.impl.disable.cache", true);
    return base;
  }
}
