package io.prodi.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.engine.LayerRuns;
import io.prodi.run.StopSignal;
import io.prodi.testing.FaultyFileSystem;
import io.prodi.testing.FaultyFileSystem.Operation;
import io.prodi.testing.LocalKafka;
import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A stream's micro-batches exactly once: a run stopped at each point between reading and committing its offsets,
 * then restarted, leaves every record in every sink (and every malformed one in the quarantine) once; and a
 * continuous trigger picks up what is produced while it runs and stops between batches when asked. Records are
 * counted by topic/partition/offset against what the producer was told, never by prodi's summary.
 */
class KafkaExactlyOnceTest extends KafkaTestBase {
  @AfterEach
  void disarm() {
    FaultyFileSystem.disarm();
  }

  /** Where a micro-batch is stopped. */
  enum CrashPoint {
    DURING_THE_QUARANTINE_WRITE(Operation.CREATE, ".*/out/quarantine/.*part-.*"),
    BETWEEN_THE_TWO_SINKS(Operation.CREATE, ".*/out/copy/.*part-.*"),
    AFTER_THE_SINKS_BEFORE_THE_OFFSETS_COMMIT(Operation.CREATE, ".*/state/.*/_tmp-.*");

    final Operation operation;
    final String pattern;

    CrashPoint(Operation operation, String pattern) {
      this.operation = operation;
      this.pattern = pattern;
    }
  }

  private String config(String topic, String trigger) {
    folder.write("env.yml", "name: faulty\nstorage:\n  file:\n    hadoop:\n"
        + "      fs.file.impl: " + FaultyFileSystem.class.getName() + "\n      fs.file.impl.disable.cache: 'true'\n");
    return folder.write("bronze.yml", "layer: bronze\nenvironment_config: env.yml\nstate: {uri: state}\n" + trigger
        + "io:\n  source:\n    type: kafka\n    bootstrap_servers: " + LocalKafka.BOOTSTRAP + "\n    topics: [" + topic
        + "]\n    value: {format: json, schema: 'order_id INT, amount DOUBLE'}\n    max_records_per_run: 7\n"
        + "  sink:\n    - {path: out/main, format: delta, mode: append}\n    - {path: out/copy, mode: append}\n"
        + "dq:\n  quarantine: {path: out/quarantine, format: delta}\n");
  }

  /** 20 orders and 3 values that do not decode, over 2 partitions. */
  private static List<String> values() {
    List<String> values = IntStream.range(0, 20).mapToObj(i -> "{\"order_id\":" + i + ",\"amount\":" + i + "}")
        .collect(Collectors.toCollection(ArrayList::new));
    values.set(4, "not json");
    values.set(11, "{\"order_id\":\"x\"}");
    values.set(17, "{");
    return values;
  }

  private static TreeSet<String> where(List<RecordMetadata> produced, List<String> values, boolean good) {
    TreeSet<String> out = new TreeSet<>();
    for (int i = 0; i < produced.size(); i++) {
      boolean parses = values.get(i).startsWith("{\"order_id\":") && !values.get(i).contains("\"x\"");
      if (parses == good) {
        out.add(produced.get(i).partition() + "|" + produced.get(i).offset());
      }
    }
    return out;
  }

  private List<String> records(String format, String path) {
    return Rows.of(spark().read().format(format).load(at(path)), "_kafka_partition", "_kafka_offset");
  }

  @ParameterizedTest(name = "stopped {0}")
  @EnumSource(CrashPoint.class)
  void aRestartAfterAStopAtAnyPointLeavesEveryRecordInEverySinkOnce(CrashPoint point) {
    String topic = LocalKafka.newTopic("once", 2);
    List<String> values = values();
    List<RecordMetadata> produced = LocalKafka.produce(topic, 2, values);
    String cfg = config(topic, "");

    FaultyFileSystem.failOn(point.operation, point.pattern, 2); // the second batch's
    RunOutput crashed = run(cfg);
    assertThat(FaultyFileSystem.fired()).as("the fault fired").isEqualTo(1);
    assertThat(crashed.exitCode()).as(crashed.toString()).isEqualTo(1);
    FaultyFileSystem.disarm();

    RunOutput restarted = succeed(cfg);
    assertThat(restarted.out() + restarted.err()).contains("did not commit; this run reads exactly its range");
    for (String sink : List.of("delta:out/main", "parquet:out/copy")) {
      List<String> found = records(sink.split(":")[0], sink.split(":")[1]);
      assertThat(found).as(sink + ": no record twice").doesNotHaveDuplicates();
      assertThat(new TreeSet<>(found)).as(sink).isEqualTo(where(produced, values, true));
    }
    List<String> quarantined = records("delta", "out/quarantine");
    assertThat(quarantined).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(quarantined)).isEqualTo(where(produced, values, false));
  }

  @Test
  void aJdbcSinkTakesEachMicroBatchOnceWhenTheRunStopsAfterItsCommitBeforeTheOffsets() throws Exception {
    io.prodi.testing.LocalPostgres.requireServer();
    String topic = LocalKafka.newTopic("jdbc", 2);
    List<RecordMetadata> produced = LocalKafka.produce(topic, 2, IntStream.range(0, 12)
        .mapToObj(i -> "{\"order_id\":" + i + ",\"amount\":" + i + "}").collect(Collectors.toList()));
    String table = "stream_orders_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
    folder.write("env.yml", "name: faulty\nstorage:\n  file:\n    hadoop:\n"
        + "      fs.file.impl: " + FaultyFileSystem.class.getName() + "\n      fs.file.impl.disable.cache: 'true'\n");
    String cfg = folder.write("bronze.yml", "layer: bronze\nenvironment_config: env.yml\nstate: {uri: state}\nio:\n"
        + "  source:\n    type: kafka\n    bootstrap_servers: " + LocalKafka.BOOTSTRAP + "\n    topics: [" + topic + "]\n"
        + "    value: {format: json, schema: 'order_id INT, amount DOUBLE'}\n    max_records_per_run: 5\n"
        + "  sink: {type: jdbc, url: '" + io.prodi.testing.LocalPostgres.URL + "', table: " + table + ", mode: append,"
        + " auth: {user_env: PG_USER, password_env: PG_PASSWORD}}\n");
    String[] env = {"--env", "PG_USER=" + io.prodi.testing.LocalPostgres.USER, "--env",
        "PG_PASSWORD=" + io.prodi.testing.LocalPostgres.PASSWORD};

    FaultyFileSystem.failOn(Operation.CREATE, ".*/state/.*/_tmp-.*", 2); // after batch 2's database commit
    RunOutput crashed = run(cfg, env);
    assertThat(crashed.exitCode()).as(crashed.toString()).isEqualTo(1);
    FaultyFileSystem.disarm();
    RunOutput restarted = succeed(cfg, env);
    assertThat(restarted.err()).contains(table + ": an earlier attempt of this run committed these rows (prodi_commits "
        + "version 2); not appended again");

    List<String> rows = new ArrayList<>();
    try (java.sql.Connection c = io.prodi.testing.LocalPostgres.connect(); java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT _kafka_partition, _kafka_offset FROM " + table)) {
      while (r.next()) {
        rows.add(r.getInt(1) + "|" + r.getLong(2));
      }
      s.execute("DROP TABLE " + table);
    }
    assertThat(rows).as("no record twice").doesNotHaveDuplicates();
    assertThat(new TreeSet<>(rows)).isEqualTo(produced.stream().map(m -> m.partition() + "|" + m.offset())
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void aContinuousTriggerPicksUpNewRecordsAndStopsBetweenBatchesWhenAsked() throws Exception {
    String topic = LocalKafka.newTopic("live", 1);
    String cfg = folder.write("live.yml", "layer: bronze\nstate: {uri: state}\ntrigger: {every: PT1S}\nio:\n"
        + "  source:\n    type: kafka\n    bootstrap_servers: " + LocalKafka.BOOTSTRAP + "\n    topics: [" + topic
        + "]\n    value: {format: string}\n  sink: {path: out/main, format: delta, mode: append}\n");
    StopSignal stop = StopSignal.manual();
    CompletableFuture<RunOutput> running = CompletableFuture.supplyAsync(() -> LayerRuns.run(cfg, tmp, stop));

    List<RecordMetadata> produced = new ArrayList<>(LocalKafka.produce(topic, 1, List.of("a", "b", "c")));
    awaitRows(3);
    produced.addAll(LocalKafka.produce(topic, 1, List.of("d", "e")));
    awaitRows(5);
    stop.request();
    RunOutput run = running.get(60, TimeUnit.SECONDS);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).containsPattern("\\[bronze\\] stopped (after|before) micro-batch \\d+");
    assertThat(Rows.of(spark().read().format("delta").load(at("out/main")), "_kafka_offset", "value"))
        .containsExactly("0|a", "1|b", "2|c", "3|d", "4|e");
    assertThat(produced).extracting(RecordMetadata::offset).containsExactly(0L, 1L, 2L, 3L, 4L);

    RunOutput next = LayerRuns.run(cfg, tmp, stopAfterFirstBatch());
    assertThat(next.exitCode()).isZero();
    assertThat(Rows.of(spark().read().format("delta").load(at("out/main")), "_kafka_offset")).hasSize(5);
  }

  private static StopSignal stopAfterFirstBatch() {
    StopSignal stop = StopSignal.manual();
    CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stop.request();
    });
    return stop;
  }

  private void awaitRows(int rows) throws InterruptedException {
    long until = System.nanoTime() + LocalKafka.PATIENCE.toNanos();
    while (System.nanoTime() < until) {
      try {
        if (spark().read().format("delta").load(at("out/main")).count() >= rows) {
          return;
        }
      } catch (Exception notYet) { // the table's first commit is not there yet
        // wait
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the continuous run did not write " + rows + " rows within " + LocalKafka.PATIENCE);
  }
}
