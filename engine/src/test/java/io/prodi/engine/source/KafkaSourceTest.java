package io.prodi.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.testing.LocalKafka;
import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * {@code type: kafka} on the local broker (bin/local-kafka): what lands in the sink is compared with what the
 * producer was told it wrote, record by record (topic, partition, offset), never with prodi's own counts.
 */
class KafkaSourceTest extends KafkaTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  private String config(String topic, String more) {
    return folder.write("bronze.yml", "layer: bronze\nstate: {uri: state}\nio:\n  source:\n    type: kafka\n"
        + "    name: orders\n    bootstrap_servers: " + LocalKafka.BOOTSTRAP + "\n    topics: [" + topic + "]\n"
        + "    value: {format: json, schema: 'order_id INT, amount DOUBLE'}\n" + more
        + "  sink: {path: out, format: delta, mode: append}\n");
  }

  private static List<String> orders(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "{\"order_id\":" + i + ",\"amount\":" + i + ".5}")
        .collect(Collectors.toList());
  }

  private static Set<String> coordinates(List<RecordMetadata> produced) {
    return produced.stream().map(m -> m.topic() + "|" + m.partition() + "|" + m.offset())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private List<String> sink(String... columns) {
    return Rows.of(spark().read().format("delta").load(at("out")), columns);
  }

  private static List<JsonNode> summaries(RunOutput run) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.outLines()) {
      if (line.startsWith("{\"prodi_summary\"")) {
        try {
          out.add(JSON.readTree(line).get("prodi_summary"));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  @Test
  void availableNowReadsExactlyTheRecordsProducedInBoundedBatchesThenOnlyNewOnes() {
    String topic = LocalKafka.newTopic("orders", 3);
    List<RecordMetadata> first = LocalKafka.produce(topic, 3, orders(0, 25));
    String cfg = config(topic, "    max_records_per_run: 10\n");

    RunOutput run = succeed(cfg);
    List<JsonNode> batches = summaries(run);
    assertThat(batches).extracting(b -> b.path("stream").path("records").asLong()).containsExactly(10L, 10L, 5L);
    assertThat(batches).extracting(b -> b.path("status").asText()).containsOnly("succeeded");
    assertThat(new TreeSet<>(sink("_kafka_topic", "_kafka_partition", "_kafka_offset"))).isEqualTo(coordinates(first));
    assertThat(sink("_kafka_topic")).hasSize(25);
    assertThat(sink("order_id", "amount", "_kafka_key", "_kafka_tombstone", "_kafka_value_error"))
        .contains("0|0.5|k0|false|null", "24|24.5|k24|false|null");

    List<RecordMetadata> second = LocalKafka.produce(topic, 3, orders(25, 32));
    RunOutput again = succeed(cfg);
    assertThat(summaries(again)).singleElement().satisfies(b -> assertThat(b.path("stream").path("records").asLong())
        .isEqualTo(7));
    Set<String> all = coordinates(first);
    all.addAll(coordinates(second));
    assertThat(new TreeSet<>(sink("_kafka_topic", "_kafka_partition", "_kafka_offset"))).isEqualTo(all);
    assertThat(sink("_kafka_offset")).hasSize(32);

    RunOutput nothing = succeed(cfg);
    assertThat(summaries(nothing)).singleElement().satisfies(b -> assertThat(b.path("stream").path("records").asLong())
        .isZero());
    assertThat(sink("_kafka_offset")).hasSize(32);
  }

  @Test
  void malformedValuesGoToTheQuarantineWithTheirOffsetsAndReason() {
    String topic = LocalKafka.newTopic("bad", 1);
    List<String> values = new ArrayList<>(orders(0, 3));
    values.add("{not json");
    values.add("{\"order_id\":\"seven\",\"amount\":1.0}");
    values.add(null);
    LocalKafka.produce(topic, 1, values);
    String cfg = folder.write("bronze.yml", "layer: bronze\nstate: {uri: state}\nio:\n  source:\n    type: kafka\n"
        + "    bootstrap_servers: " + LocalKafka.BOOTSTRAP + "\n    topics: [" + topic + "]\n"
        + "    value: {format: json, schema: 'order_id INT, amount DOUBLE'}\n"
        + "  sink: {path: out, format: delta, mode: append}\ndq:\n  quarantine: {path: quarantine, format: delta}\n");

    succeed(cfg);
    assertThat(sink("_kafka_offset", "order_id", "_kafka_tombstone")).containsExactly("0|0|false", "1|1|false",
        "2|2|false", "5|null|true");
    assertThat(Rows.of(spark().read().format("delta").load(at("quarantine")), "_kafka_offset",
        "array_join(_dq_failed, ',')", "_kafka_value_error")).containsExactly(
        "3|value_parses|not JSON of the value schema: {not json",
        "4|value_parses|not JSON of the value schema: {\"order_id\":\"seven\",\"amount\":1.0}");
  }

  @Test
  void withoutAQuarantineAMalformedValueFailsTheRunWritesNothingAndLeavesTheOffsets() {
    String topic = LocalKafka.newTopic("bad", 1);
    List<String> values = new ArrayList<>(orders(0, 2));
    values.add("[1, 2");
    LocalKafka.produce(topic, 1, values);
    String cfg = config(topic, "");

    RunOutput failed = run(cfg);
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot write the output: "
        + "expectation value_parses (error, on_fail fail) on a row: not JSON of the value schema: [1, 2; the sink "
        + "committed nothing and the stream stays where it was");
    assertThat(tmp.resolve("out/_delta_log")).as("no Delta commit").satisfiesAnyOf(
        p -> assertThat(p).doesNotExist(),
        p -> assertThat(java.nio.file.Files.list(p).map(Path::toString).filter(n -> n.endsWith(".json"))).isEmpty());
    assertThat(tmp.resolve("state")).satisfiesAnyOf(
        p -> assertThat(p).doesNotExist(),
        p -> assertThat(java.nio.file.Files.walk(p).map(Path::getFileName).map(Path::toString)
            .filter(n -> n.startsWith("v-"))).isEmpty());
  }

  @Test
  void aConfigMistakeIsExit2BeforeAnyBrokerAndADryRunNeverConnects() {
    String far = "layer: bronze\nstate: {uri: state}\nTRIGGERio:\n  source:\n    type: kafka\n"
        + "    bootstrap_servers: 127.0.0.1:1\n    topics: [t]\n  sink: {path: out, format: delta, mode: append}\n";
    RunOutput invalid = run(folder.write("bad.yml", far.replace("TRIGGER", "trigger: {every: soon}\n")));
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.errors()).singleElement().asString().endsWith("trigger.every: Cannot read every: expected an "
        + "ISO-8601 duration such as PT30S or PT1M (soon)");
    long start = System.nanoTime();
    RunOutput dry = run(folder.write("dry.yml", far.replace("TRIGGER", "trigger: {every: PT1M}\n")), "--dry-run");
    assertThat(dry.exitCode()).as(dry.toString()).isZero();
    assertThat(dry.out()).contains("  stream  trigger every PT1M; offsets dry::bronze::kafka in ")
        .contains("\"status\":\"dry_run\"");
    assertThat((System.nanoTime() - start) / 1e9).as("no broker was asked (it would time out)").isLessThan(10);
    assertThat(tmp.resolve("out")).doesNotExist();
    assertThat(tmp.resolve("state")).doesNotExist();
  }

  @Test
  void aMissingTopicAndAnUnreachableBrokerAreOneLineEachNamingThem() {
    String cfg = config("no-such-topic-" + System.nanoTime(), "");
    RunOutput missing = run(cfg);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errors()).singleElement().asString().startsWith("prodi: error: Cannot read Kafka at "
        + LocalKafka.BOOTSTRAP + ": topic no-such-topic-").contains("does not exist");

    String unreachable = folder.write("far.yml", "layer: bronze\nstate: {uri: state}\nio:\n  source:\n"
        + "    type: kafka\n    bootstrap_servers: 127.0.0.1:1\n    topics: [t]\n"
        + "    options: {kafka.default.api.timeout.ms: '3000', kafka.request.timeout.ms: '3000'}\n"
        + "  sink: {path: out, format: delta, mode: append}\n");
    long start = System.nanoTime();
    RunOutput far = run(unreachable);
    assertThat(far.exitCode()).isEqualTo(1);
    assertThat(far.errors()).singleElement().asString().startsWith("prodi: error: Cannot reach Kafka at 127.0.0.1:1: ");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void scramAuthenticationReadsAsTheUserAndAWrongPasswordIsRefusedWithoutShowingIt() {
    String topic = LocalKafka.newTopic("sasl", 1);
    LocalKafka.produce(topic, 1, orders(0, 4));
    String cfg = folder.write("bronze.yml", "layer: bronze\nstate: {uri: state}\nio:\n  source:\n    type: kafka\n"
        + "    bootstrap_servers: " + LocalKafka.SASL_BOOTSTRAP + "\n    topics: [" + topic + "]\n"
        + "    auth: {type: scram_sha_512, username_env: KAFKA_USER, password_env: KAFKA_PASSWORD, tls: false}\n"
        + "    value: {format: json, schema: 'order_id INT, amount DOUBLE'}\n"
        + "  sink: {path: out, format: delta, mode: append}\n");

    RunOutput wrong = run(cfg, "--env", "KAFKA_USER=prodi", "--env", "KAFKA_PASSWORD=not-the-password-123");
    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);
    assertThat(wrong.errors()).singleElement().asString().startsWith("prodi: error: Cannot read Kafka at "
        + LocalKafka.SASL_BOOTSTRAP + ": authentication failed");
    assertThat(wrong.out() + wrong.err()).doesNotContain("not-the-password-123");
    assertThat(tmp.resolve("out")).doesNotExist();

    RunOutput right = run(cfg, "--env", "KAFKA_USER=" + LocalKafka.USER, "--env", "KAFKA_PASSWORD=" + LocalKafka.PASSWORD);
    assertThat(right.exitCode()).as(right.toString()).isZero();
    assertThat(right.out() + right.err()).doesNotContain(LocalKafka.PASSWORD);
    assertThat(sink("order_id")).containsExactly("0", "1", "2", "3");
  }
}
