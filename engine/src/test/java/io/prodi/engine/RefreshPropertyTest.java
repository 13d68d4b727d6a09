package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Seeded random histories of a Delta silver (inserts, updates that move rows between groups, deletes that empty
 * groups, groups refilled, null group keys), each batch one commit, the gold refreshed by key after each: the gold
 * must equal the same SQL run whole over the silver's current version (Spark's own result is the oracle; doubles
 * compared to 9 significant digits, collected lists sorted in the SQL). Three shapes: a GROUP BY with
 * sum/count/avg/min/max/count distinct/collect_list, a filter + projection keyed by id, and a GROUP BY over a join with
 * a table read whole. {@code -Dprodi.refresh.histories=N} runs N histories (CI: 6, two per shape, four refreshes
 * each).
 */
class RefreshPropertyTest extends LayerTestBase {
  private static final int HISTORIES = Integer.getInteger("prodi.refresh.histories", 6);
  private static final int BATCHES = 3;
  private static final String[] ACCOUNTS = {"a", "b", "c", null};
  private static final String[] SHAPES = {
      "SELECT account, day, sum(amount) AS total, count(*) AS n, count(amount) AS amounts, avg(amount) AS mean, "
          + "min(amount) AS low, max(amount) AS high, count(DISTINCT note) AS notes, "
          + "sort_array(collect_list(note)) AS note_list FROM tx GROUP BY account, day",
      "SELECT id, account, upper(note) AS note, amount * 2 AS doubled FROM tx WHERE amount > 0 OR amount IS NULL",
      "SELECT region, day, sum(amount) AS total, count(*) AS n, max(id) AS last_id FROM tx JOIN dim "
          + "ON tx.account = dim.account GROUP BY region, day"};
  private static final String[] REFRESH = {"auto", "{policy: incremental, keys: [id]}", "incremental"};

  @Test
  void incrementalRefreshesEqualTheFullResultAfterEveryRandomBatch() {
    spark().sql("CREATE TABLE delta.`" + at("dim") + "` (account STRING, region STRING) USING delta");
    spark().sql("INSERT INTO delta.`" + at("dim") + "` VALUES ('a', 'north'), ('b', 'north'), ('c', 'south')");
    for (int history = 0; history < HISTORIES; history++) {
      int shape = history % SHAPES.length;
      Random random = new Random(1000L + history);
      String silver = at("h" + history + "/silver");
      spark().sql("CREATE TABLE delta.`" + silver + "` (id INT, account STRING, day STRING, amount DOUBLE, note STRING)"
          + " USING delta TBLPROPERTIES (delta.enableChangeDataFeed = true)");
      String cfg = folder.write("h" + history + "/gold.yml", "layer: gold\nstate: {uri: h" + history + "/state}\n"
          + "refresh: " + REFRESH[shape] + "\nio:\n  source:\n"
          + "    - {name: tx, format: delta, path: h" + history + "/silver, incremental: {by: version}}\n"
          + (shape == 2 ? "    - {name: dim, format: delta, path: dim}\n" : "")
          + "  sink: {path: h" + history + "/gold, format: delta}\ntransform:\n  sql: \"" + SHAPES[shape] + "\"\n");
      List<Integer> ids = new ArrayList<>();
      for (int batch = 0; batch <= BATCHES; batch++) {
        commit(silver, random, ids, batch == 0);
        String way = summary(succeed(cfg)).path("refresh").path("way").asText();
        assertThat(way).as("history %d batch %d", history, batch).isEqualTo(batch == 0 ? "full" : "incremental");
        assertThat(rows(spark().read().format("delta").load(at("h" + history + "/gold"))))
            .as("history %d (seed %d) after batch %d: %s", history, 1000 + history, batch, SHAPES[shape])
            .containsExactlyElementsOf(rows(full(silver, SHAPES[shape])));
      }
    }
  }

  /** One commit of random inserts, updates and deletes (some emptying a group), as a single MERGE. */
  private void commit(String silver, Random random, List<Integer> ids, boolean first) {
    List<String> changes = new ArrayList<>();
    int count = first ? 12 : 2 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      int op = ids.isEmpty() || first ? 0 : random.nextInt(3);
      if (op == 0) {
        int id = ids.isEmpty() ? 0 : ids.stream().mapToInt(Integer::intValue).max().getAsInt() + 1 + random.nextInt(2);
        ids.add(id);
        changes.add(row(id, random, "i"));
      } else {
        Integer id = ids.get(random.nextInt(ids.size()));
        if (changes.stream().anyMatch(c -> c.startsWith("(" + id + ","))) {
          continue;
        }
        if (op == 2) {
          ids.remove(id);
        }
        changes.add(row(id, random, op == 1 ? "u" : "d"));
      }
    }
    if (!first && random.nextInt(4) == 0) { // empty a whole group: every row of one account
      String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
      spark().sql("DELETE FROM delta.`" + silver + "` WHERE account " + (account == null ? "IS NULL" : "= '"
          + account + "'"));
      ids.clear();
      spark().read().format("delta").load(silver).select("id").collectAsList().forEach(r -> ids.add(r.getInt(0)));
    }
    if (changes.isEmpty()) {
      return;
    }
    spark().sql("MERGE INTO delta.`" + silver + "` t USING (SELECT * FROM VALUES " + String.join(", ", changes)
        + " AS c(id, account, day, amount, note, op)) s ON t.id = s.id "
        + "WHEN MATCHED AND s.op = 'd' THEN DELETE "
        + "WHEN MATCHED THEN UPDATE SET account = s.account, day = s.day, amount = s.amount, note = s.note "
        + "WHEN NOT MATCHED AND s.op = 'i' THEN INSERT (id, account, day, amount, note) "
        + "VALUES (s.id, s.account, s.day, s.amount, s.note)");
  }

  private static String row(int id, Random random, String op) {
    String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
    String amount = random.nextInt(8) == 0 ? "CAST(NULL AS DOUBLE)"
        : String.format(Locale.ROOT, "CAST(%.1f AS DOUBLE)", random.nextInt(101) / 10.0 - 5);
    String note = random.nextInt(4) == 0 ? "CAST(NULL AS STRING)" : "'" + (char) ('x' + random.nextInt(3)) + "'";
    return "(" + id + ", " + (account == null ? "CAST(NULL AS STRING)" : "'" + account + "'") + ", 'd"
        + (1 + random.nextInt(2)) + "', " + amount + ", " + note + ", '" + op + "')";
  }

  private org.apache.spark.sql.Dataset<Row> full(String silver, String sql) {
    spark().read().format("delta").load(silver).createOrReplaceTempView("tx");
    spark().read().format("delta").load(at("dim")).createOrReplaceTempView("dim");
    return spark().sql(sql);
  }

  /** Each row as text, doubles to 9 significant digits, sorted: a multiset comparison. */
  private static List<String> rows(org.apache.spark.sql.Dataset<Row> data) {
    String[] columns = data.columns();
    return data.collectAsList().stream().map(r -> {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < columns.length; i++) {
        Object value = r.isNullAt(i) ? null : r.get(i);
        values.add(value instanceof Double ? String.format(Locale.ROOT, "%.9g", (Double) value)
            : value instanceof scala.collection.Seq ? scala.collection.JavaConverters.seqAsJavaList(
                (scala.collection.Seq<?>) value).toString() : String.valueOf(value));
      }
      return String.join("|", values);
    }).sorted().collect(Collectors.toList());
  }
}
