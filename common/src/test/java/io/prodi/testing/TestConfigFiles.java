package io.prodi.testing;

import io.prodi.yaml.ConfigFiles;

/** Config files as a run reads them (site files, {@code spark.hadoop.*} properties), plus {@code testfs://}. */
public final class TestConfigFiles {
  private TestConfigFiles() {}

  public static ConfigFiles files() {
    return new ConfigFiles(TestFileSystems.withTestFs(ConfigFiles.fromSystemProperties().hadoopConf()));
  }
}
