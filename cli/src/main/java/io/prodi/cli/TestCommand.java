package io.prodi.cli;

import io.prodi.configtest.ConfigTest;
import io.prodi.configtest.JUnitReport;
import io.prodi.configtest.TestResult;
import io.prodi.run.Console;
import io.prodi.run.LayerRun;
import io.prodi.run.RunRequest;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prodi test PATH...}: runs every {@code *.test.yml} under the paths on one
 * local SparkSession. Exit 0 when all pass, 1 when a test fails, 2 when a test file is invalid.
 */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Run config tests (*.test.yml).")
public final class TestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Test files, or folders searched for *.test.yml.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
  String junit;

  private final CliContext context;

  TestCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (!context.engine().runsConfigTests()) {
      throw new ParameterException(spec.commandLine(), "Cannot run config tests: this build has no Spark runtime");
    }
    Console console = options.console(context);
    List<ConfigTest> tests = new ArrayList<>();
    boolean invalid = false;
    for (String file : find()) {
      try {
        tests.add(ConfigTest.read(context.files(), file));
      } catch (ConfigException e) {
        e.problems().forEach(p -> console.problem(p, p.severity() == ConfigProblem.Severity.ERROR));
        invalid = true;
      }
    }
    List<TestResult> results = new ArrayList<>();
    for (ConfigTest test : tests) {
      RunRequest request = options.request(context, test.config(), Optional.empty());
      TestResult result = context.engine().test(test, request);
      results.add(result);
      console.result((result.passed() ? "PASS " : "FAIL ") + test.name() + " ("
          + String.format(Locale.ROOT, "%.1f s", result.millis() / 1000.0) + ")");
      result.differences().forEach(line -> console.result("    " + line));
    }
    if (junit != null) {
      JUnitReport.write(Paths.get(junit), results);
    }
    long failed = results.stream().filter(r -> !r.passed()).count();
    console.result((results.size() - failed) + " passed, " + failed + " failed");
    if (invalid) {
      return LayerRun.INVALID;
    }
    return failed > 0 ? LayerRun.FAILED : LayerRun.OK;
  }

  private List<String> find() {
    List<String> files = new ArrayList<>();
    for (String path : paths) {
      Path p = Paths.get(path);
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          files.addAll(walk.filter(f -> f.toString().endsWith(".test.yml")).map(Path::toString).sorted()
              .collect(Collectors.toList()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(path);
      } else {
        throw new ParameterException(spec.commandLine(), "Cannot find tests: no such file or folder (" + path + ")");
      }
    }
    if (files.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Cannot find tests: no *.test.yml under "
          + String.join(", ", paths) + " (" + String.join(", ", paths) + ")");
    }
    return files;
  }
}
