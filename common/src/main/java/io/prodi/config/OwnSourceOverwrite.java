package io.prodi.config;

import io.prodi.config.LayerConfig;
import io.prodi.source.SourceSpec;
import io.prodi.yaml.ConfigNode;
import java.util.List;
import java.util.Optional;

/**
 * A files sink that overwrites the folder one of the layer's own files sources reads: Spark fails
 * mid-run ("Cannot overwrite a path that is also being read from") after part of the work is done,
 * or, on a file system where the check does not fire, deletes its input first. Delta keeps a
 * snapshot of what it reads, so a Delta overwrite of its own source is allowed.
 */
public final class OwnSourceOverwrite {
  private OwnSourceOverwrite() {}

  /** Reports each overwriting sink of {@code sinkNodes} (aligned with the config's sinks) that reads its own output. */
  public static void check(ConfigNode sinkNodes, LayerConfig config) {
    List<ConfigNode> nodes = sinkNodes.oneOrMany();
    if (nodes.size() != config.sinks().size()) {
      return; // a sink did not bind: its own errors are already reported
    }
    for (int i = 0; i < nodes.size(); i++) {
      Optional<String> replaced = config.sinks().get(i).replacesFilesIn(config.locationStorage(), config.baseDir());
      if (replaced.isEmpty()) {
        continue;
      }
      String written = replaced.get();
      ConfigNode mode = nodes.get(i).get("mode");
      readBy(written, config).ifPresent(read -> mode.error("Cannot overwrite " + written
          + ": a source of this layer reads it, and Spark would delete the input while reading it; write elsewhere,"
          + " use mode append, or format delta (" + read + ")"));
    }
  }

  private static Optional<String> readBy(String written, LayerConfig config) {
    for (SourceSpec source : config.sources()) {
      Optional<String> read = source.filesLocation(config.locationStorage(), config.baseDir());
      if (read.isPresent() && overlaps(folder(read.get()), folder(written))) {
        return read;
      }
    }
    return Optional.empty();
  }

  /** The folder part of a location: up to the first glob character, without a trailing slash. */
  static String folder(String location) {
    int glob = location.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int at = location.indexOf(c);
      if (at >= 0) {
        glob = Math.min(glob, location.lastIndexOf('/', at) + 1);
      }
    }
    String folder = location.substring(0, glob);
    while (folder.endsWith("/") && folder.length() > 1) {
      folder = folder.substring(0, folder.length() - 1);
    }
    return folder.startsWith("file:///") ? folder.substring("file://".length()) : folder;
  }

  private static boolean overlaps(String a, String b) {
    return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
  }
}
