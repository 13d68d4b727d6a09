package io.prodi.engine.source.kafka;

import io.prodi.engine.spi.StreamPlan;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.KafkaSourceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Plans a kafka source's micro-batch on the driver with a Kafka consumer that reads no record: the topics'
 * partitions, their first and last offsets ({@code read_committed}: the last stable offset), the batch's range
 * from the committed offsets (or the first run's {@code starting_offsets}) up to the run's target, bounded by
 * {@code max_records_per_run}. A crashed batch's intent is replayed as it was. Offsets the topic no longer holds
 * (deleted by retention) stop the run, naming the partition and how to start over.
 */
public final class KafkaOffsets {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private KafkaOffsets() {}

  public static StreamPlan plan(KafkaSourceSpec spec, StreamPlan.Request request, StepContext context) {
    Properties props = new Properties();
    props.putAll(KafkaConnection.clientProperties(spec, context));
    props.putIfAbsent("default.api.timeout.ms", String.valueOf(TIMEOUT.toMillis()));
    props.putIfAbsent("request.timeout.ms", String.valueOf(TIMEOUT.toMillis()));
    props.put("enable.auto.commit", "false");
    Duration timeout = Duration.ofMillis(Long.parseLong(props.getProperty("default.api.timeout.ms")));
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitions(spec, consumer, timeout);
      Map<OffsetRange.Partition, Long> first = offsets(consumer.beginningOffsets(partitions, timeout));
      Map<OffsetRange.Partition, Long> last = offsets(consumer.endOffsets(partitions, timeout));
      OffsetRange range = request.pending().map(OffsetRange::parse)
          .orElseGet(() -> next(spec, request, first, last));
      checkRetained(spec, request.stateId(), range, first);
      Map<OffsetRange.Partition, Long> target = request.target().map(OffsetRange::parseOffsets).orElse(last);
      long lag = last.entrySet().stream()
          .mapToLong(e -> Math.max(0, e.getValue() - range.end().getOrDefault(e.getKey(), e.getValue()))).sum();
      boolean reaches = target.entrySet().stream().allMatch(e -> range.end().getOrDefault(e.getKey(), 0L) >= e.getValue());
      return new StreamPlan(range.json(), range.endJson(), range.records(), lag,
          new OffsetRange(target, target).endJson(), reaches);
    } catch (AuthenticationException | AuthorizationException e) {
      throw new RunFailure("Cannot read Kafka at " + spec.bootstrapServers() + ": authentication failed ("
          + e.getClass().getSimpleName() + ": " + firstLine(e) + ")", e);
    } catch (TimeoutException e) {
      throw new RunFailure("Cannot reach Kafka at " + spec.bootstrapServers() + ": no answer within "
          + props.getProperty("default.api.timeout.ms") + " ms (" + firstLine(e) + ")", e);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new RunFailure("Cannot read Kafka at " + spec.bootstrapServers() + ": " + firstLine(e), e);
    }
  }

  private static List<TopicPartition> partitions(KafkaSourceSpec spec, KafkaConsumer<byte[], byte[]> consumer,
      Duration timeout) {
    Map<String, List<PartitionInfo>> topics = consumer.listTopics(timeout);
    List<String> wanted;
    if (spec.topicPattern().isPresent()) {
      Pattern pattern = Pattern.compile(spec.topicPattern().get());
      wanted = topics.keySet().stream().filter(t -> pattern.matcher(t).matches()).sorted().collect(Collectors.toList());
      if (wanted.isEmpty()) {
        throw new RunFailure("Cannot read Kafka at " + spec.bootstrapServers() + ": no topic matches "
            + spec.topicPattern().get() + " (" + topics.size() + " topics)");
      }
    } else {
      wanted = spec.topics();
      List<String> missing = wanted.stream().filter(t -> !topics.containsKey(t)).collect(Collectors.toList());
      if (!missing.isEmpty()) {
        throw new RunFailure("Cannot read Kafka at " + spec.bootstrapServers() + ": topic " + String.join(", ", missing)
            + " does not exist (" + String.join(", ", missing) + ")");
      }
    }
    List<TopicPartition> out = new ArrayList<>();
    wanted.forEach(t -> topics.get(t).forEach(p -> out.add(new TopicPartition(t, p.partition()))));
    return out;
  }

  /** The next range: from the committed offsets (new partitions from their first offset) to the target, bounded. */
  private static OffsetRange next(KafkaSourceSpec spec, StreamPlan.Request request,
      Map<OffsetRange.Partition, Long> first, Map<OffsetRange.Partition, Long> last) {
    Map<OffsetRange.Partition, Long> committed = request.committed().map(OffsetRange::parseOffsets).orElse(Map.of());
    boolean fresh = request.committed().isEmpty();
    Map<OffsetRange.Partition, Long> start = new TreeMap<>();
    for (OffsetRange.Partition p : last.keySet()) {
      Long from = committed.get(p);
      start.put(p, from != null ? from
          : fresh && spec.startingOffsets() == KafkaSourceSpec.StartingOffsets.LATEST ? last.get(p) : first.get(p));
    }
    Map<OffsetRange.Partition, Long> target = request.target().map(OffsetRange::parseOffsets).orElse(last);
    Map<OffsetRange.Partition, Long> end = new TreeMap<>();
    for (OffsetRange.Partition p : start.keySet()) {
      end.put(p, Math.max(start.get(p), Math.min(last.get(p), target.getOrDefault(p, last.get(p)))));
    }
    return spec.maxRecordsPerRun().map(max -> bounded(start, end, max)).orElse(new OffsetRange(start, end));
  }

  /** At most {@code max} records, shared among partitions in proportion to what each has to read. */
  static OffsetRange bounded(Map<OffsetRange.Partition, Long> start, Map<OffsetRange.Partition, Long> end, long max) {
    long available = end.entrySet().stream().mapToLong(e -> e.getValue() - start.get(e.getKey())).sum();
    if (available <= max) {
      return new OffsetRange(start, end);
    }
    Map<OffsetRange.Partition, Long> bounded = new TreeMap<>();
    long given = 0;
    for (Map.Entry<OffsetRange.Partition, Long> e : end.entrySet()) {
      long has = e.getValue() - start.get(e.getKey());
      long share = (long) Math.floor((double) has * max / available);
      bounded.put(e.getKey(), start.get(e.getKey()) + share);
      given += share;
    }
    for (Map.Entry<OffsetRange.Partition, Long> e : end.entrySet()) { // the rounding's remainder, in order
      long room = e.getValue() - bounded.get(e.getKey());
      long more = Math.min(room, max - given);
      bounded.put(e.getKey(), bounded.get(e.getKey()) + more);
      given += more;
    }
    return new OffsetRange(start, bounded);
  }

  private static void checkRetained(KafkaSourceSpec spec, String stateId, OffsetRange range,
      Map<OffsetRange.Partition, Long> first) {
    for (Map.Entry<OffsetRange.Partition, Long> e : range.start().entrySet()) {
      Long kept = first.get(e.getKey());
      if (kept != null && e.getValue() < kept && range.end().get(e.getKey()) > e.getValue()) {
        throw new RunFailure("Cannot read Kafka partition " + e.getKey() + " from offset " + e.getValue()
            + ": the topic no longer holds it (retention deleted the records before offset " + kept + "); the records "
            + "in between are lost to this source. To start over from what the topic holds, run prodi state reset "
            + "--state-id " + stateId + " -c <config> (" + spec.bootstrapServers() + ")");
      }
    }
  }

  private static Map<OffsetRange.Partition, Long> offsets(Map<TopicPartition, Long> found) {
    Map<OffsetRange.Partition, Long> out = new TreeMap<>();
    found.forEach((tp, offset) -> out.put(new OffsetRange.Partition(tp.topic(), tp.partition()), offset));
    return out;
  }

  private static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).split("\n")[0];
  }
}
