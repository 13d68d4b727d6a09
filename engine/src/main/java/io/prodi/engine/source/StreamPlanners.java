package io.prodi.engine.source;

import io.prodi.engine.source.kafka.KafkaOffsets;
import io.prodi.engine.spi.StepContext;
import io.prodi.engine.spi.StreamPlan;
import io.prodi.run.RunFailure;
import io.prodi.source.FilesSourceSpec;
import io.prodi.source.KafkaSourceSpec;
import io.prodi.source.SourceSpec;
import java.util.Map;

/**
 * How each source type that reads a stream plans a micro-batch before it reads (its position is
 * {@link io.prodi.source.WatermarkSpec#planned() planned}), keyed by the source's lower-case type.
 */
public final class StreamPlanners {
  /** Plans a micro-batch of a source whose spec class is {@code S}. */
  private interface Planner<S extends SourceSpec> {
    StreamPlan plan(S spec, StreamPlan.Request request, StepContext context);
  }

  // kafka's entry is a lambda, not a method reference: KafkaOffsets (and the Kafka client it needs) is loaded only
  // when a kafka source plans, so a jar without the client (2.13 / Spark 3.5) still plans new files
  private static final Map<String, Planner<?>> PLANNERS = Map.of(
      "kafka", (Planner<KafkaSourceSpec>) (spec, request, context) -> KafkaOffsets.plan(spec, request, context),
      "files", (Planner<FilesSourceSpec>) NewFiles::plan);

  private StreamPlanners() {}

  @SuppressWarnings("unchecked")
  public static StreamPlan plan(SourceSpec spec, StreamPlan.Request request, StepContext context) {
    Planner<SourceSpec> planner = (Planner<SourceSpec>) PLANNERS.get(spec.type());
    if (planner == null) {
      throw new RunFailure("Cannot plan a micro-batch of a " + spec.type() + " source: it reads no stream ("
          + String.join(", ", PLANNERS.keySet()) + " do)");
    }
    return planner.plan(spec, request, context);
  }
}
