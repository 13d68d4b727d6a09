package io.prodi.engine.dq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.dq.ExpectationResult;
import io.prodi.dq.ExpectationSpec;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.Path;

/** The data-quality report: {@code <report.path>.json} and {@code <report.path>.md}, on any file system. */
public final class DqReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DqReport() {}

  /** One JSON object per expectation, the shape the summary's expectations use too. */
  public static ObjectNode json(ExpectationResult result) {
    ObjectNode node = JSON.createObjectNode();
    ExpectationSpec spec = result.spec();
    node.put("name", spec.name());
    node.put("type", spec.type().id());
    ArrayNode columns = node.putArray("columns");
    spec.columns().forEach(columns::add);
    node.put("severity", spec.severity().id());
    node.put("on_fail", spec.onFail().id());
    node.put("status", result.passed() ? "passed" : "failed");
    node.put("rows_checked", result.rowsChecked().orElse(null));
    node.put("failed", result.rowsFailed().orElse(null));
    result.observed().ifPresent(o -> node.put("observed", o));
    ArrayNode samples = node.putArray("samples");
    result.samples().forEach(samples::add);
    return node;
  }

  public static void write(String path, String layer, String runId, String outcome, List<ExpectationResult> results,
      StepContext context) {
    ObjectNode report = JSON.createObjectNode();
    report.put("layer", layer);
    report.put("run_id", runId);
    report.put("outcome", outcome);
    ArrayNode items = report.putArray("expectations");
    results.forEach(r -> items.add(json(r)));
    try {
      write(context, new Path(path + ".json"), JSON.writeValueAsString(report) + "\n");
      write(context, new Path(path + ".md"), markdown(layer, runId, outcome, results));
    } catch (IOException e) {
      throw new RunFailure("Cannot write the data-quality report: " + e.getMessage() + " (" + path + ")", e);
    }
  }

  static String markdown(String layer, String runId, String outcome, List<ExpectationResult> results) {
    StringBuilder md = new StringBuilder("# Data quality: " + layer + "\n\nRun `" + runId + "`: " + outcome + ".\n\n");
    md.append("| expectation | type | columns | severity | on_fail | status | rows checked | failed | samples |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (ExpectationResult r : results) {
      ExpectationSpec s = r.spec();
      md.append("| ").append(s.name()).append(" | ").append(s.type().id()).append(" | ")
          .append(String.join(", ", s.columns())).append(" | ").append(s.severity()).append(" | ").append(s.onFail())
          .append(" | ").append(r.passed() ? "passed" : "**failed**").append(" | ")
          .append(r.rowsChecked().map(String::valueOf).orElse("")).append(" | ")
          .append(r.rowsFailed().map(String::valueOf).orElse(r.observed().orElse(""))).append(" | ")
          .append(String.join(", ", r.samples()).replace("|", "\\|")).append(" |\n");
    }
    return md.toString();
  }

  private static void write(StepContext context, Path path, String text) throws IOException {
    try (OutputStream out = path.getFileSystem(context.spark().sessionState().newHadoopConf()).create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
