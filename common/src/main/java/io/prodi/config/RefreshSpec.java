package io.prodi.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.prodi.yaml.ConfigNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code refresh} of a layer: the sink holds what its SQL gives over the sources' current versions, and the policy
 * chooses how it gets there. {@code refresh: auto} (or {@code {policy: auto, keys: [id]}}: the output's unique
 * key, for a query without GROUP BY). The fingerprint is of what decides the output (io, transform, dq, keys):
 * a change to any of them makes the next refresh a full one.
 */
public final class RefreshSpec {
  public static final Set<String> KEYS = Set.of("policy", "keys");
  /** The parts of a layer config whose change changes what the sink must hold. */
  private static final List<String> FINGERPRINTED = List.of("io", "transform", "dq");

  /** How a refresh may get the sink to its result. */
  public enum Policy {
    /** Incrementally where the query, the state and the sources allow, else in full (the run says why). */
    AUTO,
    /** Incrementally, or not at all: what cannot be is an error that says how to recover. */
    INCREMENTAL,
    /** The whole SQL, every run. */
    FULL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static List<String> ids() {
      return Arrays.stream(values()).map(Policy::id).collect(Collectors.toList());
    }
  }

  private final Policy policy;
  private final List<String> keys;
  private final String fingerprint;

  private RefreshSpec(Policy policy, List<String> keys, String fingerprint) {
    this.policy = policy;
    this.keys = List.copyOf(keys);
    this.fingerprint = fingerprint;
  }

  static Optional<RefreshSpec> bind(ConfigNode node, ConfigNode root) {
    if (node.isMissing()) {
      return Optional.empty();
    }
    ConfigNode policyNode = node.isScalar() ? node : node.get("policy");
    if (!node.isScalar()) {
      node.allowKeys("refresh", KEYS);
    }
    String given = node.isScalar() ? node.text() : policyNode.requiredText("the refresh policy ("
        + String.join(", ", Policy.ids()) + ")");
    if (given == null) {
      return Optional.empty();
    }
    Optional<Policy> policy = Arrays.stream(Policy.values()).filter(p -> p.id().equals(given)).findFirst();
    if (policy.isEmpty()) {
      policyNode.unknown("refresh policy", given, Policy.ids());
      return Optional.empty();
    }
    List<String> keys = node.isScalar() ? List.of() : node.get("keys").textList();
    return Optional.of(new RefreshSpec(policy.get(), keys, fingerprint(root, keys)));
  }

  private static String fingerprint(ConfigNode root, List<String> keys) {
    ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    com.fasterxml.jackson.databind.node.ObjectNode decisive = json.createObjectNode();
    for (String part : FINGERPRINTED) {
      JsonNode value = root.get(part).raw();
      if (value != null && !value.isMissingNode()) {
        decisive.set(part, value);
      }
    }
    decisive.set("keys", json.valueToTree(keys));
    try {
      byte[] canonical = json.writeValueAsBytes(json.treeToValue(decisive, Object.class));
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (java.io.IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the refresh config: " + e.getMessage(), e);
    }
  }

  public Policy policy() {
    return policy;
  }

  /** The output's unique key for a query without GROUP BY (a GROUP BY's key is its groups). */
  public List<String> keys() {
    return keys;
  }

  /** A hash of what decides the sink's rows: io, transform, dq and the keys (never the policy itself). */
  public String fingerprint() {
    return fingerprint;
  }

  /** Whether a run may refresh incrementally at all. */
  public boolean mayBeIncremental() {
    return policy != Policy.FULL;
  }

  public String describe() {
    return policy.id() + (keys.isEmpty() ? "" : " on " + String.join(", ", keys));
  }
}
