package io.prodi.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/** A test's own reads and writes on a store: uncached Hadoop file systems, closed after each use. */
final class StoreFiles {
  private final Configuration conf;

  StoreFiles(Configuration conf) {
    this.conf = conf;
  }

  /** Copies the class-path resource {@code resource} to {@code uri}. */
  void upload(String resource, String uri) {
    write(uri, resourceText(resource));
  }

  /** Copies every file under the class-path folder {@code folder} to the same names under {@code uri}. */
  void uploadTree(String folder, String uri) {
    uploadTree(folder, uri, (relative, text) -> text);
  }

  /** Uploads every file under a resource folder, each text as {@code adapt} (relative path, text) makes it. */
  void uploadTree(String folder, String uri, java.util.function.BinaryOperator<String> adapt) {
    Path root = resourcePath(folder);
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path file : paths.filter(Files::isRegularFile).collect(Collectors.toList())) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        write(uri + "/" + relative, adapt.apply(relative, Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(String uri, String text) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf);
        OutputStream out = fs.create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + uri, e);
    }
  }

  String read(String uri) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf); InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + uri, e);
    }
  }

  /** The names of the files directly under {@code uri}, sorted; empty when it does not exist. */
  List<String> list(String uri) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf)) {
      if (!fs.exists(path)) {
        return List.of();
      }
      return Stream.of(fs.listStatus(path)).map(s -> s.getPath().getName()).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + uri, e);
    }
  }

  private static String resourceText(String resource) {
    try {
      return Files.readString(resourcePath(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resourcePath(String resource) {
    URL url = StoreFiles.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("No test resource " + resource);
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(resource, e);
    }
  }
}
