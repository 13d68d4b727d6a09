package io.prodi.storage;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether an endpoint is on a loopback address: the only place where TLS may be off (local emulators). */
public final class Loopback {
  private static final Pattern JDBC_HOST = Pattern.compile("//(\\[[^\\]]+\\]|[^/:;?@]+)");

  /** 127.0.0.0/8 written as an address: four numbers, not a name such as 127.corp.example.com. */
  private static final Pattern IPV4_LOOPBACK = Pattern.compile(
      "127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

  private Loopback() {}

  public static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  /** The host of an http(s) URL, if it has one. */
  public static Optional<String> urlHost(String url) {
    try {
      return Optional.ofNullable(URI.create(url.trim()).getHost());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The host of a JDBC URL such as {@code jdbc:postgresql://host:5432/db}. */
  public static Optional<String> jdbcHost(String jdbcUrl) {
    Matcher m = JDBC_HOST.matcher(jdbcUrl);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
