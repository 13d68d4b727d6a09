package io.prodi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The event log's rows as an aligned table and a one-line chart of rows written per run, oldest to newest. */
final class HistoryText {
  private static final String[] HEADER = {"started (UTC)", "status", "duration", "rows in", "rows out",
      "failed checks", "watermark", "run id", "error"};
  /** How much of a failed run's error the table shows (--json has all of it). */
  private static final int ERROR_WIDTH = 60;
  private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();

  private HistoryText() {}

  static List<String> table(List<JsonNode> runs) {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    for (JsonNode run : runs) {
      cells.add(new String[] {started(run), run.path("status").asText(), seconds(run.path("duration_ms")),
          number(run.path("rows_in")), number(run.path("rows_out")), failedChecks(run), watermark(run),
          run.path("run_id").asText(), error(run)});
    }
    int[] widths = new int[HEADER.length];
    cells.forEach(row -> {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    });
    List<String> lines = new ArrayList<>();
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean numeric = i >= 2 && i <= 5;
        String cell = numeric ? " ".repeat(widths[i] - row[i].length()) + row[i]
            : row[i] + " ".repeat(widths[i] - row[i].length());
        line.append(i == 0 ? "" : "  ").append(cell);
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** "rows out per run, oldest first: ▁▃█▇ (min 10, max 42)", skipping runs that wrote nothing countable. */
  static List<String> chart(List<JsonNode> newestFirst) {
    List<JsonNode> runs = new ArrayList<>(newestFirst);
    Collections.reverse(runs);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (JsonNode run : runs) {
      if (run.path("rows_out").isNumber()) {
        min = Math.min(min, run.path("rows_out").asLong());
        max = Math.max(max, run.path("rows_out").asLong());
      }
    }
    if (min == Long.MAX_VALUE) {
      return List.of("rows out per run: none counted");
    }
    StringBuilder bars = new StringBuilder();
    for (JsonNode run : runs) {
      if (!run.path("rows_out").isNumber()) {
        bars.append("failed".equals(run.path("status").asText()) ? '×' : ' ');
        continue;
      }
      long rows = run.path("rows_out").asLong();
      int level = max == 0 ? 0 : (int) Math.round((BARS.length - 1) * (double) rows / max);
      bars.append(BARS[level]);
    }
    boolean failures = runs.stream().anyMatch(run -> "failed".equals(run.path("status").asText()));
    return List.of("rows out per run, oldest first: " + bars + "  (min " + min + ", max " + max + ")"
        + (failures ? "; × a failed run" : ""));
  }

  private static String started(JsonNode run) {
    String text = run.path("started_at").asText("");
    return text.length() >= 19 ? text.substring(0, 19).replace('T', ' ') : text;
  }

  private static String seconds(JsonNode millis) {
    return millis.isNumber() ? String.format(Locale.ROOT, "%.1f s", millis.asLong() / 1000.0) : "-";
  }

  private static String number(JsonNode value) {
    return value.isNumber() ? value.asText() : "-";
  }

  private static String failedChecks(JsonNode run) {
    JsonNode checks = run.path("expectations");
    return checks.size() == 0 ? "-" : run.path("failed_expectations").asInt() + " of " + checks.size();
  }

  /** The first line of a failed run's error, cut to {@link #ERROR_WIDTH}; "-" when there is none. */
  private static String error(JsonNode run) {
    JsonNode error = run.path("error");
    if (!error.isTextual() || error.asText().isBlank()) {
      return "-";
    }
    String first = error.asText().lines().findFirst().orElse("").strip();
    return first.length() <= ERROR_WIDTH ? first : first.substring(0, ERROR_WIDTH - 1) + "…";
  }

  private static String watermark(JsonNode run) {
    JsonNode marks = run.path("watermarks");
    return marks.size() == 0 || marks.get(0).path("after").isNull() ? "-" : marks.get(0).path("after").asText();
  }
}
