package io.prodi.engine.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.engine.spi.StepContext;
import io.prodi.engine.change.ChangeModel.Change;
import io.prodi.sink.MergeSpec;
import io.prodi.sink.SinkSpec;
import io.prodi.testing.Rows;
import io.prodi.testing.TestSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Order independence (a property test): hundreds of random change sets (inserts, updates, deletes,
 * reinserts, exact duplicates, late changes), each split into random batches applied in random order,
 * give the table that applying every change at once gives, computed by {@link ChangeModel} without Spark.
 * The sets use disjoint keys, so one round applies the next batch of every set in one Spark run.
 */
class ChangeOrderPropertyTest {
  private static final int SETS = 240;
  private static final StructType INPUT = StructType.fromDDL(
      "set_id INT, id INT, seq BIGINT, op STRING, segment STRING, email STRING");

  @TempDir
  Path tmp;

  enum Mode {
    MERGE("merge", ""),
    SCD2("scd2", ", track_history: [segment]");

    final String word;
    final String extra;

    Mode(String word, String extra) {
      this.word = word;
      this.extra = extra;
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anyBatchingInAnyOrderGivesTheAllAtOnceTable(Mode mode) {
    Random random = new Random(20261204L + mode.ordinal());
    List<Change> all = new ArrayList<>();
    List<List<List<Change>>> batchesOfSets = new ArrayList<>();
    for (int set = 0; set < SETS; set++) {
      List<Change> changes = changeSet(random, set);
      all.addAll(changes);
      batchesOfSets.add(batches(random, changes));
    }
    String batched = tmp.resolve("batched").toString();
    int rounds = batchesOfSets.stream().mapToInt(List::size).max().orElseThrow();
    for (int round = 0; round < rounds; round++) {
      List<Change> applied = new ArrayList<>();
      for (List<List<Change>> batches : batchesOfSets) {
        if (round < batches.size()) {
          applied.addAll(batches.get(round));
        }
      }
      apply(mode, applied, batched);
    }
    String atOnce = tmp.resolve("at-once").toString();
    apply(mode, all, atOnce);

    List<String> expected = mode == Mode.MERGE ? ChangeModel.latest(all) : ChangeModel.history(all);
    assertThat(expected.size()).as("the sets leave rows").isGreaterThan(SETS);
    assertThat(table(mode, atOnce)).as("all at once").isEqualTo(expected);
    assertThat(table(mode, batched)).as("in %d rounds of random batches", rounds).isEqualTo(expected);
    if (mode == Mode.SCD2) {
      List<String> everyChangeOnce = all.stream().map(c -> c.set + "|" + c.id + "|" + c.seq + "|" + c.delete)
          .distinct().sorted().collect(java.util.stream.Collectors.toList());
      assertThat(Rows.of(TestSession.get().read().format("delta").load(tmp.resolve("_prodi_batched/changes")
          .toString()), "set_id", "id", "seq", "_prodi_delete")).as("the change log holds every change once")
          .isEqualTo(everyChangeOnce);
    }
  }

  /** Up to 14 changes of up to 4 keys: distinct sequences per key, a fifth of them deletes, some exact duplicates. */
  private static List<Change> changeSet(Random random, int set) {
    List<Change> changes = new ArrayList<>();
    int count = 1 + random.nextInt(14);
    List<Long> used = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int id = random.nextInt(4);
      long seq = 1 + random.nextInt(40);
      if (used.contains(id * 1000L + seq)) {
        continue;
      }
      used.add(id * 1000L + seq);
      boolean delete = random.nextInt(5) == 0;
      String segment = random.nextInt(6) == 0 ? null : "s" + random.nextInt(2);
      changes.add(new Change(set, id, seq, delete, segment, "e" + random.nextInt(3)));
    }
    int duplicates = random.nextInt(3);
    for (int i = 0; i < duplicates && !changes.isEmpty(); i++) {
      changes.add(changes.get(random.nextInt(changes.size())));
    }
    return changes;
  }

  /** The changes dealt into 1 to 4 batches at random, the batches in random order. */
  private static List<List<Change>> batches(Random random, List<Change> changes) {
    int count = 1 + random.nextInt(4);
    List<List<Change>> batches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batches.add(new ArrayList<>());
    }
    changes.forEach(c -> batches.get(random.nextInt(count)).add(c));
    Collections.shuffle(batches, random);
    return batches;
  }

  private void apply(Mode mode, List<Change> changes, String path) {
    SparkSession spark = TestSession.get();
    List<Row> rows = new ArrayList<>();
    changes.forEach(c -> rows.add(RowFactory.create(c.set, c.id, c.seq, c.delete ? "D" : "U", c.segment, c.email)));
    Dataset<Row> input = spark.createDataFrame(rows, INPUT);
    SinkSpec sink = ChangeSinks.sink("{format: delta, path: '" + path + "', mode: " + mode.word + ", merge: {keys: "
        + "[set_id, id], sequence_by: seq, delete_when: \"op = 'D'\", except_columns: [op]" + mode.extra + "}}");
    MergeSpec spec = ChangeSinks.merge(sink);
    new ChangeData(sink.mode(), spec, List.of()).intoPath(input, path,
        new StepContext(spark, null, "property", null, null));
  }

  private static List<String> table(Mode mode, String path) {
    Dataset<Row> table = TestSession.get().read().format("delta").load(path);
    return mode == Mode.MERGE ? Rows.of(table, "set_id", "id", "seq", "segment", "email")
        : Rows.of(table, "set_id", "id", "seq", "segment", "email", "_valid_from", "_valid_to", "_is_current");
  }
}
