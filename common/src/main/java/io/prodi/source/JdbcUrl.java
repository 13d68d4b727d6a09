package io.prodi.source;

import io.prodi.config.ConfigNode;
import io.prodi.storage.Loopback;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a JDBC URL and its options: no literal password, TLS on except for a loopback host. */
public final class JdbcUrl {
  private static final List<String> TLS_OFF = List.of("ssl=false", "sslmode=disable", "usessl=false",
      "encrypt=false");
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
        urlNode.error("Cannot turn TLS off for " + Loopback.jdbcHost(url).orElse(url)
            + ": allowed only for a loopback host (" + off + ")");
      }
    }
    options.forEach((key, value) -> {
      String setting = (key + "=" + value).toLowerCase(Locale.ROOT).replace(" ", "");
      if (TLS_OFF.contains(setting)) {
        optionsNode.get(key).error("Cannot turn TLS off for " + Loopback.jdbcHost(url).orElse(url)
            + ": allowed only for a loopback host (" + setting + ")");
      }
    });
  }
}
