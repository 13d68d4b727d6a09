package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.engine.source.SourceReaders;
import io.prodi.engine.spi.StepContext;
import io.prodi.engine.transform.PreStepFunctions;
import io.prodi.run.RunFailure;
import io.prodi.source.SourceSpec;
import io.prodi.transform.PreStep;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code plan --analyze}: resolves every source's schema (metadata only), then the pre steps, SQL
 * and functions against it, and the sinks' partition and merge columns against the output. Reads
 * no rows and writes nothing; each problem becomes a config error at its YAML path.
 */
final class PlanAnalyzer {
  private final StepContext context;
  private final LayerConfig config;
  private final List<ConfigProblem> problems = new ArrayList<>();

  PlanAnalyzer(StepContext context) {
    this.context = context;
    this.config = context.config();
  }

  /** The output's schema as a tree string; throws {@link ConfigException} with every problem found. */
  String analyze() {
    Dataset<Row> input = null;
    for (int i = 0; i < config.sources().size(); i++) {
      SourceSpec source = config.sources().get(i);
      Dataset<Row> read = attempt(path("io.source", i, config.sources().size()), () -> SourceReaders.read(source, context));
      if (read != null) {
        source.name().ifPresent(read::createOrReplaceTempView);
        input = input == null ? read : input.unionByName(read, true);
      }
    }
    if (input == null) {
      throw new ConfigException(problems);
    }
    List<PreStep> pre = config.transform().pre();
    for (int i = 0; i < pre.size() && input != null; i++) {
      Dataset<Row> before = input;
      PreStep step = pre.get(i);
      input = attempt("transform.pre[" + i + "]." + step.type(), () -> PreStepFunctions.apply(step, before, context).toDF());
    }
    Dataset<Row> start = input;
    Dataset<Row> output = start == null ? null : attempt("transform", () -> SqlTransform.apply(start, context));
    String refresh = "";
    if (output != null) {
      checkSinks(output);
      refresh = refresh(output);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return output.schema().treeString() + refresh;
  }

  /**
   * A refreshing layer's way, from the output's plan: by key (and on which columns), or why not; under
   * {@code refresh: incremental} a shape that cannot be refreshed by key is a problem at {@code transform.sql}.
   */
  private String refresh(Dataset<Row> output) {
    io.prodi.config.RefreshSpec spec = config.refresh().orElse(null);
    if (spec == null || !spec.mayBeIncremental() || !io.prodi.config.RefreshRules.whyNotIncremental(config).isEmpty()) {
      return spec == null ? "" : "refresh: full (" + (spec.mayBeIncremental() ? io.prodi.config.RefreshRules.oneLine(
          io.prodi.config.RefreshRules.whyNotIncremental(config)) : "refresh: full") + ")\n";
    }
    int driving = 0;
    while (!io.prodi.config.RefreshRules.drives(config.sources().get(driving))) {
      driving++;
    }
    SourceSpec source = config.sources().get(driving);
    io.prodi.engine.refresh.RefreshShape shape = io.prodi.engine.refresh.RefreshShape.of(
        output.queryExecution().analyzed(), RefreshWay.views(config, source),
        source.name().orElse(Refresh.label(source, driving)), spec.keys());
    if (shape.byKey()) {
      return "refresh: by key on " + String.join(", ", shape.keys()) + " after the first run\n";
    }
    if (spec.policy() == io.prodi.config.RefreshSpec.Policy.INCREMENTAL) {
      problems.add(problem(config.transform().sql().size() == 1 ? "transform.sql" : "transform.sql["
          + (config.transform().sql().size() - 1) + "]", "Cannot refresh incrementally: " + shape.whyNot().get()));
      return "";
    }
    return "refresh: full refresh: " + shape.whyNot().get() + "\n";
  }

  private void checkSinks(Dataset<Row> output) {
    problems.addAll(TransformStage.namedColumnProblems(config, Arrays.asList(output.columns())));
  }

  private <T> T attempt(String path, Supplier<T> stage) {
    try {
      return stage.get();
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    } catch (RunFailure e) {
      problems.add(problem(path, e.getMessage()));
    } catch (RuntimeException e) {
      problems.add(problem(path, "Cannot analyze: " + RunFailure.firstLine(e)));
    }
    return null;
  }

  private ConfigProblem problem(String path, String message) {
    return new ConfigProblem(config.uri(), path, message, ConfigProblem.Severity.ERROR);
  }

  private static String path(String list, int index, int size) {
    return size == 1 ? list : list + "[" + index + "]";
  }
}
