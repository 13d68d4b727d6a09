package io.prodi.engine.configtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.LayerConfig;
import io.prodi.config.load.LoadedLayer;
import io.prodi.configtest.ConfigTest;
import io.prodi.configtest.ExpectedRows;
import io.prodi.configtest.RowDiff;
import io.prodi.configtest.TestResult;
import io.prodi.run.Console;
import io.prodi.run.LayerRun;
import io.prodi.run.RunContext;
import io.prodi.run.RunFailure;
import io.prodi.run.RunRequest;
import io.prodi.run.RunSummary;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.YamlTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one config test: the layer config with its sources replaced by fixtures (global temp views)
 * and its sinks, quarantine, report and state redirected to a temporary folder that is always
 * removed; then compares what the first sink received, the quarantine and the expectation results.
 */
public final class ConfigTestRunner {
  private final java.util.function.Function<List<io.prodi.config.LayerConfig>, SparkSession> sessions;
  private final io.prodi.run.LayerEngine engine;
  private final FixtureRedirect redirect = new FixtureRedirect();

  /** A runner on the engine's session ({@code sessions}) that runs each redirected config with {@code engine}. */
  public ConfigTestRunner(java.util.function.Function<List<io.prodi.config.LayerConfig>, SparkSession> sessions,
      io.prodi.run.LayerEngine engine) {
    this.sessions = sessions;
    this.engine = engine;
  }

  public TestResult run(ConfigTest test, RunRequest request) {
    long start = System.nanoTime();
    Path tmp = createTemp();
    List<String> views = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    try {
      Map<String, String> vars = new HashMap<>(request.vars());
      vars.putAll(test.vars());
      RunRequest step = request.forStep(test.config(), Optional.empty(), vars);
      LoadedLayer loaded = LayerRun.load(step, "test");
      SparkSession spark = sessions.apply(List.of(loaded.config()));
      LayerConfig redirected = redirect.apply(loaded.config(), test, spark, tmp, views);
      String error = runLayer(loaded.withConfig(redirected), step, tmp);
      differences.addAll(check(test, error, spark, tmp, redirected));
    } catch (ConfigException e) {
      String message = e.getMessage();
      if (test.failsWith().map(message::contains).orElse(false)) {
        return new TestResult(test, List.of(), elapsed(start));
      }
      differences.add("the config is invalid:");
      e.problems().forEach(p -> differences.add("    " + p.line()));
    } catch (RunFailure e) {
      differences.add(e.getMessage());
    } catch (IOException e) {
      differences.add("Cannot read the test's results: " + e.getMessage());
    } finally {
      views.forEach(v -> sessions.apply(List.of()).catalog().dropGlobalTempView(v));
      delete(tmp);
    }
    return new TestResult(test, differences, elapsed(start));
  }

  /** The run's error message, or null when it succeeded. */
  private String runLayer(LoadedLayer loaded, RunRequest request, Path tmp) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(captured, true, StandardCharsets.UTF_8);
    Console console = new Console(quiet, quiet, false);
    RunSummary summary = new RunSummary(loaded.config().layer().id(), "test", loaded.config().uri(), request.start());
    summary.describe(loaded.config());
    try {
      engine.run(new RunContext(loaded, request.env(), "test", console, summary));
      writeSummary(tmp, summary);
      return null;
    } catch (RunFailure | ConfigException e) {
      writeSummary(tmp, summary);
      return e.getMessage();
    } catch (RuntimeException e) {
      return "Cannot run " + loaded.config().layer().id() + ": " + RunFailure.firstLine(e);
    }
  }

  private static void writeSummary(Path tmp, RunSummary summary) {
    try {
      Files.writeString(tmp.resolve("summary.json"), summary.body().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> check(ConfigTest test, String error, SparkSession spark, Path tmp, LayerConfig config)
      throws IOException {
    List<String> diff = new ArrayList<>();
    if (test.failsWith().isPresent()) {
      if (error == null) {
        diff.add("expected the run to fail with \"" + test.failsWith().get() + "\", but it succeeded");
      } else if (!error.contains(test.failsWith().get())) {
        diff.add("expected the run to fail with \"" + test.failsWith().get() + "\", but it failed with: " + error);
      }
      return diff;
    }
    if (error != null) {
      diff.add("the run failed: " + error);
      return diff;
    }
    if (test.output().isPresent()) {
      diff.addAll(compareFiles("output", test.output().get(), spark, tmp.resolve("sink_0")));
    }
    if (test.quarantine().isPresent()) {
      diff.addAll(compareFiles("quarantine", test.quarantine().get(), spark, tmp.resolve("quarantine")));
    }
    JsonNode summary = YamlTree.mapper().readTree(Files.readString(tmp.resolve("summary.json")));
    test.expectations().forEach((name, expected) -> diff.addAll(expectation(name, expected, summary)));
    test.watermarks().forEach((name, expected) -> diff.addAll(watermark(name, expected, summary)));
    return diff;
  }

  private static List<String> watermark(String name, String expected, JsonNode summary) {
    for (JsonNode mark : summary.path("watermarks")) {
      String stateId = mark.path("state_id").asText();
      if (stateId.equals(name) || stateId.endsWith("::" + name)) {
        String after = mark.path("after").asText(null);
        return expected.equals(after) ? List.of()
            : List.of("watermark " + name + ": expected " + expected + ", would commit " + after);
      }
    }
    return List.of("watermark " + name + ": the config has no incremental source of that name or state id");
  }

  private static List<String> compareFiles(String what, ExpectedRows expected, SparkSession spark, Path path) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    if (Files.exists(path)) {
      Dataset<Row> data = Files.isDirectory(path.resolve("_delta_log")) ? spark.read().format("delta").load(path.toString())
          : spark.read().parquet(path.toString());
      columns.addAll(List.of(data.columns()));
      for (Row row : data.collectAsList()) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          values.put(columns.get(i), row.get(i));
        }
        rows.add(values);
      }
    }
    return expected.differences(what, rows, columns);
  }

  private static List<String> expectation(String name, JsonNode expected, JsonNode summary) {
    JsonNode actual = null;
    for (JsonNode result : summary.path("expectations")) {
      if (result.path("name").asText().equals(name)) {
        actual = result;
      }
    }
    if (actual == null) {
      return List.of("expectation " + name + ": the config has no expectation of that name");
    }
    List<String> diff = new ArrayList<>();
    JsonNode found = actual;
    expected.fieldNames().forEachRemaining(field -> {
      if (!RowDiff.same(expected.get(field), value(found.get(field)))) {
        diff.add("expectation " + name + ": " + field + " expected " + expected.get(field).asText() + ", actual "
            + (found.get(field) == null ? "null" : found.get(field).asText()));
      }
    });
    return diff;
  }

  private static Object value(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isNumber() ? (Object) node.decimalValue() : node.asText();
  }

  private static Path createTemp() {
    try {
      return Files.createTempDirectory("prodi-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
