package io.prodi.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The local Kafka broker the stream tests use (bin/local-kafka start; bin/test starts it): PLAINTEXT on
 * 127.0.0.1:9092, SASL (SCRAM-SHA-512, PLAIN) on 9094 as prodi / prodi-local-test. Each test makes topics of
 * its own (a fresh name) and produces records with a plain Kafka producer, as an application would.
 */
public final class LocalKafka {
  public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("PRODI_KAFKA_PORT", "9092"));
  public static final String BOOTSTRAP = "127.0.0.1:" + PORT;
  public static final String SASL_BOOTSTRAP = "127.0.0.1:" + (PORT + 2);
  public static final String USER = "prodi";
  public static final String PASSWORD = "prodi-local-test";

  private LocalKafka() {}

  /** Fails the calling test when no broker answers (see {@link Required}). */
  public static void requireBroker() {
    try (Admin admin = admin()) {
      admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      Required.missing("Kafka does not answer on " + BOOTSTRAP + ": " + e.getMessage(),
          "start it with bin/local-kafka start", e);
    }
  }

  /** A new topic with a name of its own (prefix + random) and {@code partitions} partitions. */
  public static String newTopic(String prefix, int partitions) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      throw new IllegalStateException("Cannot create topic " + name + ": " + e.getMessage(), e);
    }
    return name;
  }

  /** Produces values (text, or null for a tombstone) with keys, to the given partitions in turn; returns where each landed. */
  public static List<RecordMetadata> produce(String topic, int partitions, Collection<String> values) {
    List<RecordMetadata> out = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(), new ByteArraySerializer(),
        new ByteArraySerializer())) {
      int i = 0;
      for (String value : values) {
        byte[] bytes = value == null ? null : value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.add(producer.send(new ProducerRecord<>(topic, i % partitions, ("k" + i).getBytes(
            java.nio.charset.StandardCharsets.UTF_8), bytes)).get(30, TimeUnit.SECONDS));
        i++;
      }
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      throw new IllegalStateException("Cannot produce to " + topic + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Produces raw bytes values to partition 0. */
  public static void produceBytes(String topic, Collection<byte[]> values) {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(), new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (byte[] value : values) {
        producer.send(new ProducerRecord<>(topic, 0, null, value)).get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      throw new IllegalStateException("Cannot produce to " + topic + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a partition's records before {@code offset}, as retention would. */
  public static void deleteBefore(String topic, int partition, long offset) {
    try (Admin admin = admin()) {
      admin.deleteRecords(Map.of(new org.apache.kafka.common.TopicPartition(topic, partition),
          org.apache.kafka.clients.admin.RecordsToDelete.beforeOffset(offset))).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      throw new IllegalStateException("Cannot delete the records of " + topic + ": " + e.getMessage(), e);
    }
  }

  private static Properties producerProps() {
    Properties props = new Properties();
    props.put("bootstrap.servers", BOOTSTRAP);
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    return props;
  }

  private static Admin admin() {
    return Admin.create(Map.<String, Object>of("bootstrap.servers", BOOTSTRAP, "request.timeout.ms", 10000,
        "default.api.timeout.ms", 15000));
  }

  /** How long a test waits for something on the broker. */
  public static final Duration PATIENCE = Duration.ofSeconds(60);
}
