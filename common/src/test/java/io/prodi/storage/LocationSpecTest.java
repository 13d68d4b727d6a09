package io.prodi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The location resolution order of, one rule at a time. */
class LocationSpecTest {
  private final Findings findings = new Findings("t.yml");
  private final Map<String, StorageSpec> storage = StorageSpec.bindAll(node(
      "gs: {default_uri: 'gs://lake/'}\ns3: {default_uri: 's3a://lake/base'}\n"));

  private ConfigNode node(String yaml) {
    return ConfigNode.root(YamlTree.parse(yaml, findings), findings);
  }

  private String resolve(String yaml) {
    return LocationSpec.bind(node(yaml)).resolve(storage, "/base").orElse("(none)");
  }

  private static final String ALL = "uris: {gs: 'gs://u/gs', s3: 's3a://u/s3', file: 'file:///u/file', local: 'u/local', "
      + "abfss: 'abfss://c@a.dfs.core.windows.net/x'}\nlocal_fallback: fb\nrelative_path: rel/x\n";

  @Test
  void uriComesFirstThenPath() {
    assertThat(resolve("uri: 'gs://a/b'\npath: p\n" + ALL + "use_local_fallback: true\npreferred_protocol: s3\n"))
        .isEqualTo("gs://a/b");
    assertThat(resolve("path: p\n" + ALL + "use_local_fallback: true\npreferred_protocol: s3\n")).isEqualTo("/base/p");
  }

  @Test
  void localFallbackWhenAskedForThenThePreferredProtocolsUri() {
    assertThat(resolve(ALL + "use_local_fallback: true\npreferred_protocol: s3\n")).isEqualTo("/base/fb");
    assertThat(resolve(ALL + "preferred_protocol: s3\n")).isEqualTo("s3a://u/s3");
  }

  @Test
  void thenTheStorageDefaultUriJoinedWithTheRelativePath() {
    assertThat(resolve("relative_path: rel/x\npreferred_protocol: s3\nuris: {gs: 'gs://u/gs'}\n"))
        .isEqualTo("s3a://lake/base/rel/x");
    assertThat(resolve("relative_path: /rel/x\nuris: {file: 'file:///u/file'}\n")).isEqualTo("gs://lake/rel/x");
  }

  @Test
  void thenTheFirstUriInTheOrderFileLocalS3AbfssGs() {
    assertThat(resolve("uris: {gs: 'gs://u/gs', s3: 's3a://u/s3', file: 'file:///u/file'}\n")).isEqualTo("file:///u/file");
    assertThat(resolve("uris: {gs: 'gs://u/gs', s3: 's3a://u/s3', local: 'u/local'}\n")).isEqualTo("/base/u/local");
    assertThat(resolve("uris: {gs: 'gs://u/gs', abfss: 'abfss://c@a/x'}\n")).isEqualTo("abfss://c@a/x");
  }

  @Test
  void lastTheLocalFallbackAndNothingWhenNothingIsGiven() {
    assertThat(resolve("local_fallback: fb\n")).isEqualTo("/base/fb");
    assertThat(resolve("format: csv\n")).isEqualTo("(none)");
    assertThat(findings.problems()).isEmpty();
  }
}
