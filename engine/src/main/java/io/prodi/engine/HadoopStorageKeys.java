package io.prodi.engine;

import io.prodi.engine.storage.FixedSasTokenProvider;
import io.prodi.env.RunEnvironment;
import io.prodi.run.RunFailure;
import io.prodi.storage.Loopback;
import io.prodi.storage.StorageSpec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the storage settings of an environment config (and a layer's {@code storage:}) into the
 * Hadoop configuration keys of the gcs-connector 3.x (what Dataproc 2.2+ and Serverless ship), S3A and ABFS, reading credential values from
 * the run's environment. The values are secrets: callers set them, never print them.
 */
public final class HadoopStorageKeys {
  private HadoopStorageKeys() {}

  /** Every key for every protocol in {@code storage}, protocol by protocol (the layer's after the environment's). */
  public static Map<String, String> of(Map<String, StorageSpec> storage, RunEnvironment env) {
    Map<String, String> keys = new LinkedHashMap<>();
    storage.values().forEach(spec -> keys.putAll(of(spec, env)));
    return keys;
  }

  static Map<String, String> of(StorageSpec spec, RunEnvironment env) {
    Map<String, String> keys = new LinkedHashMap<>();
    switch (spec.protocol()) {
      case "gs":
        gcs(spec, env, keys);
        break;
      case "s3":
        s3(spec, env, keys);
        break;
      case "abfss":
        abfs(spec, env, keys);
        break;
      default:
        break;
    }
    keys.putAll(spec.hadoop());
    return keys;
  }

  private static void gcs(StorageSpec spec, RunEnvironment env, Map<String, String> keys) {
    credential(spec, "token_env", env).ifPresent(keyFile -> {
      keys.put("fs.gs.auth.type", "SERVICE_ACCOUNT_JSON_KEYFILE");
      keys.put("fs.gs.auth.service.account.json.keyfile", keyFile);
    });
    credential(spec, "project_env", env).ifPresent(project -> keys.put("fs.gs.project.id", project));
    credential(spec, "service_account_env", env).ifPresent(account ->
        keys.put("fs.gs.auth.impersonation.service.account", account));
    spec.endpoint().ifPresent(endpoint -> {
      keys.put("fs.gs.storage.root.url", endpoint.endsWith("/") ? endpoint : endpoint + "/");
      if (isLoopback(endpoint) && !spec.credentials().containsKey("token_env")) {
        keys.put("fs.gs.auth.type", "UNAUTHENTICATED");
      }
    });
  }

  private static void s3(StorageSpec spec, RunEnvironment env, Map<String, String> keys) {
    Optional<String> access = credential(spec, "access_key_env", env);
    Optional<String> secret = credential(spec, "secret_key_env", env);
    Optional<String> session = credential(spec, "session_token_env", env);
    access.ifPresent(v -> keys.put("fs.s3a.access.key", v));
    secret.ifPresent(v -> keys.put("fs.s3a.secret.key", v));
    session.ifPresent(v -> keys.put("fs.s3a.session.token", v));
    if (session.isPresent()) {
      keys.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider");
    } else if (access.isPresent()) {
      keys.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    } else if (spec.auth().filter("iam_role"::equals).isPresent()) {
      keys.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.auth.IAMInstanceCredentialsProvider");
    }
    spec.endpoint().ifPresent(endpoint -> {
      keys.put("fs.s3a.endpoint", endpoint);
      if (isLoopback(endpoint)) {
        keys.put("fs.s3a.path.style.access", "true");
        keys.put("fs.s3a.connection.ssl.enabled", String.valueOf(!endpoint.startsWith("http://")));
      }
    });
  }

  private static void abfs(StorageSpec spec, RunEnvironment env, Map<String, String> keys) {
    String account = credential(spec, "account_name_env", env).or(() -> accountFromUri(spec))
        .map(name -> name.contains(".") ? name : name + ".dfs.core.windows.net").orElse(null);
    String suffix = account == null ? "" : "." + account;
    Optional<String> accountKey = credential(spec, "account_key_env", env);
    Optional<String> sas = credential(spec, "sas_token_env", env);
    Optional<String> clientId = credential(spec, "client_id_env", env);
    if (accountKey.isPresent()) {
      keys.put("fs.azure.account.auth.type" + suffix, "SharedKey");
      keys.put("fs.azure.account.key" + suffix, accountKey.get());
    } else if (sas.isPresent()) {
      keys.put("fs.azure.account.auth.type" + suffix, "SAS");
      keys.put("fs.azure.sas.token.provider.type" + suffix, FixedSasTokenProvider.class.getName());
      keys.put(FixedSasTokenProvider.TOKEN_KEY + suffix, sas.get());
    } else if (clientId.isPresent()) {
      keys.put("fs.azure.account.auth.type" + suffix, "OAuth");
      keys.put("fs.azure.account.oauth.provider.type" + suffix,
          "org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider");
      keys.put("fs.azure.account.oauth2.client.id" + suffix, clientId.get());
      credential(spec, "client_secret_env", env).ifPresent(v ->
          keys.put("fs.azure.account.oauth2.client.secret" + suffix, v));
      credential(spec, "tenant_id_env", env).ifPresent(tenant -> keys.put("fs.azure.account.oauth2.client.endpoint"
          + suffix, "https://login.microsoftonline.com/" + tenant + "/oauth2/token"));
    } else if (spec.auth().filter("managed_identity"::equals).isPresent()) {
      keys.put("fs.azure.account.auth.type" + suffix, "OAuth");
      keys.put("fs.azure.account.oauth.provider.type" + suffix,
          "org.apache.hadoop.fs.azurebfs.oauth2.MsiTokenProvider");
    }
  }

  private static Optional<String> accountFromUri(StorageSpec spec) {
    return spec.defaultUri().map(URI::create).map(URI::getHost).filter(h -> h != null);
  }

  private static Optional<String> credential(StorageSpec spec, String key, RunEnvironment env) {
    String variable = spec.credentials().get(key);
    if (variable == null) {
      return Optional.empty();
    }
    return Optional.of(env.credential(variable).orElseThrow(() -> new RunFailure(
        "Cannot configure " + spec.protocol() + " storage: environment variable " + variable + " is not set ("
            + key + ")")));
  }

  private static boolean isLoopback(String endpoint) {
    String withScheme = endpoint.contains("://") ? endpoint : "https://" + endpoint;
    return Loopback.urlHost(withScheme).map(Loopback::isLoopbackHost).orElse(false);
  }
}
