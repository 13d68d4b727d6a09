package io.prodi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A temporary folder of config files written by a test, and a snapshot of everything in it. */
public final class ConfigFolder {
  private final Path root;

  public ConfigFolder(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Writes {@code text} (YAML) to {@code name} under the folder and returns its path as a string. */
  public String write(String name, String text) {
    Path file = root.resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toString();
  }

  /** Every file and folder under the root with its size and modification time. */
  public Map<String, String> snapshot() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths.forEach(p -> {
        try {
          out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
              : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Copies a folder tree (the project's cfg/ or samples/) into a test's folder, as it is. */
  public static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
