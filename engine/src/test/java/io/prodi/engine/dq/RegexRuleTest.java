package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.TestSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A regex check that is plain text becomes a substring or prefix test, with RLIKE's answers on every value. */
class RegexRuleTest {
  private static final List<String> VALUES = Arrays.asList(null, "", "a@x.io", "@", "bad-email", "x\n@",
      "\n^@", "ñ@ü", "ab-cd ef", "AB", "user@mail.com\n", "#1 = 2", "a'b\"c");
  private static final List<String> PATTERNS = List.of("@", "^@", "bad-", "^ab-cd e", "x.io", "@$", "^[a-z]+$",
      "AB", "^", "", "#1 = ", "a'b\"", "^\\^@", "m$", "a|b");

  @Test
  void matchesWhatRlikeMatchesAndSkipsTheRegexOnPlainText() {
    Dataset<Row> values = TestSession.get().createDataset(VALUES, Encoders.STRING()).toDF("v");
    for (String pattern : PATTERNS) {
      Column rule = RegexRule.matches(col("v"), pattern);
      List<Row> both = values.select(col("v"), rule.as("rule"), col("v").rlike(pattern).as("rlike")).collectAsList();
      List<String> different = new ArrayList<>();
      both.stream().filter(r -> !java.util.Objects.equals(r.get(1), r.get(2))).forEach(r -> different.add(r.getString(0)));
      assertThat(different).as("pattern %s", pattern).isEmpty();
      boolean plain = !pattern.matches(".*[\\\\.$\\[\\]|ñ].*") && !pattern.substring(Math.min(1, pattern.length())).contains("^");
      assertThat(values.select(rule).queryExecution().analyzed().toString()).as("pattern %s", pattern)
          .satisfies(plan -> assertThat(plan.contains("RLIKE")).isEqualTo(!plain));
    }
  }
}
