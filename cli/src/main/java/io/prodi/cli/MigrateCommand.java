package io.prodi.cli;

import io.prodi.compat.migrate.Migration;
import io.prodi.yaml.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migrate PATH... [--write]}: rewrites the Python version's configs into the canonical form
 *, printing a unified diff per file and what needs a person; files change only with
 * {@code --write}.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Rewrite configs written for the Python prodi into the canonical form: prints a unified diff per "
        + "file and what needs a human; changes files only with --write. Folders are searched for *.yml and *.yaml.")
public final class MigrateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Config files or folders (any Hadoop URI).")
  List<String> paths;

  @Option(names = "--write", description = "Write the rewritten files in place.")
  boolean write;

  private final CliContext context;

  MigrateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    List<String> files = new ArrayList<>();
    for (String path : paths) {
      files.addAll(yamlFiles(path));
    }
    int changed = 0;
    int unreadable = 0;
    List<String> forHuman = new ArrayList<>();
    for (String file : files) {
      Migration migration;
      try {
        migration = Migration.of(file, context.files().read(file));
      } catch (ConfigException e) {
        e.problems().forEach(p -> context.err().println("prodi: error: " + p.line()));
        unreadable++;
        continue;
      }
      unreadable += migration.kind().equals("unreadable") ? 1 : 0;
      context.out().print(migration.diff());
      migration.notes().forEach(line -> context.err().println("prodi: note: " + line));
      forHuman.addAll(migration.forHuman());
      if (migration.changed()) {
        changed++;
        if (write) {
          writeFile(file, migration.text());
        }
      }
    }
    context.out().println("migrate: " + files.size() + " file(s) read, " + changed + " "
        + (write ? "rewritten" : "would change (run with --write to rewrite them)") + ", " + forHuman.size()
        + " item(s) need a human");
    forHuman.forEach(line -> context.out().println("  needs a human: " + line));
    return unreadable > 0 ? 2 : 0;
  }

  private List<String> yamlFiles(String uri) {
    if (!context.files().exists(uri) && !context.files().isFolder(uri)) {
      throw ConfigException.of(uri, "$", "Cannot migrate: file not found (" + uri + ")");
    }
    List<String> under = context.files().yamlFilesUnder(uri);
    return under.isEmpty() && context.files().exists(uri) ? List.of(uri) : under;
  }

  private void writeFile(String uri, String text) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(context.files().hadoopConf());
    if (fs instanceof org.apache.hadoop.fs.ChecksumFileSystem) {
      fs = ((org.apache.hadoop.fs.ChecksumFileSystem) fs).getRawFileSystem(); // no .crc beside a user's file
    }
    try (OutputStream out = fs.create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
