package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.engine.spi.StepContext;
import io.prodi.engine.transform.PreStepFunctions;
import io.prodi.run.RunFailure;
import io.prodi.transform.PreStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Stage 2 of a layer run: the pre steps, the SQL and the functions make the output; a merge key or
 * partition column the output lacks fails the run here, from the schema alone, before any job.
 */
final class TransformStage {
  private TransformStage() {}

  static Dataset<Row> apply(StepContext context, Dataset<Row> input) {
    Dataset<Row> data = input;
    for (PreStep step : context.config().transform().pre()) {
      context.describe("pre " + step.type());
      data = PreStepFunctions.apply(step, data, context);
    }
    Dataset<Row> output = SqlTransform.apply(data, context);
    checkNamedColumns(context.config(), output);
    return output;
  }

  /**
   * A column a sink names (merge key, sequence, partition) that the output lacks is a config error at the key naming
   * it, exit 2: found from the output's schema, before anything is read or written.
   */
  private static void checkNamedColumns(LayerConfig config, Dataset<Row> output) {
    List<io.prodi.yaml.ConfigProblem> problems = namedColumnProblems(config, Arrays.asList(output.columns()));
    if (!problems.isEmpty()) {
      throw new io.prodi.yaml.ConfigException(problems);
    }
  }

  /**
   * The problems of the columns the sinks and expectations name against the output's {@code columns}, each at its
   * YAML path.
   */
  static List<io.prodi.yaml.ConfigProblem> namedColumnProblems(LayerConfig config, List<String> columns) {
    List<io.prodi.yaml.ConfigProblem> problems = new ArrayList<>();
    config.dq().expectations().forEach(e -> e.missingColumns(columns).forEach((path, message) -> problems.add(
        new io.prodi.yaml.ConfigProblem(config.uri(), path, message, io.prodi.yaml.ConfigProblem.Severity.ERROR))));
    for (int i = 0; i < config.sinks().size(); i++) {
      String label = config.sinks().size() == 1 ? "io.sink" : "io.sink[" + i + "]";
      config.sinks().get(i).missingColumns(columns).forEach((path, message) -> problems.add(
          new io.prodi.yaml.ConfigProblem(config.uri(), label + "." + path, message,
              io.prodi.yaml.ConfigProblem.Severity.ERROR)));
    }
    return problems;
  }
}
