package io.prodi.engine.source.kafka;

import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.KafkaSourceSpec;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code type: kafka}: exactly the offsets the micro-batch planned ({@link KafkaOffsets}; a rerun its crashed
 * attempt's), read as a batch through Spark's Kafka connector with {@code read_committed} and
 * {@code failOnDataLoss}, then decoded ({@link KafkaValues}). A batch with nothing to read touches no broker.
 */
public final class KafkaSourceReader {
  /** The records as the connector gives them. */
  private static final StructType RECORDS = new StructType().add("key", DataTypes.BinaryType)
      .add("value", DataTypes.BinaryType).add("topic", DataTypes.StringType).add("partition", DataTypes.IntegerType)
      .add("offset", DataTypes.LongType).add("timestamp", DataTypes.TimestampType)
      .add("timestampType", DataTypes.IntegerType);

  private KafkaSourceReader() {}

  public static Dataset<Row> read(KafkaSourceSpec spec, StepContext context) {
    String intent = context.watermarkUpTo(spec).orElseThrow(() -> new RunFailure("Cannot read kafka source "
        + spec.name().orElse("kafka") + ": the micro-batch has no planned offsets (" + spec.bootstrapServers() + ")"));
    OffsetRange range = OffsetRange.parse(intent);
    Dataset<Row> records;
    if (range.records() == 0) {
      records = context.spark().createDataFrame(java.util.List.<Row>of(), RECORDS);
    } else {
      DataFrameReader reader = context.spark().read().format("kafka");
      Map<String, String> options = KafkaConnection.sparkOptions(spec, context);
      options.forEach(reader::option);
      records = reader.option("assign", range.assignJson()).option("startingOffsets", range.startJson())
          .option("endingOffsets", range.endJson()).option("failOnDataLoss", "true").load();
    }
    return KafkaValues.decode(records, spec.value());
  }

}
