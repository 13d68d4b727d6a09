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
    checkSinkColumns(context.config(), output);
    return output;
  }

  private static void checkSinkColumns(LayerConfig config, Dataset<Row> output) {
    List<String> columns = Arrays.asList(output.columns());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < config.sinks().size(); i++) {
      String label = config.sinks().size() == 1 ? "io.sink" : "io.sink[" + i + "]";
      config.sinks().get(i).missingColumns(columns).forEach(p -> problems.add(label + ": " + p));
    }
    if (!problems.isEmpty()) {
      throw new RunFailure(String.join("; ", problems));
    }
  }
}
