package io.prodi.source;

import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.CredentialKeys;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code auth} of an http source: how requests authenticate, with secrets read from variables. */
public final class HttpAuthSpec {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("bearer_env", "bearer_env"), Map.entry("bearer", "bearer_env"),
      Map.entry("api_key_header", "api_key_header"), Map.entry("api_key", "api_key_header"),
      Map.entry("basic_env", "basic_env"), Map.entry("basic", "basic_env"),
      Map.entry("oauth2_client_credentials", "oauth2_client_credentials"),
      Map.entry("oauth2", "oauth2_client_credentials"), Map.entry("none", "none"));
  public static final Map<String, Set<String>> KEYS = Map.of(
      "bearer_env", Set.of("type", "token_env", "header", "prefix"),
      "api_key_header", Set.of("type", "header", "key_env", "value_env"),
      "basic_env", Set.of("type", "user_env", "username_env", "password_env"),
      "oauth2_client_credentials",
      Set.of("type", "token_url", "client_id_env", "client_secret_env", "scope", "audience", "params"),
      "none", Set.of("type"));

  /** The prefix of the settings that are extra form fields of the OAuth2 token request ({@code params}). */
  static final String PARAM = "param.";

  private final String type;
  private final Map<String, String> settings;

  private HttpAuthSpec(String type, Map<String, String> settings) {
    this.type = type;
    this.settings = Map.copyOf(settings);
  }

  static HttpAuthSpec none() {
    return new HttpAuthSpec("none", Map.of());
  }

  static HttpAuthSpec bind(ConfigNode node) {
    if (node.isMissing()) {
      return none();
    }
    String given = node.get("type").requiredText("the auth type");
    if (given == null) {
      return none();
    }
    String type = TYPES.get(given.toLowerCase(java.util.Locale.ROOT));
    if (type == null) {
      node.get("type").unknown("auth type", given, new TreeSet<>(TYPES.keySet()));
      return none();
    }
    Set<String> literals = Set.of("token", "password", "key", "value", "client_secret", "api_key");
    CredentialKeys.rejectLiterals(node, literals);
    Set<String> allowed = new java.util.HashSet<>(KEYS.get(type));
    literals.stream().filter(node::has).forEach(allowed::add); // reported above, and never listed as valid
    node.allowKeys("auth " + type, allowed);
    java.util.Map<String, String> settings = new java.util.HashMap<>();
    switch (type) {
      case "bearer_env":
        put(settings, "token_env", CredentialKeys.variable(node, "token_env", true));
        put(settings, "header", Optional.ofNullable(node.get("header").text()).orElse("Authorization"));
        put(settings, "prefix", Optional.ofNullable(node.get("prefix").text()).orElse("Bearer"));
        break;
      case "api_key_header":
        put(settings, "header", Optional.ofNullable(node.get("header").text()).orElse("X-API-Key"));
        put(settings, "key_env", CredentialKeys.variable(node, node.has("value_env") ? "value_env" : "key_env", true));
        break;
      case "basic_env":
        put(settings, "user_env", CredentialKeys.variable(node, node.has("username_env") ? "username_env" : "user_env", true));
        put(settings, "password_env", CredentialKeys.variable(node, "password_env", true));
        break;
      case "oauth2_client_credentials":
        put(settings, "token_url", node.get("token_url").requiredText("the token URL"));
        put(settings, "client_id_env", CredentialKeys.variable(node, "client_id_env", true));
        put(settings, "client_secret_env", CredentialKeys.variable(node, "client_secret_env", true));
        put(settings, "scope", node.get("scope").text());
        put(settings, "audience", node.get("audience").text());
        node.get("params").textMap().forEach((key, value) -> {
          if (Set.of("client_id", "client_secret", "password", "grant_type").contains(key)) {
            node.get("params").get(key).error("Cannot send " + key + " in auth.params: prodi sets it, credentials "
                + "come from client_id_env and client_secret_env (value hidden)");
          } else {
            put(settings, PARAM + key, value);
          }
        });
        break;
      default:
        break;
    }
    return new HttpAuthSpec(type, settings);
  }

  private static void put(Map<String, String> settings, String key, String value) {
    if (value != null) {
      settings.put(key, value);
    }
  }

  /** The canonical type: {@code bearer_env}, {@code api_key_header}, {@code basic_env}, ... */
  public String type() {
    return type;
  }

  /** The extra form fields of the OAuth2 token request. */
  public Map<String, String> tokenParams() {
    Map<String, String> out = new java.util.TreeMap<>();
    settings.forEach((key, value) -> {
      if (key.startsWith(PARAM)) {
        out.put(key.substring(PARAM.length()), value);
      }
    });
    return out;
  }

  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }
}
