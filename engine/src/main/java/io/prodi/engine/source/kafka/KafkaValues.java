package io.prodi.engine.source.kafka;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.prodi.dq.ValueParsesSpec;
import io.prodi.source.KafkaAuthSpec;
import io.prodi.source.KafkaSourceSpec;
import io.prodi.source.KafkaValueSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns the connector's records (key, value, topic, partition, offset, timestamp as binary and numbers) into a
 * source's rows: the value's fields (json, avro), or {@code value} (string, bytes); then {@code _kafka_topic},
 * {@code _kafka_partition}, {@code _kafka_offset}, {@code _kafka_timestamp}, {@code _kafka_key} (text) and
 * {@code _kafka_tombstone} (a null value); for decoded values, {@value ValueParsesSpec#ERROR_COLUMN}: why a value did
 * not decode (not JSON, a field of the wrong type, not Avro of the schema, no Confluent header), null when it did.
 */
final class KafkaValues {
  private static final String CORRUPT = "_prodi_corrupt_value";
  private static final String PARSED = "_prodi_value";

  private KafkaValues() {}

  static Dataset<Row> decode(Dataset<Row> records, KafkaValueSpec value) {
    Column payload = col("value");
    Column headerError = lit(null).cast("string");
    if (value.confluentWire()) {
      headerError = when(col("value").isNotNull().and(expr("length(value) < 5 OR substring(value, 1, 1) != X'00'")),
          lit("no Confluent header (magic byte 0 and a 4-byte schema id)"));
      payload = when(expr("length(value) >= 5"), expr("substring(value, 6)"));
    }
    List<Column> metadata = List.of(col("topic").as("_kafka_topic"), col("partition").as("_kafka_partition"),
        col("offset").as("_kafka_offset"), col("timestamp").as("_kafka_timestamp"),
        col("key").cast("string").as("_kafka_key"), col("value").isNull().as("_kafka_tombstone"));
    switch (value.format()) {
      case JSON:
        return json(records, payload, headerError, schema(value), metadata);
      case AVRO:
        return avro(records, payload, headerError, value.schema().orElseThrow(), metadata);
      case BYTES:
        return records.select(withMetadata(List.of(col("value")), metadata).toArray(new Column[0]));
      default:
        return records.select(withMetadata(List.of(col("value").cast("string").as("value")), metadata)
            .toArray(new Column[0]));
    }
  }

  private static Dataset<Row> json(Dataset<Row> records, Column payload, Column headerError, StructType schema,
      List<Column> metadata) {
    StructType withCorrupt = schema.add(CORRUPT, DataTypes.StringType);
    Column parsed = functions.from_json(payload.cast("string"), withCorrupt,
        Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT));
    Column error = functions.coalesce(headerError, when(col(PARSED + "." + CORRUPT).isNotNull(),
        concat(lit("not JSON of the value schema: "), functions.substring(col(PARSED + "." + CORRUPT), 1, 200))));
    Dataset<Row> decoded = records.select(col("*"), parsed.as(PARSED));
    List<Column> fields = new ArrayList<>();
    for (StructField field : schema.fields()) {
      fields.add(col(PARSED + ".`" + field.name() + "`").as(field.name()));
    }
    List<Column> all = withMetadata(fields, metadata);
    all.add(error.as(ValueParsesSpec.ERROR_COLUMN));
    return decoded.select(all.toArray(new Column[0]));
  }

  private static Dataset<Row> avro(Dataset<Row> records, Column payload, Column headerError, String schema,
      List<Column> metadata) {
    Column parsed = org.apache.spark.sql.avro.functions.from_avro(payload, schema, Map.of("mode", "PERMISSIVE"));
    Dataset<Row> decoded = records.select(col("*"), parsed.as(PARSED));
    DataType type = decoded.schema().apply(PARSED).dataType();
    List<Column> fields = new ArrayList<>();
    if (type instanceof StructType) {
      for (StructField field : ((StructType) type).fields()) {
        fields.add(col(PARSED + ".`" + field.name() + "`").as(field.name()));
      }
    } else {
      fields.add(col(PARSED).as("value"));
    }
    Column error = functions.coalesce(headerError, when(col("value").isNotNull().and(col(PARSED).isNull()),
        lit("not Avro of the value schema")));
    List<Column> all = withMetadata(fields, metadata);
    all.add(error.as(ValueParsesSpec.ERROR_COLUMN));
    return decoded.select(all.toArray(new Column[0]));
  }

  private static List<Column> withMetadata(List<Column> fields, List<Column> metadata) {
    List<Column> out = new ArrayList<>(fields);
    out.addAll(metadata);
    return out;
  }

  /** The json value schema: DDL, or Spark's schema JSON. */
  static StructType schema(KafkaValueSpec value) {
    String text = value.schema().orElseThrow().trim();
    return text.startsWith("{") ? (StructType) DataType.fromJson(text) : StructType.fromDDL(text);
  }
}
