package io.prodi.yaml;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/** Finds the valid name closest to a misspelt one, for "did you mean" hints. */
public final class ClosestName {
  private ClosestName() {}

  /** The closest of {@code candidates} to {@code name}, if one is close enough to be a typo. */
  public static Optional<String> of(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (String candidate : new TreeSet<>(candidates)) {
      int distance = distance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, name.length() / 3);
    if (bestDistance <= allowed) {
      return Optional.ofNullable(best);
    }
    return prefixOf(lower, candidates);
  }

  /** The one candidate that {@code name} begins, or that begins {@code name} (3 letters or more: {@code sequence}). */
  private static Optional<String> prefixOf(String lower, Collection<String> candidates) {
    if (lower.length() < 3) {
      return Optional.empty();
    }
    java.util.List<String> matches = new java.util.ArrayList<>();
    for (String candidate : new TreeSet<>(candidates)) {
      String other = candidate.toLowerCase(java.util.Locale.ROOT);
      if (other.length() >= 3 && (other.startsWith(lower) || lower.startsWith(other))) {
        matches.add(candidate);
      }
    }
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /** ", did you mean 'x'?" when there is a close name, else empty; to go after "unknown key". */
  public static String hint(String name, Collection<String> candidates) {
    return of(name, candidates).map(c -> ", did you mean '" + c + "'?").orElse("");
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
