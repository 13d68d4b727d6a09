package io.prodi.engine.storage;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.azurebfs.extensions.SASTokenProvider;

/**
 * An ABFS SAS token provider that hands out one fixed token (a container or account SAS) for
 * every operation. Hadoop 3.3.4, which Spark 3.5 ships, has no such provider of its own (its
 * {@code FixedSASTokenProvider} arrived later), so prodi brings this one; it reads the same keys:
 * {@code fs.azure.sas.fixed.token.<account>}, else {@code fs.azure.sas.fixed.token}.
 */
public final class FixedSasTokenProvider implements SASTokenProvider {
  public static final String TOKEN_KEY = "fs.azure.sas.fixed.token";

  private String token;

  @Override
  public void initialize(Configuration configuration, String accountName) throws IOException {
    String value = configuration.get(TOKEN_KEY + "." + accountName, configuration.get(TOKEN_KEY));
    if (value == null || value.isBlank()) {
      throw new IOException("Cannot authenticate to " + accountName + " with a SAS token: " + TOKEN_KEY + "."
          + accountName + " is not set (missing)");
    }
    token = value.startsWith("?") ? value.substring(1) : value;
  }

  @Override
  public String getSASToken(String account, String fileSystem, String path, String operation) {
    return token;
  }
}
