package io.prodi.engine.sink;

import io.prodi.engine.spi.Registries;
import io.prodi.engine.spi.StepContext;
import io.prodi.sink.BigQuerySinkSpec;
import io.prodi.sink.FilesSinkSpec;
import io.prodi.sink.JdbcSinkSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.SinkSpec;
import io.prodi.sink.SinkTypes;
import io.prodi.sink.TableSinkSpec;
import io.prodi.sink.WriteMode;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a run writes each sink type of the config language's {@link SinkTypes}, keyed by the same
 * lower-case names; a type the config accepts but no writer handles stops the engine from loading.
 */
public final class SinkWriters {
  /** Writes the output to a sink whose spec class is {@code S}. */
  private interface Writer<S extends SinkSpec> {
    SinkResult write(S spec, Dataset<Row> output, StepContext context);
  }

  private static final Map<String, Writer<?>> WRITERS = Map.of(
      "files", (Writer<FilesSinkSpec>) FilesSinkWriter::write,
      "table", (Writer<TableSinkSpec>) TableSinkWriter::write,
      "jdbc", (Writer<JdbcSinkSpec>) JdbcSinkWriter::write,
      "bigquery", (Writer<BigQuerySinkSpec>) BigQuerySinkWriter::write);

  static {
    Registries.requireSameNames("sink", SinkTypes.names(), WRITERS.keySet());
  }

  private SinkWriters() {}

  /** Writes the output to a sink; a {@code kind: noop} sink writes nothing. */
  @SuppressWarnings("unchecked")
  public static SinkResult write(SinkSpec spec, Dataset<Row> output, StepContext context) {
    if (spec.mode() == WriteMode.NOOP) {
      return SinkResult.skipped("kind noop");
    }
    java.util.Optional<SinkTableProperties> table = SinkTableProperties.before(spec, context);
    SinkResult result = ((Writer<SinkSpec>) WRITERS.get(spec.type())).write(spec, output, context);
    table.ifPresent(SinkTableProperties::settle);
    return result;
  }
}
