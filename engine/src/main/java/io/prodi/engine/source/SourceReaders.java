package io.prodi.engine.source;

import io.prodi.engine.spi.Registries;
import io.prodi.engine.spi.StepContext;
import io.prodi.source.BigQuerySourceSpec;
import io.prodi.source.FilesSourceSpec;
import io.prodi.source.HttpSourceSpec;
import io.prodi.engine.source.kafka.KafkaSourceReader;
import io.prodi.source.JdbcSourceSpec;
import io.prodi.source.KafkaSourceSpec;
import io.prodi.source.SourceSpec;
import io.prodi.source.SourceTypes;
import io.prodi.source.TableSourceSpec;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a run reads each source type of the config language's {@link SourceTypes}, keyed by the same
 * lower-case names; a type the config accepts but no reader handles stops the engine from loading.
 */
public final class SourceReaders {
  /** Reads a source whose spec class is {@code S}. */
  private interface Reader<S extends SourceSpec> {
    Dataset<Row> read(S spec, StepContext context);
  }

  private static final Map<String, Reader<?>> READERS = Map.of(
      "files", (Reader<FilesSourceSpec>) FilesSourceReader::read,
      "table", (Reader<TableSourceSpec>) TableSourceReader::read,
      "http", (Reader<HttpSourceSpec>) HttpSourceReader::read,
      "jdbc", (Reader<JdbcSourceSpec>) JdbcSourceReader::read,
      "bigquery", (Reader<BigQuerySourceSpec>) BigQuerySourceReader::read,
      "kafka", (Reader<KafkaSourceSpec>) KafkaSourceReader::read);

  static {
    Registries.requireSameNames("source", SourceTypes.names(), READERS.keySet());
  }

  private SourceReaders() {}

  /** Reads a source (lazily: a DataFrame, no rows yet). */
  @SuppressWarnings("unchecked")
  public static Dataset<Row> read(SourceSpec spec, StepContext context) {
    return ((Reader<SourceSpec>) READERS.get(spec.type())).read(spec, context);
  }
}
