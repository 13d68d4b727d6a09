package io.prodi.source;

import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.CredentialKeys;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code auth}: none, SASL PLAIN or SCRAM with credentials from environment variables, or {@code google} (the
 * machine's service account, for Managed Service for Apache Kafka).
 */
public final class KafkaAuthSpec {
  public static final Set<String> KEYS = Set.of("type", "username_env", "password_env", "tls");
  /** How the connection authenticates; each names its SASL mechanism. */
  public enum Type {
    NONE(null), PLAIN("PLAIN"), SCRAM_SHA_256("SCRAM-SHA-256"), SCRAM_SHA_512("SCRAM-SHA-512"),
    /** Google's Managed Service for Apache Kafka, as the machine's own service account (OAuth over TLS). */
    GOOGLE("OAUTHBEARER");

    private final String mechanism;

    Type(String mechanism) {
      this.mechanism = mechanism;
    }

    public Optional<String> saslMechanism() {
      return Optional.ofNullable(mechanism);
    }
  }

  private final Type type;
  private final String usernameEnv;
  private final String passwordEnv;
  private final boolean tls;

  private KafkaAuthSpec(Type type, String usernameEnv, String passwordEnv, boolean tls) {
    this.type = type;
    this.usernameEnv = usernameEnv;
    this.passwordEnv = passwordEnv;
    this.tls = tls;
  }

  static KafkaAuthSpec bind(ConfigNode node) {
    if (node.isMissing()) {
      return new KafkaAuthSpec(Type.NONE, null, null, false);
    }
    CredentialKeys.rejectLiterals(node, Set.of("username", "password"));
    Set<String> allowed = new java.util.HashSet<>(KEYS);
    Set.of("username", "password").stream().filter(node::has).forEach(allowed::add);
    node.allowKeys("auth", allowed);
    String given = node.get("type").oneOf("auth type", new java.util.TreeSet<>(Set.of("none", "plain",
        "scram_sha_256", "scram_sha_512", "google")));
    Type type = given == null ? Type.NONE : Type.valueOf(given.toUpperCase(Locale.ROOT));
    if (given == null && !node.has("type")) {
      node.get("type").missing("the auth type (none, plain, scram_sha_256, scram_sha_512, google)");
    }
    if (type == Type.GOOGLE) {
      for (String key : new String[] {"username_env", "password_env"}) {
        if (node.has(key)) {
          node.get(key).error("Cannot use " + key + " with auth type google: it authenticates as the machine's service "
              + "account (for a service-account key, use type plain) (" + key + ")");
        }
      }
      if (node.has("tls") && !node.get("tls").bool(true)) {
        node.get("tls").error("Cannot turn TLS off for auth type google: Google's Kafka accepts TLS only (false)");
      }
      return new KafkaAuthSpec(Type.GOOGLE, null, null, true);
    }
    boolean sasl = type != Type.NONE;
    return new KafkaAuthSpec(type, sasl ? CredentialKeys.variable(node, "username_env", true) : null,
        sasl ? CredentialKeys.variable(node, "password_env", true) : null, node.get("tls").bool(sasl));
  }

  public Type type() {
    return type;
  }

  public Optional<String> usernameEnv() {
    return Optional.ofNullable(usernameEnv);
  }

  public Optional<String> passwordEnv() {
    return Optional.ofNullable(passwordEnv);
  }

  /** Whether the connection is TLS ({@code SASL_SSL}, the default with SASL) or plain text. */
  public boolean tls() {
    return tls;
  }
}
