package io.prodi.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodi.env.HadoopCredentialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local config files are read without starting Hadoop (its configuration and file-system registry cost about
 * 1.4 s in a fresh JVM), with the same answers and messages; other URIs still go through Hadoop.
 */
class LocalConfigFilesTest {
  @TempDir
  Path tmp;

  /** Config files whose Hadoop configuration fails the test if anything asks for it. */
  private static ConfigFiles withoutHadoop() {
    return ConfigFiles.lazy(() -> {
      throw new AssertionError("Hadoop's configuration was built for a local file");
    });
  }

  @Test
  void localFilesAreReadListedAndCheckedWithoutHadoop() throws Exception {
    Files.createDirectories(tmp.resolve("cfg/raw"));
    Files.writeString(tmp.resolve("cfg/raw/a.yml"), "layer: raw\n");
    Files.writeString(tmp.resolve("cfg/b.yaml"), "x: 1\n");
    Files.writeString(tmp.resolve("cfg/notes.txt"), "no\n");
    ConfigFiles files = withoutHadoop();
    String root = tmp.resolve("cfg").toString();
    assertThat(files.read(root + "/raw/a.yml")).isEqualTo("layer: raw\n");
    assertThat(files.read("file://" + root + "/raw/a.yml")).isEqualTo("layer: raw\n");
    assertThat(files.exists(root + "/raw/a.yml")).isTrue();
    assertThat(files.exists(root + "/raw")).isFalse();
    assertThat(files.isFolder(root + "/raw")).isTrue();
    assertThat(files.yamlFilesUnder(root + "/")).containsExactly(root + "/b.yaml", root + "/raw/a.yml");
    assertThat(files.yamlFilesUnder(root + "/raw/a.yml")).isEmpty();
    assertThat(HadoopCredentialStore.of(files).apply("MARTS_DB_PASSWORD")).isEmpty();
  }

  @Test
  void aMissingLocalFileOrAFolderIsTheSameConfigError() {
    ConfigFiles files = withoutHadoop();
    String missing = tmp.resolve("none.yml").toString();
    assertThatThrownBy(() -> files.read(missing)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("Cannot read config: file not found (" + missing + ")");
    assertThatThrownBy(() -> files.read(tmp.toString())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("Cannot read config: it is a folder");
  }

  @Test
  void anotherSchemeStillGoesThroughHadoop() {
    boolean[] built = {false};
    ConfigFiles files = ConfigFiles.lazy(() -> {
      built[0] = true;
      return new Configuration(false);
    });
    assertThatThrownBy(() -> files.read("nosuchfs://bucket/cfg.yml")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("Cannot read config: ").hasMessageContaining("nosuchfs");
    assertThat(built[0]).isTrue();
  }
}
