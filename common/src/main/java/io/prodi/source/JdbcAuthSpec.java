package io.prodi.source;

import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.CredentialKeys;
import java.util.Optional;
import java.util.Set;

/** {@code auth} of a jdbc source or sink: {@code basic_env}, {@code managed_identity} or {@code none}. */
public final class JdbcAuthSpec {
  public static final Set<String> KEYS = Set.of("mode", "user_env", "password_env", "user", "password");
  private static final Set<String> MODES = Set.of("basic_env", "managed_identity", "none");

  /** The URL prefix of the one driver with a managed-identity login of its own. */
  public static final String SQL_SERVER = "jdbc:sqlserver:";

  private final String mode;
  private final String userEnv;
  private final String passwordEnv;

  private JdbcAuthSpec(String mode, String userEnv, String passwordEnv) {
    this.mode = mode;
    this.userEnv = userEnv;
    this.passwordEnv = passwordEnv;
  }

  /**
   * @param url the connection's JDBC URL: managed identity is a login only SQL Server's driver does by
   *     itself ({@code authentication=ActiveDirectoryManagedIdentity}); for any other driver a real run
   *     is refused before any query, and validate and dry runs warn
   */
  public static JdbcAuthSpec bind(ConfigNode node, String url) {
    if (node.isMissing()) {
      return new JdbcAuthSpec("none", null, null);
    }
    node.allowKeys("jdbc auth", KEYS);
    CredentialKeys.rejectLiterals(node, Set.of("password"));
    if (node.has("user")) {
      node.get("user").error("Cannot use a literal user in jdbc auth: use user_env with the variable's name "
          + "(value hidden)");
    }
    String mode = Optional.ofNullable(node.get("mode").oneOf("jdbc auth mode", MODES)).orElse("basic_env");
    if (mode.equals("basic_env")) {
      return new JdbcAuthSpec(mode, CredentialKeys.variable(node, "user_env", true),
          CredentialKeys.variable(node, "password_env", true));
    }
    if (mode.equals("managed_identity") && url != null && !url.startsWith(SQL_SERVER)) {
      // a real run refuses it before any query; validate and dry runs warn (the Python version's configs use it)
      node.findings().runError(node.get("mode").path(), "Cannot log in with managed_identity to " + url.replaceAll("^jdbc:([^:]+):.*", "$1")
          + ": only SQL Server's driver (" + SQL_SERVER + ") logs in with a managed identity by itself; use "
          + "basic_env (managed_identity)");
    }
    return new JdbcAuthSpec(mode, null, null);
  }

  public String mode() {
    return mode;
  }

  public Optional<String> userEnv() {
    return Optional.ofNullable(userEnv);
  }

  public Optional<String> passwordEnv() {
    return Optional.ofNullable(passwordEnv);
  }
}
