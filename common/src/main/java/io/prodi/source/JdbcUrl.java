package io.prodi.source;

import io.prodi.storage.Loopback;
import io.prodi.yaml.ConfigNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a JDBC URL and its options: no literal password, TLS on except for a loopback host. */
public final class JdbcUrl {
  /** Settings that turn TLS off, or let the driver fall back to plaintext when the server offers no TLS. */
  private static final List<String> TLS_OFF = List.of("ssl=false", "sslmode=disable", "sslmode=allow",
      "sslmode=prefer", "usessl=false", "encrypt=false");
  /** Options that prodi sets itself from the spec's own keys: given in options they would be overridden. */
  private static final Map<String, String> OWN_OPTIONS = Map.of("url", "url", "driver", "driver", "dbtable", "table",
      "query", "query", "user", "auth.user_env");
  private static final Pattern PASSWORD = Pattern.compile("(?i)[?&;:](password|pwd)=");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@:]+:[^/@]+@");

  private JdbcUrl() {}

  /** Reports problems of {@code url} (at {@code urlNode}) and of {@code options} (at {@code optionsNode}). */
  public static void check(ConfigNode urlNode, String url, ConfigNode optionsNode, Map<String, String> options) {
    if (url == null) {
      return;
    }
    if (!url.startsWith("jdbc:")) {
      urlNode.error("Cannot connect to " + url + ": expected a JDBC URL starting with jdbc: (" + url + ")");
      return;
    }
    if (PASSWORD.matcher(url).find() || USER_INFO.matcher(url).find()) {
      urlNode.error("Cannot use a literal password in the JDBC URL: use auth.password_env (value hidden)");
    }
    options.keySet().stream().filter(k -> OWN_OPTIONS.containsKey(k.toLowerCase(Locale.ROOT))).forEach(k ->
        optionsNode.get(k).error("Cannot set " + k + " in options: prodi sets it from the "
            + OWN_OPTIONS.get(k.toLowerCase(Locale.ROOT)) + " key, use that (" + k + ")"));
    if (options.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("password"))) {
      optionsNode.get("password").error(
          "Cannot use a literal password in options: use auth.password_env (value hidden)");
    }
    boolean loopback = Loopback.jdbcHost(url).map(Loopback::isLoopbackHost).orElse(false);
    if (loopback) {
      return;
    }
    String lowerUrl = url.toLowerCase(Locale.ROOT).replace(" ", "");
    for (String off : TLS_OFF) {
      if (lowerUrl.contains(off)) {
        urlNode.error(tlsOff(url, off));
      }
    }
    options.forEach((key, value) -> {
      String setting = (key + "=" + value).toLowerCase(Locale.ROOT).replace(" ", "");
      if (TLS_OFF.contains(setting)) {
        optionsNode.get(key).error(tlsOff(url, setting));
      }
    });
  }

  private static String tlsOff(String url, String setting) {
    String host = Loopback.jdbcHost(url).orElse(url);
    if (setting.endsWith("=allow") || setting.endsWith("=prefer")) {
      return "Cannot let the connection to " + host + " fall back to plaintext: the driver drops TLS when the "
          + "server offers none; use sslmode=require or verify-full (" + setting + ")";
    }
    return "Cannot turn TLS off for " + host + ": allowed only for a loopback host (" + setting + ")";
  }
}
