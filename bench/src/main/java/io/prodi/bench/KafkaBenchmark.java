package io.prodi.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.StructType;

/**
 * The Kafka benchmark's two halves besides prodi (bench/run-kafka):
 * <ul>
 *   <li>{@code produce BOOTSTRAP TOPIC N}: N JSON orders onto the topic, as fast as an idempotent producer goes;
 *   <li>{@code hand BOOTSTRAP TOPIC OUT CHECKPOINT}: the same ingestion written by hand, as Spark's guide shows it:
 *       Structured Streaming from the topic with {@code Trigger.AvailableNow}, the value parsed with from_json,
 *       each micro-batch appended to Delta in {@code foreachBatch} with Delta's idempotent-write options
 *       ({@code txnAppId}, {@code txnVersion} = the batch id), so that a restart after a crash writes no batch twice.
 * </ul>
 */
public final class KafkaBenchmark {
  static final String SCHEMA = "order_id BIGINT, customer STRING, amount DOUBLE, currency STRING, ts TIMESTAMP";

  private KafkaBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("produce")) {
      produce(args[1], args[2], Long.parseLong(args[3]));
    } else {
      hand(args[1], args[2], args[3], args[4]);
    }
  }

  private static void produce(String bootstrap, String topic, long records) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("acks", "all");
    props.put("linger.ms", "20");
    props.put("batch.size", String.valueOf(512 * 1024));
    props.put("compression.type", "none");
    String[] currencies = {"USD", "EUR", "COP"};
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (long i = 0; i < records; i++) {
        String value = "{\"order_id\":" + i + ",\"customer\":\"c" + (i % 10_000) + "\",\"amount\":" + (i % 1000) + ".25"
            + ",\"currency\":\"" + currencies[(int) (i % 3)] + "\",\"ts\":\"2024-06-01T10:00:00Z\"}";
        producer.send(new ProducerRecord<>(topic, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  private static void hand(String bootstrap, String topic, String out, String checkpoint) throws Exception {
    SparkSession spark = SparkSession.builder().appName("handwritten_kafka")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    long start = System.nanoTime();
    Dataset<Row> records = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
        .option("subscribe", topic).option("startingOffsets", "earliest")
        .option("kafka.isolation.level", "read_committed").load();
    Dataset<Row> orders = records.select(from_json(col("value").cast("string"), StructType.fromDDL(SCHEMA)).as("v"),
        col("topic"), col("partition"), col("offset"), col("timestamp")).select("v.*", "topic", "partition", "offset",
        "timestamp");
    VoidFunction2<Dataset<Row>, Long> append = (batch, id) -> batch.write().format("delta").mode("append")
        .option("txnAppId", "handwritten-kafka").option("txnVersion", id).save(out);
    StreamingQuery query = orders.writeStream().trigger(Trigger.AvailableNow()).option("checkpointLocation", checkpoint)
        .foreachBatch(append).start();
    query.awaitTermination(TimeUnit.HOURS.toMillis(1));
    System.out.printf("bench-kafka hand %d ms%n", (System.nanoTime() - start) / 1_000_000);
    spark.stop();
  }
}
