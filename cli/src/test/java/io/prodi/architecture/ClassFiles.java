package io.prodi.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compiled classes of one module, read as bytes: the class names each one's constant pool holds
 * (class references and type descriptors alike), which is what it needs on its class path.
 */
final class ClassFiles {
  private static final Pattern CLASS_NAME = Pattern.compile("[a-z][a-z0-9_]*(?:/[a-z][a-z0-9_]*)+/[A-Z][\\w$]*");

  private final Path root;
  private final Map<String, Set<String>> references;

  private ClassFiles(Path root, Map<String, Set<String>> references) {
    this.root = root;
    this.references = references;
  }

  /** The classes of the module (its classes folder or its jar) that {@code member} was loaded from. */
  static ClassFiles ofModuleOf(Class<?> member) {
    try {
      Path location = Paths.get(member.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        return read(location, location);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location, (ClassLoader) null)) {
        return read(location, jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ClassFiles read(Path location, Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      Map<String, Set<String>> references = files.filter(f -> f.toString().endsWith(".class"))
          .collect(Collectors.toMap(f -> root.relativize(f).toString().replace(".class", ""), ClassFiles::namesIn,
              (a, b) -> a, TreeMap::new));
      return new ClassFiles(location, references);
    }
  }

  Path root() {
    return root;
  }

  /** Class name (a/b/C) to the class names it refers to. */
  Map<String, Set<String>> references() {
    return references;
  }

  /** "a/b/C -> x/y/Z" for each reference of a class here to a name starting with one of the prefixes. */
  Set<String> referencesTo(Set<String> prefixes) {
    Set<String> found = new TreeSet<>();
    references.forEach((from, names) -> names.stream().filter(n -> prefixes.stream().anyMatch(n::startsWith))
        .forEach(n -> found.add(from + " -> " + n)));
    return found;
  }

  static String packageOf(String className) {
    return className.substring(0, className.lastIndexOf('/')).replace('/', '.');
  }

  private static Set<String> namesIn(Path classFile) {
    try {
      String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      Set<String> names = new TreeSet<>();
      Matcher name = CLASS_NAME.matcher(constants);
      while (name.find()) {
        names.add(name.group().replaceAll("\\$.*", ""));
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
