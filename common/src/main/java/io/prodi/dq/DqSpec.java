package io.prodi.dq;

import io.prodi.sink.SinkSpec;
import io.prodi.sink.SinkTypes;
import io.prodi.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code dq} block of a layer: expectations, whether failures end the run, quarantine and report. */
public final class DqSpec {
  public static final Set<String> REPORT_KEYS = Set.of("path");
  public static final Set<String> KEYS = Set.of("expectations", "fail_on_error", "quarantine", "report", "rules");

  private final List<ExpectationSpec> expectations;
  private final boolean failOnError;
  private final SinkSpec quarantine;
  private final String reportPath;

  private DqSpec(List<ExpectationSpec> expectations, boolean failOnError, SinkSpec quarantine, String reportPath) {
    this.expectations = List.copyOf(expectations);
    this.failOnError = failOnError;
    this.quarantine = quarantine;
    this.reportPath = reportPath;
  }

  public static DqSpec none() {
    return new DqSpec(List.of(), true, null, null);
  }

  public static DqSpec bind(ConfigNode node) {
    if (node.isMissing()) {
      return none();
    }
    node.allowKeys("dq", KEYS);
    List<ExpectationSpec> expectations = new ArrayList<>();
    for (ConfigNode item : node.get("expectations").elements()) {
      ExpectationTypes.bind(item).ifPresent(expectations::add);
    }
    for (ConfigNode item : node.get("rules").elements()) {
      ExpectationTypes.bind(item).ifPresent(expectations::add);
    }
    checkNames(node, expectations);
    ConfigNode report = node.get("report");
    report.allowKeys("dq.report", REPORT_KEYS);
    SinkSpec quarantine = node.has("quarantine")
        ? SinkTypes.bind(node.get("quarantine"), io.prodi.sink.WriteMode.APPEND).orElse(null) : null;
    if (quarantine == null && !node.has("quarantine")) {
      expectations.stream().filter(e -> e.onFail() == OnFail.QUARANTINE).findFirst().ifPresent(e ->
          node.get("quarantine").error("Cannot quarantine the rows of " + e.name()
              + ": dq.quarantine names no sink (missing)"));
    }
    Boolean failOnError = node.get("fail_on_error").bool();
    return new DqSpec(expectations, failOnError == null || failOnError, quarantine,
        report.isMap() ? report.get("path").requiredText("the report path") : null);
  }

  private static void checkNames(ConfigNode node, List<ExpectationSpec> expectations) {
    Set<String> seen = new java.util.HashSet<>();
    for (ExpectationSpec e : expectations) {
      if (!seen.add(e.name())) {
        node.get("expectations").error("Cannot name two expectations " + e.name()
            + ": names must be unique within a layer, give one a name (" + e.name() + ")");
      }
    }
  }

  public List<ExpectationSpec> expectations() {
    return expectations;
  }

  public boolean failOnError() {
    return failOnError;
  }

  public Optional<SinkSpec> quarantine() {
    return Optional.ofNullable(quarantine);
  }

  public Optional<String> reportPath() {
    return Optional.ofNullable(reportPath);
  }

  /** This block writing its quarantine and report elsewhere (for {@code prodi test}). */
  public DqSpec redirected(SinkSpec newQuarantine, String newReportPath) {
    return new DqSpec(expectations, failOnError, quarantine == null ? null : newQuarantine,
        reportPath == null ? null : newReportPath);
  }

  /** This block with each expectation replaced by what {@code replace} makes of it. */
  public DqSpec withExpectations(java.util.function.UnaryOperator<ExpectationSpec> replace) {
    List<ExpectationSpec> replaced = new ArrayList<>();
    expectations.forEach(e -> replaced.add(replace.apply(e)));
    return new DqSpec(replaced, failOnError, quarantine, reportPath);
  }

  /**
   * This block with the built-in {@code value_parses} expectation, for a layer whose source decodes values,
   * unless the config names it: its rows quarantined when there is a quarantine, else the run fails.
   */
  public DqSpec withValueParses() {
    if (expectations.stream().anyMatch(e -> e instanceof ValueParsesSpec)) {
      return this;
    }
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "value_parses")
            .put("on_fail", quarantine != null ? "quarantine" : "fail");
    List<ExpectationSpec> all = new ArrayList<>(expectations);
    ExpectationTypes.bind(io.prodi.yaml.ConfigNode.root(tree, new io.prodi.yaml.Findings("(built in)")))
        .ifPresent(all::add);
    return new DqSpec(all, failOnError, quarantine, reportPath);
  }

  /** This block with {@code fail_on_error} as a command-line flag says. */
  public DqSpec withFailOnError(boolean value) {
    return new DqSpec(expectations, value, quarantine, reportPath);
  }
}
