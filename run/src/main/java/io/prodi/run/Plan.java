package io.prodi.run;

import io.prodi.config.FunctionSpec;
import io.prodi.config.LayerConfig;
import io.prodi.dq.ExpectationSpec;
import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import io.prodi.storage.StorageSpec;
import io.prodi.transform.PreStep;
import io.prodi.yaml.ConfigFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a run would read, transform, check and write, and which watermark it would use. */
public final class Plan {
  private static final int SHOWN_SQL_LENGTH = 100;

  private Plan() {}

  public static List<String> lines(LayerConfig config, boolean dryRun) {
    List<String> lines = new ArrayList<>();
    String layer = config.layer().id();
    Map<String, StorageSpec> storage = config.locationStorage();
    lines.add("[" + layer + "] plan for " + config.uri() + (dryRun ? " (dry run)" : "")
        + config.environment().map(e -> "; environment " + e).orElse(""));
    int i = 1;
    for (SourceSpec source : config.sources()) {
      lines.add("  read    " + source.name().orElse("source " + i) + ": " + source.type() + format(source) + " "
          + source.location(storage, config.baseDir()));
      i++;
    }
    lines.add("  input   views __INPUT__, __BASE__" + tempView(config));
    for (PreStep step : config.transform().pre()) {
      lines.add("  pre     " + step.describe());
    }
    for (String sql : config.transform().sql()) {
      String flat = sql.replaceAll("\\s+", " ").trim();
      lines.add("  sql     " + (flat.length() > SHOWN_SQL_LENGTH ? flat.substring(0, SHOWN_SQL_LENGTH) + "..." : flat));
    }
    for (FunctionSpec function : config.transform().functions()) {
      lines.add("  call    " + function.className());
    }
    for (ExpectationSpec expectation : config.dq().expectations()) {
      lines.add("  check   " + expectation.describe());
    }
    if (!config.dq().expectations().isEmpty()) {
      lines.add("  dq      fail_on_error " + config.dq().failOnError()
          + config.dq().reportPath().map(p -> "; report " + ConfigFiles.resolveAgainst(config.baseDir(), p)
              + ".json, .md").orElse(""));
    }
    config.dq().quarantine().ifPresent(q -> lines.add("  quarantine " + sink(q, config)));
    for (SinkSpec sink : config.sinks()) {
      lines.add("  write   " + sink(sink, config));
    }
    if (config.refresh().isPresent()) {
      lines.add("  refresh " + refresh(config));
    } else {
      watermarks(config, lines);
    }
    return lines;
  }

  /** The policy, what the config alone decides, and where the refresh state is kept. */
  private static String refresh(LayerConfig config) {
    io.prodi.config.RefreshSpec spec = config.refresh().get();
    String why = io.prodi.config.RefreshRules.oneLine(io.prodi.config.RefreshRules.whyNotIncremental(config));
    String way = spec.policy() == io.prodi.config.RefreshSpec.Policy.FULL ? "the whole SQL every run"
        : !why.isEmpty() ? "full refresh: " + why
        : "by key where the query's plan allows (plan --analyze tells), in full on the first run";
    return spec.describe() + ": " + way + "; state " + io.prodi.run.StateIds.dataset(config) + "::"
        + config.layer().id() + "::refresh in " + StateIds.stateUri(config);
  }

  private static String tempView(LayerConfig config) {
    return config.transform().tempView().or(() -> config.layer().defaultTempView()).map(v -> ", " + v).orElse("");
  }

  private static void watermarks(LayerConfig config, List<String> lines) {
    for (SourceSpec source : config.sources()) {
      if (source.watermark().map(io.prodi.source.WatermarkSpec::planned).orElse(false)) {
        io.prodi.source.WatermarkSpec w = source.watermark().get();
        lines.add("  stream  trigger " + config.trigger().describe() + "; offsets " + StateIds.of(config, source, w)
            + " in " + StateIds.stateUri(config) + ", from " + w.defaultValue() + " when none is stored");
        continue;
      }
      source.watermark().ifPresent(w -> lines.add("  state   watermark " + StateIds.of(config, source, w)
          + " on " + w.field() + " in " + StateIds.stateUri(config) + "; from default " + w.defaultValue()
          + " when none is stored" + (w.lag().isZero() ? "" : ", minus lag " + w.lag())));
    }
  }

  private static String format(SourceSpec source) {
    return source.fileFormat().map(f -> " " + f).orElse("");
  }

  private static String sink(SinkSpec sink, LayerConfig config) {
    String format = sink.fileFormat().map(f -> " " + f).orElse("");
    String partitions = sink.fileFormat().isPresent() && !sink.partitionBy().isEmpty()
        ? ", partition_by " + String.join(", ", sink.partitionBy()) : "";
    String upsert = sink.upsert().map(m -> "; " + m.describe()).orElse("");
    return sink.type() + format + " " + sink.location(config.locationStorage(), config.baseDir())
        + " (mode " + sink.mode() + partitions + upsert + properties(sink) + ")";
  }

  /** The declared table properties, and a new Delta table's change data feed. */
  private static String properties(SinkSpec sink) {
    java.util.Map<String, String> declared = sink.tableProperties();
    String shown = declared.isEmpty() ? "" : "; table_properties " + new java.util.TreeMap<>(declared).entrySet()
        .stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    boolean delta = sink.tableFormat().filter(f -> f == io.prodi.storage.TableFormat.DELTA).isPresent();
    return delta && !declared.containsKey(io.prodi.sink.TableProperties.DELTA_CHANGE_DATA_FEED)
        ? shown + "; change data feed on when created" : shown;
  }
}
