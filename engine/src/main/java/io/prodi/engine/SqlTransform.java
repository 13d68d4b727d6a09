package io.prodi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.api.Transform;
import io.prodi.config.FunctionSpec;
import io.prodi.config.TransformSpec;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.yaml.ConfigException;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The SQL and functions of a layer: the input registered as
 * {@code __INPUT__}, {@code __BASE__} and the temp view, statements run in order, the last one's
 * result is the output, then each function in order. A statement Spark cannot analyze is a config error at its
 * YAML path, found at run time as {@code plan --analyze} finds it (exit 2; nothing has been written).
 */
final class SqlTransform {
  private SqlTransform() {}

  static Dataset<Row> apply(Dataset<Row> input, StepContext context) {
    TransformSpec transform = context.config().transform();
    input.createOrReplaceTempView("__INPUT__");
    input.createOrReplaceTempView("__BASE__");
    transform.tempView().or(() -> context.config().layer().defaultTempView())
        .ifPresent(input::createOrReplaceTempView);
    Dataset<Row> output = input;
    List<String> statements = transform.sql();
    for (int i = 0; i < statements.size(); i++) {
      context.describe("sql " + (i + 1) + "/" + statements.size());
      try {
        output = context.spark().sql(statements.get(i));
      } catch (Exception e) { // Scala declares no checked exceptions, so AnalysisException is caught as Exception
        if (e instanceof AnalysisException) { // a missing table, column or function, a syntax error: the config's
          throw ConfigException.of(context.config().uri(), statements.size() == 1 ? "transform.sql"
              : "transform.sql[" + i + "]", failedStatement(i, e, statements.get(i)));
        }
        throw new RunFailure(failedStatement(i, e, statements.get(i)), e);
      }
    }
    for (FunctionSpec function : transform.functions()) {
      output = call(function, output, context);
    }
    return output;
  }

  private static String failedStatement(int index, Exception e, String statement) {
    return "Cannot run SQL statement " + (index + 1) + ": " + RunFailure.firstLine(e) + " (" + oneLine(statement) + ")";
  }

  private static Dataset<Row> call(FunctionSpec function, Dataset<Row> input, StepContext context) {
    context.describe("function " + function.className());
    Transform transform;
    try {
      transform = Class.forName(function.className(), true, Thread.currentThread().getContextClassLoader())
          .asSubclass(Transform.class).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new RunFailure("Cannot create function " + function.className() + ": " + RunFailure.firstLine(e)
          + " (it needs a public no-argument constructor)", e);
    }
    JsonNode params = function.params();
    Dataset<Row> output = transform.apply(input, params);
    if (output == null) {
      throw new RunFailure("Cannot use the result of function " + function.className() + ": it returned null ("
          + function.className() + ")");
    }
    return output;
  }

  private static String oneLine(String sql) {
    String flat = sql.replaceAll("\\s+", " ").trim();
    return flat.length() > 80 ? flat.substring(0, 80) + "..." : flat;
  }
}
