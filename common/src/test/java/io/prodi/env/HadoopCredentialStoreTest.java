package io.prodi.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.load.ConfigLoader;
import io.prodi.config.load.LoadedLayer;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.TestConfigFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.alias.CredentialProvider;
import org.apache.hadoop.security.alias.CredentialProviderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential variable that is not set is read from Hadoop's credential providers (Secret Manager on Dataproc;
 * here a real JCEKS keystore written with Hadoop's own API), and only from them.
 */
class HadoopCredentialStoreTest {
  @TempDir
  Path tmp;

  private Configuration withKeystore(Map<String, String> credentials) throws Exception {
    Configuration conf = new Configuration(false);
    conf.set(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH, "localjceks://file" + tmp.resolve("creds.jceks"));
    CredentialProvider provider = CredentialProviderFactory.getProviders(conf).get(0);
    for (Map.Entry<String, String> credential : credentials.entrySet()) {
      provider.createCredentialEntry(credential.getKey(), credential.getValue().toCharArray());
    }
    provider.flush();
    return conf;
  }

  @Test
  void aVariableThatIsNotSetIsReadFromTheStore() throws Exception {
    Configuration conf = withKeystore(Map.of("MARTS_DB_PASSWORD", "s3cret", "MARTS_DB_USER", "marts"));
    RunEnvironment env = RunEnvironment.of(Map.of("MARTS_DB_USER", "from-env"), Map.of(), HadoopCredentialStore.of(conf));
    assertThat(env.credential("MARTS_DB_PASSWORD")).contains("s3cret");
    assertThat(env.credential("MARTS_DB_USER")).as("a set variable wins").contains("from-env");
    assertThat(env.credential("NOT_THERE")).isEmpty();
    assertThat(env.get("MARTS_DB_PASSWORD")).as("plain lookups (the guard, from_env) never ask the store").isEmpty();
  }

  @Test
  void withoutAProviderPathNothingIsAskedNotEvenAPlainProperty() {
    Configuration conf = new Configuration(false);
    conf.set("MARTS_DB_PASSWORD", "in-clear-text");
    assertThat(HadoopCredentialStore.of(conf).apply("MARTS_DB_PASSWORD")).isEmpty();
  }

  @Test
  void aPlainPropertyOfTheSameNameIsNotACredential() throws Exception {
    Configuration conf = withKeystore(Map.of("OTHER", "x"));
    conf.set("MARTS_DB_PASSWORD", "in-clear-text");
    assertThat(HadoopCredentialStore.of(conf).apply("MARTS_DB_PASSWORD")).isEmpty();
  }

  @Test
  void aConfigWhoseCredentialIsInTheStoreValidatesWithoutAWarning() throws Exception {
    Configuration conf = withKeystore(Map.of("DB_PASSWORD", "s3cret", "DB_USER", "marts"));
    String file = new ConfigFolder(tmp).write("gold.yml", "layer: gold\ndry_run: false\nio:\n"
        + "  source: {path: in, format: parquet}\n  sink: {type: jdbc, url: 'jdbc:postgresql://127.0.0.1/x', table: t,"
        + " auth: {user_env: DB_USER, password_env: DB_PASSWORD}}\n");
    RunEnvironment env = RunEnvironment.of(Map.of(), Map.of(), HadoopCredentialStore.of(conf));
    LoadedLayer loaded = new ConfigLoader(TestConfigFiles.files(), env, Map.of(), tmp.toString())
        .loadLayer(file, Optional.empty());
    assertThat(loaded.problems()).isEmpty();
    RunEnvironment without = RunEnvironment.of(Map.of(), Map.of());
    assertThat(new ConfigLoader(TestConfigFiles.files(), without, Map.of(), tmp.toString())
        .loadLayer(file, Optional.empty()).problems()).hasSize(2);
  }
}
