package io.prodi.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.yaml.ConfigProblem;
import io.prodi.yaml.Findings;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
  private final Findings findings = new Findings("cfg.yml");

  private String render(String text, Map<String, String> vars) {
    return TemplateRenderer.render(text, vars, findings);
  }

  @Test
  void rendersDollarForms() {
    Map<String, String> vars = Map.of("bucket", "gs://b", "ds", "2024-06-30");
    assertThat(render("uri: ${bucket}/raw/$ds/x", vars)).isEqualTo("uri: gs://b/raw/2024-06-30/x");
    assertThat(findings.problems()).isEmpty();
  }

  @Test
  void leavesUnknownDollarNamesAsWritten() {
    assertThat(render("WHERE ts > ${RAW_WM_TS} AND $OTHER", Map.of())).isEqualTo("WHERE ts > ${RAW_WM_TS} AND $OTHER");
  }

  @Test
  void doubleDollarIsALiteralDollar() {
    assertThat(render("pattern: '^a$$' cost: $$5 $${x}", Map.of("x", "no"))).isEqualTo("pattern: '^a$' cost: $5 ${x}");
  }

  @Test
  void dollarNotFollowedByANameStays() {
    assertThat(render("regex: '^[0-9]+$'", Map.of())).isEqualTo("regex: '^[0-9]+$'");
  }

  @Test
  void rendersJinjaWithValuesAndDefaultsInEitherQuote() {
    Map<String, String> vars = Map.of("ds", "2024-06-30");
    assertThat(render("a: {{ ds }} b: {{ env | default('dev') }} c: {{env|default(\"qa\")}}", vars))
        .isEqualTo("a: 2024-06-30 b: dev c: qa");
  }

  @Test
  void givenValueWinsOverDefault() {
    assertThat(render("{{ env | default('dev') }}", Map.of("env", "prod"))).isEqualTo("prod");
  }

  @Test
  void jinjaWithoutValueOrDefaultIsAnErrorNamingTheVariableAndLine() {
    render("a: 1\nb: {{ missing }}\n", Map.of());
    assertThat(findings.problems()).extracting(ConfigProblem::line).containsExactly(
        "cfg.yml: line 2: Cannot render {{ missing }}: variable missing has no value and no default; "
            + "pass --vars missing=... ({{ missing }})");
  }

  @Test
  void malformedJinjaIsAnError() {
    render("x: {{ a b }}", Map.of());
    assertThat(findings.problems()).extracting(ConfigProblem::message).containsExactly(
        "Cannot render {{ a b }}: expected {{ NAME }} or {{ NAME | default('value') }} ({{ a b }})");
  }

  @Test
  void valuesAreInsertedLiterallyWithoutBeingRenderedAgain() {
    assertThat(render("v: ${a}", Map.of("a", "$b {{ c }} x=y"))).isEqualTo("v: $b {{ c }} x=y");
    assertThat(findings.problems()).isEmpty();
  }

  @Test
  void builtInsAreTheRunDateTimestampAndIdAndCanBeOverridden() {
    Instant start = Instant.parse("2024-06-30T23:59:58.123Z");
    Map<String, String> vars = RunVariables.of(start, "run-1", Map.of());
    assertThat(vars).containsEntry("ds", "2024-06-30").containsEntry("ds_iso", "2024-06-30T23:59:58Z")
        .containsEntry("run_id", "run-1");
    assertThat(RunVariables.of(start, "run-1", Map.of("ds", "2020-01-01"))).containsEntry("ds", "2020-01-01");
  }

  @Test
  void runIdsAreUnique() {
    Instant now = Instant.now();
    assertThat(RunVariables.newRunId(now)).isNotEqualTo(RunVariables.newRunId(now)).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
  }
}
