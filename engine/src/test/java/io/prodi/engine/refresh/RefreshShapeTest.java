package io.prodi.engine.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.TestSession;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shapes a refresh by key supports, read off Spark's analyzed plan: each supported query gives its key, each
 * unsupported construct the reason a run and {@code plan --analyze} print. Plans only: no job runs.
 */
class RefreshShapeTest {
  private static SparkSession spark;

  @BeforeAll
  static void views() {
    spark = TestSession.get();
    spark.sql("SELECT * FROM VALUES (1, 'a', DATE'2024-01-01', 2.0, 'x') AS t(id, account, day, amount, note)")
        .createOrReplaceTempView("tx");
    spark.sql("SELECT * FROM VALUES ('a', 'north') AS t(account, region)").createOrReplaceTempView("dim");
  }

  private static RefreshShape shape(String sql, String... keys) {
    return RefreshShape.of(spark.sql(sql).queryExecution().analyzed(), Set.of("tx"), "tx", List.of(keys));
  }

  private static String whyNot(String sql, String... keys) {
    return shape(sql, keys).whyNot().orElse("(refreshes by key on " + shape(sql, keys).keys() + ")");
  }

  @Test
  void aGroupByIsKeyedByItsGroupsAsTheOutputNamesThem() {
    assertThat(shape("SELECT account, to_date(day) AS d, sum(amount) AS s, count(DISTINCT note) AS n, "
        + "max(amount) AS m FROM tx GROUP BY account, to_date(day)").keys()).containsExactly("account", "d");
    assertThat(shape("SELECT a AS acct, s FROM (SELECT account AS a, sum(amount) AS s FROM tx GROUP BY account) "
        + "ORDER BY s").keys()).as("through a rename above the GROUP BY").containsExactly("acct");
    assertThat(shape("WITH t AS (SELECT * FROM tx WHERE amount > 0) SELECT account, count(*) AS n FROM t "
        + "GROUP BY account").keys()).as("a WITH query").containsExactly("account");
    assertThat(shape("WITH g AS (SELECT account, sum(amount) AS s FROM tx GROUP BY account) SELECT account AS a, s "
        + "FROM g").keys()).as("a GROUP BY in a WITH query").containsExactly("a");
    assertThat(shape("SELECT region, day, sum(amount) AS s FROM tx JOIN dim ON tx.account = dim.account "
        + "GROUP BY region, day").keys()).as("a join with a table read whole").containsExactly("region", "day");
    assertThat(shape("SELECT tx.id, region FROM tx LEFT JOIN dim ON tx.account = dim.account", "id").keys())
        .containsExactly("id");
    assertThat(shape("SELECT id, upper(note) AS n FROM tx WHERE amount > 1", "id").keys()).containsExactly("id");
  }

  @Test
  void eachUnsupportedConstructIsNamed() {
    assertThat(whyNot("SELECT id, rank() OVER (ORDER BY amount) AS r FROM tx", "id"))
        .isEqualTo("a window function (OVER)");
    assertThat(whyNot("SELECT id FROM tx ORDER BY amount LIMIT 3", "id")).isEqualTo("LIMIT");
    assertThat(whyNot("SELECT id FROM tx UNION ALL SELECT id FROM tx", "id")).isEqualTo("UNION");
    assertThat(whyNot("SELECT account, day, sum(amount) FROM tx GROUP BY ROLLUP(account, day)"))
        .isEqualTo("GROUPING SETS, ROLLUP or CUBE");
    assertThat(whyNot("SELECT DISTINCT account FROM tx", "account")).isEqualTo("SELECT DISTINCT (use GROUP BY)");
    assertThat(whyNot("SELECT account, sum(amount) AS s FROM tx GROUP BY account HAVING sum(amount) > 1"))
        .isEqualTo("HAVING (a filter on the aggregated groups)");
    assertThat(whyNot("SELECT sum(amount) AS s FROM tx"))
        .isEqualTo("a global aggregate (no GROUP BY) has one row, recomputed whole");
    assertThat(whyNot("SELECT a, count(*) AS n FROM (SELECT account AS a, sum(amount) AS s FROM tx GROUP BY account) "
        + "GROUP BY a")).isEqualTo("two GROUP BYs (one above the other, or in a subquery)");
    assertThat(whyNot("SELECT sum(amount) AS s FROM tx GROUP BY account")).startsWith("GROUP BY ")
        .endsWith(" is not among the output's columns (s)");
    assertThat(whyNot("SELECT id, current_date() AS today FROM tx", "id")).isEqualTo("current_date()");
    assertThat(whyNot("SELECT id, rand() AS r FROM tx", "id")).isEqualTo("a non-deterministic function (rand)");
    assertThat(whyNot("SELECT id FROM tx WHERE account IN (SELECT account FROM dim)", "id"))
        .isEqualTo("a subquery (IN)");
    assertThat(whyNot("SELECT dim.region, tx.id FROM dim LEFT JOIN tx ON tx.account = dim.account", "id"))
        .isEqualTo("a LEFT OUTER join with tx on its right side");
    assertThat(whyNot("SELECT a.id FROM tx a JOIN tx b ON a.id = b.id", "id")).isEqualTo("a join of tx with itself");
    assertThat(whyNot("SELECT id FROM tx")).isEqualTo("the query has no GROUP BY and refresh.keys names no unique key "
        + "of its output");
    assertThat(whyNot("SELECT id FROM tx", "account")).isEqualTo("refresh.keys names account, not among the output's "
        + "columns (id)");
    assertThat(whyNot("SELECT region FROM dim", "region")).isEqualTo("the SQL does not read tx, the source read by "
        + "version");
  }
}
