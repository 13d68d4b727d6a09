package io.prodi.storage;

import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.ConfigNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a files source or sink is, given by the keys of, and the order in which
 * they are tried: uri; path; local_fallback when use_local_fallback; uris[preferred_protocol];
 * storage default_uri + relative_path; the first of uris in the order file, local, s3, abfss, gs;
 * local_fallback.
 */
public final class LocationSpec {
  public static final Set<String> KEYS = Set.of(
      "uri", "path", "local_fallback", "use_local_fallback", "uris", "preferred_protocol", "relative_path");
  private static final List<String> URIS_ORDER = List.of("file", "local", "s3", "abfss", "gs");
  private static final Set<String> URIS_PROTOCOLS = Set.of("file", "local", "s3", "abfss", "gs");

  private final String uri;
  private final String path;
  private final String localFallback;
  private final boolean useLocalFallback;
  private final Map<String, String> uris;
  private final String preferredProtocol;
  private final String relativePath;

  private LocationSpec(String uri, String path, String localFallback, boolean useLocalFallback,
      Map<String, String> uris, String preferredProtocol, String relativePath) {
    this.uri = uri;
    this.path = path;
    this.localFallback = localFallback;
    this.useLocalFallback = useLocalFallback;
    this.uris = Map.copyOf(uris);
    this.preferredProtocol = preferredProtocol;
    this.relativePath = relativePath;
  }

  /** Reads the location keys of a source or sink mapping (its other keys are not looked at). */
  public static LocationSpec bind(ConfigNode node) {
    ConfigNode urisNode = node.get("uris");
    urisNode.entries().forEach((protocol, value) -> {
      if (!URIS_PROTOCOLS.contains(protocol)) {
        value.unknown("protocol", protocol, URIS_PROTOCOLS);
      }
    });
    return new LocationSpec(node.get("uri").text(), node.get("path").text(),
        node.get("local_fallback").text(), node.get("use_local_fallback").bool(false),
        urisNode.textMap(), node.get("preferred_protocol").oneOf("protocol", URIS_PROTOCOLS),
        node.get("relative_path").text());
  }

  public boolean isEmpty() {
    return uri == null && path == null && localFallback == null && uris.isEmpty() && relativePath == null;
  }

  /**
   * The location, in the contract's order, with a relative local path resolved against
   * {@code baseDir}; empty when no key gives one.
   */
  public Optional<String> resolve(Map<String, StorageSpec> storage, String baseDir) {
    return firstCandidate(storage).map(found -> ConfigFiles.resolveAgainst(baseDir, found));
  }

  private Optional<String> firstCandidate(Map<String, StorageSpec> storage) {
    if (uri != null) {
      return Optional.of(uri);
    }
    if (path != null) {
      return Optional.of(path);
    }
    if (useLocalFallback && localFallback != null) {
      return Optional.of(localFallback);
    }
    if (preferredProtocol != null && uris.containsKey(preferredProtocol)) {
      return Optional.of(uris.get(preferredProtocol));
    }
    Optional<String> fromDefault = fromDefaultUri(storage);
    if (fromDefault.isPresent()) {
      return fromDefault;
    }
    for (String protocol : URIS_ORDER) {
      if (uris.containsKey(protocol)) {
        return Optional.of(uris.get(protocol));
      }
    }
    return Optional.ofNullable(localFallback);
  }

  private Optional<String> fromDefaultUri(Map<String, StorageSpec> storage) {
    if (relativePath == null) {
      return Optional.empty();
    }
    List<String> protocols = preferredProtocol != null
        ? List.of(preferredProtocol.equals("local") ? "file" : preferredProtocol)
        : storage.keySet().stream().sorted().collect(java.util.stream.Collectors.toList());
    for (String protocol : protocols) {
      StorageSpec spec = storage.get(protocol);
      if (spec != null && spec.defaultUri().isPresent()) {
        return Optional.of(join(spec.defaultUri().get(), relativePath));
      }
    }
    return Optional.empty();
  }

  static String join(String base, String relative) {
    String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String right = relative.startsWith("/") ? relative.substring(1) : relative;
    return left + "/" + right;
  }
}
