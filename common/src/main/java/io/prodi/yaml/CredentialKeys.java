package io.prodi.yaml;

import io.prodi.yaml.ConfigNode;
import java.util.Set;

/** Reads credential keys: names of environment variables ({@code *_env}), never literal values. */
public final class CredentialKeys {
  /** Keys that would hold a literal secret; each has an {@code _env} twin that names a variable. */
  public static final Set<String> LITERAL_KEYS = Set.of(
      "password", "token", "secret", "client_secret", "api_key", "key", "value", "access_key",
      "secret_key", "account_key", "sas_token", "user", "username", "client_id");

  /**
   * Keys that name where data lives, not who may read it: their values are not masked (an account or
   * project name appears in every location). User names and client ids are masked like secrets.
   */
  private static final Set<String> IDENTITY_KEYS = Set.of("account_name_env", "project_env", "tenant_id_env");

  private CredentialKeys() {}

  /** The variable named by {@code node.get(envKey)}, recorded for checking and masking; null if absent. */
  public static String variable(ConfigNode node, String envKey, boolean required) {
    ConfigNode child = node.get(envKey);
    String variable = required ? child.requiredText("the name of an environment variable") : child.text();
    if (variable != null && !variable.isBlank()) {
      if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        child.error("Cannot use " + envKey + ": expected the name of an environment variable, "
            + "not a value (value hidden)");
        return null;
      }
      node.findings().credential(child.path(), variable, !IDENTITY_KEYS.contains(envKey));
    }
    return variable;
  }

  /** Reports every key of {@code node} that holds a literal secret instead of a variable's name. */
  public static void rejectLiterals(ConfigNode node, Set<String> secretKeys) {
    for (String key : secretKeys) {
      if (node.has(key)) {
        node.get(key).error("Cannot use a literal credential in " + key + ": credentials come from "
            + "environment variables, use " + key + "_env with the variable's name (value hidden)");
      }
    }
  }
}
