package io.prodi.yaml;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Local config files (no scheme, or {@code file:}) read with {@code java.nio}: the same bytes Hadoop's local
 * file system gives, without Hadoop's start-up (about 1.4 s in a fresh JVM). {@link ConfigFiles} uses it.
 */
final class LocalFiles {
  private LocalFiles() {}

  /** The local file a URI names (no scheme, or {@code file:}), read without Hadoop; empty for other schemes. */
  static Optional<Path> of(String uri) {
    try {
      URI parsed = new URI(uri.replace(" ", "%20"));
      if (parsed.getScheme() == null) {
        return Optional.of(Paths.get(uri));
      }
      if (parsed.getScheme().equals("file") && parsed.getPath() != null) {
        return Optional.of(Paths.get(parsed.getPath()));
      }
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  static String read(String uri, Path file, long largest) {
    try {
      if (Files.isDirectory(file)) {
        throw ConfigException.of(uri, "$", "Cannot read config: it is a folder (" + uri + ")");
      }
      long length = Files.size(file);
      if (length > largest) {
        throw ConfigException.of(uri, "$", "Cannot read config: larger than 4 MiB (" + length + " bytes)");
      }
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfigException.of(uri, "$", "Cannot read config: file not found (" + uri + ")");
    } catch (IOException e) {
      throw ConfigException.of(uri, "$", "Cannot read config: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n", 2)[0]) + " (" + uri + ")");
    }
  }

  static List<String> yamlFilesUnder(String uri, Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    String prefix = uri.replaceAll("/+$", "");
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(f -> folder.relativize(f).toString().replace(File.separatorChar, '/'))
          .filter(name -> name.endsWith(".yml") || name.endsWith(".yaml"))
          .map(name -> prefix + "/" + name).sorted().collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      throw ConfigException.of(uri, "$", "Cannot list configs: " + e.getMessage() + " (" + uri + ")");
    }
  }
}
