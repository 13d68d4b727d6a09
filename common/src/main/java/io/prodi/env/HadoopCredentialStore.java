package io.prodi.env;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.alias.CredentialProviderFactory;

/**
 * Credentials from Hadoop's credential providers ({@code hadoop.security.credential.provider.path}): Secret
 * Manager on Dataproc and Dataproc Serverless ({@code gsm://projects/P}), a JCEKS keystore anywhere
 * ({@code jceks://...}). Asked only when the path is set, and only for the providers, never for a plain
 * Hadoop property of the same name.
 */
public final class HadoopCredentialStore implements Function<String, Optional<String>> {
  private final Configuration conf;

  private HadoopCredentialStore(Configuration conf) {
    this.conf = new Configuration(conf);
    this.conf.setBoolean("hadoop.security.credential.clear-text-fallback", false);
  }

  /**
   * The store of the credential providers the config files' Hadoop configuration names, decided on the first
   * credential asked for; one that finds nothing when none is configured (and then Hadoop is not started for it).
   */
  public static Function<String, Optional<String>> of(io.prodi.yaml.ConfigFiles files) {
    return new Function<>() {
      private Function<String, Optional<String>> store;

      @Override
      public synchronized Optional<String> apply(String name) {
        if (store == null) {
          store = files.hadoopValue(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH).isPresent()
              ? of(files.hadoopConf()) : missing -> Optional.empty();
        }
        return store.apply(name);
      }
    };
  }

  /** The store of {@code conf}'s credential providers; one that finds nothing when none is configured. */
  public static Function<String, Optional<String>> of(Configuration conf) {
    if (conf.getTrimmed(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH, "").isEmpty()) {
      return name -> Optional.empty();
    }
    return new HadoopCredentialStore(conf);
  }

  @Override
  public Optional<String> apply(String name) {
    try {
      char[] value = conf.getPassword(name);
      return value == null ? Optional.empty() : Optional.of(new String(value));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read credential " + name + " from "
          + conf.get(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH) + ": " + e.getMessage() + " (" + name + ")", e);
    }
  }
}
