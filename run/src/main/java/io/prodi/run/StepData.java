package io.prodi.run;

import io.prodi.config.LayerConfig;
import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one layer config reads and writes, as comparable addresses: file locations normalised
 * ({@code file:} dropped, no trailing slash, a glob cut at its folder), tables and JDBC tables as written.
 * Two addresses overlap when they are equal or one is a folder of the other.
 */
public final class StepData {
  private final List<String> reads;
  private final List<String> writes;

  private StepData(List<String> reads, List<String> writes) {
    this.reads = List.copyOf(reads);
    this.writes = List.copyOf(writes);
  }

  public static StepData of(LayerConfig config) {
    List<String> reads = new ArrayList<>();
    for (SourceSpec source : config.sources()) {
      address(source.location(config.locationStorage(), config.baseDir())).ifPresent(reads::add);
    }
    List<String> writes = new ArrayList<>();
    List<SinkSpec> sinks = new ArrayList<>(config.sinks());
    config.dq().quarantine().ifPresent(sinks::add);
    for (SinkSpec sink : sinks) {
      address(sink.location(config.locationStorage(), config.baseDir())).ifPresent(writes::add);
    }
    return new StepData(reads, writes);
  }

  /** The sources' addresses, in config order. */
  public List<String> reads() {
    return reads;
  }

  /** The sinks' and the quarantine's addresses, in config order. */
  public List<String> writes() {
    return writes;
  }

  /** The first of {@code mine} that overlaps one of {@code theirs}, if any. */
  public static Optional<String> firstOverlap(List<String> mine, List<String> theirs) {
    return mine.stream().filter(a -> theirs.stream().anyMatch(b -> overlap(a, b))).findFirst();
  }

  static boolean overlap(String a, String b) {
    String x = comparable(a);
    String y = comparable(b);
    return x.equals(y) || x.startsWith(y + "/") || y.startsWith(x + "/");
  }

  private static String comparable(String address) {
    return address.startsWith("table ") ? address.toLowerCase(Locale.ROOT) : address;
  }

  /** A location as an address; empty for one that names no data ({@code (no location)}, a noop sink). */
  static Optional<String> address(String location) {
    if (location.startsWith("(")) {
      return Optional.empty();
    }
    if (location.startsWith("table ") || location.startsWith("jdbc:") || location.matches("^[A-Z]+ .*")) {
      return Optional.of(location); // a table, a JDBC table or query, an HTTP request
    }
    String address = location;
    if (address.startsWith("file:")) {
      address = address.substring("file:".length()).replaceFirst("^/+", "/");
    }
    int glob = firstGlob(address);
    if (glob >= 0) {
      address = address.substring(0, Math.max(0, address.lastIndexOf('/', glob)));
    }
    while (address.length() > 1 && address.endsWith("/")) {
      address = address.substring(0, address.length() - 1);
    }
    return Optional.of(address);
  }

  private static int firstGlob(String path) {
    for (int i = 0; i < path.length(); i++) {
      if ("*?[{".indexOf(path.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
