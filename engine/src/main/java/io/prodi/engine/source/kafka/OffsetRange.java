package io.prodi.engine.source.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * One micro-batch's range of a kafka source: per partition the first offset it reads and the offset it stops
 * before, as numbers (a first run's {@code earliest}/{@code latest} already resolved). Its JSON is what the state
 * store keeps as the batch's intent (a rerun reads exactly this range); {@link #endJson} in Spark's offsets form
 * ({@code {"topic":{"0":42}}}) is what commits.
 */
public final class OffsetRange {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Partition, Long> start;
  private final Map<Partition, Long> end;

  /** A topic partition, sorted by topic then number. */
  public static final class Partition implements Comparable<Partition> {
    final String topic;
    final int number;

    Partition(String topic, int number) {
      this.topic = topic;
      this.number = number;
    }

    @Override
    public int compareTo(Partition other) {
      int byTopic = topic.compareTo(other.topic);
      return byTopic != 0 ? byTopic : Integer.compare(number, other.number);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Partition && compareTo((Partition) other) == 0;
    }

    @Override
    public int hashCode() {
      return topic.hashCode() * 31 + number;
    }

    @Override
    public String toString() {
      return topic + "-" + number;
    }
  }

  OffsetRange(Map<Partition, Long> start, Map<Partition, Long> end) {
    this.start = new TreeMap<>(start);
    this.end = new TreeMap<>(end);
  }

  /** The records it covers (an upper bound on a transactional topic, whose commit markers take offsets too). */
  public long records() {
    return end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), e.getValue())).sum();
  }

  Map<Partition, Long> start() {
    return start;
  }

  Map<Partition, Long> end() {
    return end;
  }

  public String startJson() {
    return offsetsJson(start).toString();
  }

  public String endJson() {
    return offsetsJson(end).toString();
  }

  /** Spark's {@code assign} option: every partition of the range. */
  public String assignJson() {
    ObjectNode out = JSON.createObjectNode();
    end.keySet().forEach(p -> (out.has(p.topic) ? (com.fasterxml.jackson.databind.node.ArrayNode) out.get(p.topic)
        : out.putArray(p.topic)).add(p.number));
    return out.toString();
  }

  /** The intent: {@code {"start": {...}, "end": {...}}}. */
  public String json() {
    ObjectNode out = JSON.createObjectNode();
    out.set("start", offsetsJson(start));
    out.set("end", offsetsJson(end));
    return out.toString();
  }

  static OffsetRange parse(String intent) {
    JsonNode node = read(intent);
    return new OffsetRange(offsets(node.path("start")), offsets(node.path("end")));
  }

  /** Offsets in Spark's form, as committed. */
  static Map<Partition, Long> parseOffsets(String json) {
    return offsets(read(json));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Kafka offsets: not JSON (" + json + ")", e);
    }
  }

  private static Map<Partition, Long> offsets(JsonNode node) {
    Map<Partition, Long> out = new TreeMap<>();
    node.fields().forEachRemaining(topic -> topic.getValue().fields().forEachRemaining(partition ->
        out.put(new Partition(topic.getKey(), Integer.parseInt(partition.getKey())), partition.getValue().asLong())));
    return out;
  }

  private static ObjectNode offsetsJson(Map<Partition, Long> offsets) {
    ObjectNode out = JSON.createObjectNode();
    offsets.forEach((p, offset) -> (out.has(p.topic) ? (ObjectNode) out.get(p.topic) : out.putObject(p.topic))
        .put(String.valueOf(p.number), offset));
    return out;
  }
}
