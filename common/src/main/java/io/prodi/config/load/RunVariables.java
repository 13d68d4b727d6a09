package io.prodi.config.load;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The variables of a run: built-ins ({@code ds}, {@code ds_iso}, {@code run_id}) under {@code --vars}. */
public final class RunVariables {
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunVariables() {}

  /** A unique id of a run: its UTC start time and a random suffix. */
  public static String newRunId(Instant start) {
    return RUN_ID_TIME.format(start) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Built-ins for a run that started at {@code start}, overridden by {@code given}. */
  public static Map<String, String> of(Instant start, String runId, Map<String, String> given) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("ds", DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(start));
    vars.put("ds_iso", DateTimeFormatter.ISO_INSTANT.format(start.truncatedTo(ChronoUnit.SECONDS)));
    vars.put("run_id", runId);
    vars.putAll(given);
    return Map.copyOf(vars);
  }
}
