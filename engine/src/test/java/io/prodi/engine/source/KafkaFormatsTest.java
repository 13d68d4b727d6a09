package io.prodi.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.state.StateStore;
import io.prodi.testing.LocalKafka;
import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The kafka source's other shapes on the local broker: Avro values in Confluent's wire format, topics by pattern,
 * a first run from the latest offsets, and offsets the topic no longer holds (retention), which stop the run
 * until the state is reset, never skipped silently.
 */
class KafkaFormatsTest extends KafkaTestBase {
  private static final String AVRO = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"order_id\","
      + "\"type\":\"int\"},{\"name\":\"customer\",\"type\":\"string\"}]}";

  private String layer(String source) {
    return folder.write("bronze.yml", "layer: bronze\nstate: {uri: state}\nio:\n  source:\n    type: kafka\n"
        + "    name: orders\n    bootstrap_servers: " + LocalKafka.BOOTSTRAP + "\n" + source
        + "  sink: {path: out, format: delta, mode: append}\ndq:\n  quarantine: {path: quarantine, format: delta}\n");
  }

  private List<String> out(String... columns) {
    return Rows.of(spark().read().format("delta").load(at("out")), columns);
  }

  /** Confluent's wire format: magic byte 0, a 4-byte schema id, then the Avro binary. */
  private static byte[] confluent(int id, String customer) throws Exception {
    Schema schema = new Schema.Parser().parse(AVRO);
    GenericRecord record = new GenericData.Record(schema);
    record.put("order_id", id);
    record.put("customer", customer);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(ByteBuffer.allocate(5).put((byte) 0).putInt(42).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }

  @Test
  void avroValuesInConfluentsWireFormatDecodeAndOnesWithoutTheHeaderAreQuarantined() throws Exception {
    String topic = LocalKafka.newTopic("avro", 1);
    folder.write("schemas/order.avsc", AVRO);
    LocalKafka.produceBytes(topic, List.of(confluent(1, "ana"), "plain text".getBytes(), confluent(2, "bo")));
    succeed(layer("    topics: [" + topic + "]\n    value: {format: avro, schema: schemas/order.avsc, wire: confluent}\n"));
    assertThat(out("order_id", "customer", "_kafka_offset")).containsExactly("1|ana|0", "2|bo|2");
    assertThat(Rows.of(spark().read().format("delta").load(at("quarantine")), "_kafka_offset", "_kafka_value_error"))
        .containsExactly("1|no Confluent header (magic byte 0 and a 4-byte schema id)");
  }

  @Test
  void aPatternReadsEveryMatchingTopicAndLatestStartsAfterWhatIsThere() {
    String prefix = "pat" + System.nanoTime() % 100000;
    String a = LocalKafka.newTopic(prefix + "-a", 1);
    String b = LocalKafka.newTopic(prefix + "-b", 2);
    LocalKafka.produce(a, 1, List.of("a0", "a1"));
    LocalKafka.produce(b, 2, List.of("b0", "b1", "b2"));
    succeed(layer("    topic_pattern: '" + prefix + "-.*'\n"));
    assertThat(out("_kafka_topic", "value")).containsExactlyInAnyOrder(a + "|a0", a + "|a1", b + "|b0", b + "|b1",
        b + "|b2");

    String c = LocalKafka.newTopic(prefix + "-latest", 1);
    LocalKafka.produce(c, 1, List.of("old"));
    String latest = folder.write("latest.yml", "layer: bronze\nstate: {uri: state-latest}\nio:\n  source:\n"
        + "    type: kafka\n    bootstrap_servers: " + LocalKafka.BOOTSTRAP + "\n    topics: [" + c + "]\n"
        + "    starting_offsets: latest\n  sink: {path: out-latest, format: delta, mode: append}\n");
    RunOutput first = succeed(latest);
    assertThat(first.err()).contains("micro-batch 1: nothing new");
    LocalKafka.produce(c, 1, List.of("new"));
    succeed(latest);
    assertThat(Rows.of(spark().read().format("delta").load(at("out-latest")), "value")).containsExactly("new");
  }

  @Test
  void offsetsTheTopicNoLongerHoldsStopTheRunUntilTheStateIsReset() throws Exception {
    String topic = LocalKafka.newTopic("retained", 1);
    LocalKafka.produce(topic, 1, List.of("a", "b"));
    String cfg = layer("    topics: [" + topic + "]\n");
    succeed(cfg);
    LocalKafka.produce(topic, 1, List.of("c", "d", "e"));
    LocalKafka.deleteBefore(topic, 0, 4); // retention took offsets 0-3: c and d were never read

    RunOutput lost = run(cfg);
    assertThat(lost.exitCode()).isEqualTo(1);
    assertThat(lost.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot read Kafka partition " + topic
        + "-0 from offset 2: the topic no longer holds it (retention deleted the records before offset 4); the records "
        + "in between are lost to this source. To start over from what the topic holds, run prodi state reset "
        + "--state-id bronze::bronze::orders -c <config> (" + LocalKafka.BOOTSTRAP + ")");
    assertThat(out("value")).containsExactly("a", "b");

    new StateStore(at("state"), new Configuration()).reset("bronze::bronze::orders");
    succeed(cfg);
    assertThat(out("value")).containsExactly("a", "b", "e");
  }
}
