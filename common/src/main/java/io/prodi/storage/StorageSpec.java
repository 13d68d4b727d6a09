package io.prodi.storage;

import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.CredentialKeys;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of one storage protocol ({@code gs}, {@code s3}, {@code abfss}, {@code file}), from a
 * layer's {@code storage:} block or an environment config: a default URI, the
 * names of credential variables (never values), the cluster identity, extra Hadoop keys, an endpoint.
 */
public final class StorageSpec {
  public static final Set<String> PROTOCOLS = Set.of("gs", "s3", "abfss", "file");
  public static final Set<String> CREDENTIAL_KEYS = Set.of(
      "access_key_env", "secret_key_env", "session_token_env", "account_name_env", "account_key_env",
      "sas_token_env", "token_env", "project_env", "client_id_env", "client_secret_env",
      "tenant_id_env", "service_account_env");
  public static final Set<String> AUTH_MODES = Set.of("workload_identity", "managed_identity", "iam_role");
  /** The credential keys and the auth mode each protocol has an effect for; any other is refused. */
  private static final Map<String, Set<String>> PROTOCOL_CREDENTIALS = Map.of(
      "gs", Set.of("token_env", "project_env", "service_account_env"),
      "s3", Set.of("access_key_env", "secret_key_env", "session_token_env"),
      "abfss", Set.of("account_name_env", "account_key_env", "sas_token_env", "client_id_env", "client_secret_env",
          "tenant_id_env"),
      "file", Set.of());
  private static final Map<String, String> PROTOCOL_AUTH = Map.of(
      "gs", "workload_identity", "s3", "iam_role", "abfss", "managed_identity");
  public static final Set<String> KEYS = Set.of("default_uri", "credentials", "auth", "hadoop", "endpoint");
  private static final List<String> SECRET_HADOOP_KEY_PARTS = List.of(
      "secret", "password", "access.key", "account.key", "private.key", "sas", "token", "keyfile");

  private final String protocol;
  private final String defaultUri;
  private final Map<String, String> credentials;
  private final String auth;
  private final Map<String, String> hadoop;
  private final String endpoint;

  private StorageSpec(String protocol, String defaultUri, Map<String, String> credentials, String auth,
      Map<String, String> hadoop, String endpoint) {
    this.protocol = protocol;
    this.defaultUri = defaultUri;
    this.credentials = Map.copyOf(credentials);
    this.auth = auth;
    this.hadoop = Map.copyOf(hadoop);
    this.endpoint = endpoint;
  }

  /** Every protocol of a {@code storage:} mapping, keyed by protocol. */
  public static Map<String, StorageSpec> bindAll(ConfigNode node) {
    Map<String, StorageSpec> out = new java.util.TreeMap<>();
    node.entries().forEach((protocol, spec) -> {
      if (!PROTOCOLS.contains(protocol)) {
        spec.unknown("storage protocol", protocol, PROTOCOLS);
      } else {
        out.put(protocol, bind(protocol, spec));
      }
    });
    return Map.copyOf(out);
  }

  static StorageSpec bind(String protocol, ConfigNode node) {
    node.allowKeys("storage." + protocol, KEYS);
    ConfigNode credentialsNode = node.get("credentials");
    credentialsNode.entries().forEach((key, value) -> {
      if (!CREDENTIAL_KEYS.contains(key)) {
        if (!key.endsWith("_env") && CREDENTIAL_KEYS.contains(key + "_env")) {
          value.error("Cannot use a literal credential in " + key + ": credentials are names of "
              + "environment variables, use " + key + "_env (value hidden)");
        } else {
          value.unknown("credential key", key, CREDENTIAL_KEYS);
        }
      }
    });
    Map<String, String> credentials = new java.util.TreeMap<>();
    for (String key : credentialsNode.entries().keySet()) {
      if (CREDENTIAL_KEYS.contains(key) && !PROTOCOL_CREDENTIALS.get(protocol).contains(key)) {
        credentialsNode.get(key).error("Cannot use credential " + key + " for " + protocol + " storage: it has no "
            + "effect there (valid for " + protocol + ": " + String.join(", ",
                new java.util.TreeSet<>(PROTOCOL_CREDENTIALS.get(protocol))) + ")");
      } else if (CREDENTIAL_KEYS.contains(key)) {
        String variable = CredentialKeys.variable(credentialsNode, key, true);
        if (variable != null) {
          credentials.put(key, variable);
        }
      }
    }
    Map<String, String> hadoop = node.get("hadoop").textMap();
    hadoop.keySet().forEach(key -> {
      String lower = key.toLowerCase(Locale.ROOT);
      if (SECRET_HADOOP_KEY_PARTS.stream().anyMatch(lower::contains) && !lower.endsWith(".provider")
          && !lower.endsWith(".type") && !lower.endsWith(".enable")) {
        node.get("hadoop").get(key).error("Cannot use a literal credential in Hadoop key " + key
            + ": put the variable's name under credentials instead (value hidden)");
      }
    });
    String endpoint = node.get("endpoint").text();
    String auth = node.get("auth").oneOf("auth mode", AUTH_MODES);
    if (auth != null && !auth.equals(PROTOCOL_AUTH.get(protocol))) {
      node.get("auth").error("Cannot use auth " + auth + " for " + protocol + " storage: it has no effect there ("
          + (PROTOCOL_AUTH.containsKey(protocol) ? "valid for " + protocol + ": " + PROTOCOL_AUTH.get(protocol)
              : "no auth mode applies to " + protocol) + ")");
    }
    StorageSpec spec = new StorageSpec(protocol, node.get("default_uri").text(), credentials, auth, hadoop,
        endpoint);
    spec.checkTls(node);
    return spec;
  }

  private void checkTls(ConfigNode node) {
    if (isPlainHttp(endpoint) && !isLoopbackUrl(endpoint)) {
      node.get("endpoint").error("Cannot turn TLS off for " + protocol
          + ": an http:// endpoint is allowed only on a loopback address (" + endpoint + ")");
    }
    boolean loopbackEndpoint = endpoint != null ? isLoopbackUrl(endpoint)
        : hadoop.entrySet().stream().anyMatch(e -> e.getKey().endsWith("endpoint") || e.getKey().endsWith("root.url"))
            && hadoop.entrySet().stream()
                .filter(e -> e.getKey().endsWith("endpoint") || e.getKey().endsWith("root.url"))
                .allMatch(e -> isLoopbackUrl(e.getValue()));
    hadoop.forEach((key, value) -> {
      boolean plainHttp = isPlainHttp(value) && !isLoopbackUrl(value);
      if (plainHttp || (disablesTls(key, value) && !loopbackEndpoint)) {
        node.get("hadoop").get(key).error("Cannot turn TLS off for " + protocol
            + ": allowed only for an endpoint on a loopback address (" + key + "=" + value + ")");
      }
    });
  }

  private static boolean disablesTls(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return (key.endsWith("ssl.enabled") || key.equals("fs.azure.always.use.https")) && v.equals("false");
  }

  private static boolean isPlainHttp(String url) {
    return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("http://");
  }

  private static boolean isLoopbackUrl(String url) {
    String withScheme = url.contains("://") ? url.trim() : "https://" + url.trim();
    return Loopback.urlHost(withScheme).map(Loopback::isLoopbackHost).orElse(false);
  }

  public String protocol() {
    return protocol;
  }

  public Optional<String> defaultUri() {
    return Optional.ofNullable(defaultUri);
  }

  /** Credential key (such as {@code secret_key_env}) to the name of its environment variable. */
  public Map<String, String> credentials() {
    return credentials;
  }

  public Optional<String> auth() {
    return Optional.ofNullable(auth);
  }

  public Map<String, String> hadoop() {
    return hadoop;
  }

  public Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }
}
