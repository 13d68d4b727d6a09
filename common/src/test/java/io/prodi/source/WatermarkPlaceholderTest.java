package io.prodi.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkPlaceholderTest {
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/prodi";

  @Test
  void aBarePlaceholderBecomesAQuotedLiteral() {
    assertThat(WatermarkPlaceholder.substitute("SELECT * FROM t WHERE ts > ${RAW_WM_TS}", "${RAW_WM_TS}",
        "2024-01-01", PG)).isEqualTo("SELECT * FROM t WHERE ts > '2024-01-01'");
  }

  @Test
  void aPlaceholderInsideQuotesGetsTheEscapedValueWithoutMoreQuotes() {
    assertThat(WatermarkPlaceholder.substitute("SELECT * FROM t WHERE ts > '${RAW_WM_TS}'", "${RAW_WM_TS}",
        "x' OR '1'='1", PG)).isEqualTo("SELECT * FROM t WHERE ts > 'x'' OR ''1''=''1'");
  }

  @Test
  void aValueWithACommentMarkerStaysInsideTheString() {
    assertThat(WatermarkPlaceholder.substitute("SELECT 1 WHERE a = '${W}' AND b = ${W}", "${W}", "--x", PG))
        .isEqualTo("SELECT 1 WHERE a = '--x' AND b = '--x'");
  }

  @Test
  void aPlaceholderInACommentIsLeftAlone() {
    assertThat(WatermarkPlaceholder.substitute("SELECT 1 -- since ${W}\nWHERE a > ${W}", "${W}", "v", PG))
        .isEqualTo("SELECT 1 -- since ${W}\nWHERE a > 'v'");
  }

  @Test
  void backslashesAreEscapedWhereStringsTakeThem() {
    assertThat(WatermarkPlaceholder.substitute("WHERE a > '${W}'", "${W}", "\\'", "jdbc:mysql://h/db"))
        .isEqualTo("WHERE a > '\\\\'''");
    assertThat(WatermarkPlaceholder.substitute("WHERE a > E'${W}'", "${W}", "\\", PG)).isEqualTo("WHERE a > E'\\\\'");
    assertThat(WatermarkPlaceholder.substitute("WHERE a > '${W}'", "${W}", "\\", PG)).isEqualTo("WHERE a > '\\'");
  }
}
