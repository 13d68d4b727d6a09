package io.prodi.env;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks secrets in everything prodi prints: the values read from credential variables, passwords
 * in URLs ({@code scheme://user:secret@host}) and secret-looking query or JDBC parameters.
 */
public final class SecretMasker {
  public static final String MASK = "****";
  /**
   * Values at least this long are masked wherever they occur; shorter ones wherever they stand alone
   * (not inside a longer word or number), since masking "ab" inside "table" would both wreck every
   * line and point at the secret.
   */
  private static final int SHORTEST_MASKED_ANYWHERE = 8;
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s\"']+:)([^@\\s\"']+)(@)");
  private static final Pattern SECRET_PARAMETER = Pattern.compile(
      "(?i)([?&;]\\s*(?:password|pwd|secret|token|access_token|api_key|apikey|key|sig|client_secret)=)"
          + "([^&;\\s\"']+)");

  private final List<String> secretValues;
  private final List<Pattern> shortSecrets;

  private SecretMasker(Collection<String> secretValues) {
    this.secretValues = secretValues.stream()
        .filter(v -> v != null && !v.isEmpty())
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .collect(Collectors.toUnmodifiableList());
    this.shortSecrets = this.secretValues.stream().filter(v -> v.length() < SHORTEST_MASKED_ANYWHERE)
        .map(v -> Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(v) + "(?![A-Za-z0-9_])"))
        .collect(Collectors.toUnmodifiableList());
  }

  public static SecretMasker of(Collection<String> secretValues) {
    return new SecretMasker(secretValues);
  }

  public static SecretMasker none() {
    return new SecretMasker(List.of());
  }

  public SecretMasker with(Collection<String> moreValues) {
    List<String> all = new java.util.ArrayList<>(secretValues);
    all.addAll(moreValues);
    return new SecretMasker(all);
  }

  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secretValues) {
      if (secret.length() >= SHORTEST_MASKED_ANYWHERE) {
        out = out.replace(secret, MASK);
      }
    }
    for (Pattern secret : shortSecrets) {
      out = secret.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
    }
    out = URL_PASSWORD.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
    return SECRET_PARAMETER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
  }
}
