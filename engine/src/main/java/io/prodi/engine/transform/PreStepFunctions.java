package io.prodi.engine.transform;

import io.prodi.engine.spi.Registries;
import io.prodi.engine.spi.StepContext;
import io.prodi.transform.AddMetadataStep;
import io.prodi.transform.CastStep;
import io.prodi.transform.ColumnsStep;
import io.prodi.transform.DedupeStep;
import io.prodi.transform.FilterStep;
import io.prodi.transform.PreStep;
import io.prodi.transform.PreSteps;
import io.prodi.transform.RenameStep;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a run applies each {@code transform.pre} step of the config language's {@link PreSteps}, keyed by
 * the same names; a step the config accepts but no function applies stops the engine from loading.
 */
public final class PreStepFunctions {
  /** Applies a step whose spec class is {@code S}. */
  private interface Function<S extends PreStep> {
    Dataset<Row> apply(S step, Dataset<Row> input, StepContext context);
  }

  private static final Map<String, Function<?>> FUNCTIONS = Map.of(
      "rename", (Function<RenameStep>) RenameFunction::apply,
      "cast", (Function<CastStep>) CastFunction::apply,
      "drop", (Function<ColumnsStep>) ColumnsFunction::apply,
      "select", (Function<ColumnsStep>) ColumnsFunction::apply,
      "filter", (Function<FilterStep>) FilterFunction::apply,
      "dedupe", (Function<DedupeStep>) DedupeFunction::apply,
      "trim", (Function<ColumnsStep>) ColumnsFunction::apply,
      "add_metadata", (Function<AddMetadataStep>) AddMetadataFunction::apply);

  static {
    Registries.requireSameNames("pre step", PreSteps.names(), FUNCTIONS.keySet());
  }

  private PreStepFunctions() {}

  /** The step applied to the layer's input. */
  @SuppressWarnings("unchecked")
  public static Dataset<Row> apply(PreStep step, Dataset<Row> input, StepContext context) {
    return ((Function<PreStep>) FUNCTIONS.get(step.type())).apply(step, input, context);
  }
}
