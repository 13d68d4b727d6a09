package io.prodi.config;

import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import io.prodi.source.WatermarkSpec;
import io.prodi.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a layer's config alone says about {@code refresh}: the mistakes that no policy allows (a stream, a watermark
 * on a column, a sink that appends), and why a refresh cannot be incremental ({@link #whyNotIncremental}: an error
 * at its YAML path under {@code refresh: incremental}, the reason of a full refresh under {@code auto}). What the
 * query's plan, the state and the sources' histories say is the run's to find.
 */
public final class RefreshRules {
  private RefreshRules() {}

  /** One reason a refresh cannot be incremental, at the YAML path of what causes it. */
  public static final class Reason {
    private final String path;
    private final String why;

    Reason(String path, String why) {
      this.path = path;
      this.why = why;
    }

    public String path() {
      return path;
    }

    public String why() {
      return why;
    }
  }

  static void check(ConfigNode root, LayerConfig config) {
    RefreshSpec refresh = config.refresh().orElseThrow();
    ConfigNode node = root.get("refresh");
    if (config.streams()) {
      node.error("Cannot refresh a layer that reads a stream: a stream appends what is new, a refresh recomputes "
          + "the sink from the sources' current versions (" + node.shown() + ")");
    }
    ConfigNode sources = root.get("io").get("source");
    for (int i = 0; i < config.sources().size(); i++) {
      SourceSpec source = config.sources().get(i);
      WatermarkSpec watermark = source.watermark().orElse(null);
      if (watermark != null && watermark.byVersion() && source.atVersion(0).isEmpty()) {
        item(sources, i).get("incremental").error("Cannot refresh from " + shown(source) + " read by version: a "
            + "refresh reads each source at a version, and only a Delta table at a path can be read so today; "
            + "drop incremental from it and use refresh: full (" + source.tableFormat().map(f -> f.id())
            .orElse(source.type()) + ")");
      }
      if (watermark != null && !watermark.byVersion() && !watermark.planned()) {
        item(sources, i).get("incremental").error("Cannot refresh with incremental by " + watermark.field() + ": a "
            + "refresh reads each source's whole current version, and only incremental: {by: version} marks the "
            + "source whose changes drive it (" + watermark.field() + ")");
      }
    }
    ConfigNode sinks = root.get("io").get("sink");
    for (int i = 0; i < config.sinks().size(); i++) {
      ConfigNode mode = item(sinks, i).get("mode");
      if (mode.text() != null && config.sinks().get(i).mode() != io.prodi.sink.WriteMode.OVERWRITE) {
        mode.error("Cannot refresh into a sink in mode " + mode.text() + ": a refresh replaces the sink's rows with "
            + "what the SQL gives; leave mode out or set overwrite (" + mode.text() + ")");
      }
    }
    if (refresh.policy() == RefreshSpec.Policy.INCREMENTAL) {
      whyNotIncremental(config).forEach(reason -> root.findings().error(reason.path(), "Cannot refresh incrementally: "
          + reason.why()));
    }
  }

  private static ConfigNode item(ConfigNode oneOrMany, int index) {
    return oneOrMany.isList() ? oneOrMany.elements().get(index) : oneOrMany;
  }

  private static String path(String block, int index, int count) {
    return count == 1 ? block : block + "[" + index + "]";
  }

  /** Why this config's refresh cannot be incremental, whatever the query and the state; empty when it may be. */
  public static List<Reason> whyNotIncremental(LayerConfig config) {
    List<Reason> reasons = new ArrayList<>();
    List<SourceSpec> sources = config.sources();
    List<String> byVersion = sources.stream().filter(RefreshRules::drives).map(RefreshRules::shown)
        .collect(Collectors.toList());
    if (byVersion.isEmpty()) {
      reasons.add(new Reason("io.source", "no source reads incremental: {by: version}, so no change drives it "
          + "(sources: " + sources.stream().map(RefreshRules::shown).collect(Collectors.joining(", ")) + ")"));
    } else if (byVersion.size() > 1) {
      reasons.add(new Reason("io.source", "two or more sources read incremental: {by: version}; one source's "
          + "changes drive a refresh, the others are read whole (" + String.join(", ", byVersion) + ")"));
    }
    for (int i = 0; i < sources.size(); i++) {
      SourceSpec source = sources.get(i);
      if (!drives(source) && source.atVersion(0).isEmpty()) {
        boolean versioned = source.tableFormat().map(f -> f.readsByVersion()).orElse(false);
        reasons.add(new Reason(path("io.source", i, sources.size()), "source " + shown(source) + (versioned
            ? " is not a Delta table at a path, whose versions a refresh reads" : " keeps no versions")
            + ", so a change to it cannot be seen (" + source.tableFormat().map(f -> f.id()).orElse(source.type())
            + ")"));
      }
    }
    if (!config.transform().functions().isEmpty()) {
      reasons.add(new Reason("transform.functions", "functions run code prodi cannot see into ("
          + config.transform().functions().size() + " function(s))"));
    }
    if (!config.transform().pre().isEmpty()) {
      reasons.add(new Reason("transform.pre", "pre steps run before the SQL on the union of the sources; put them "
          + "in the SQL (" + config.transform().pre().size() + " step(s))"));
    }
    SinkSpec first = config.sinks().isEmpty() ? null : config.sinks().get(0);
    if (first != null && !first.tableFormat().map(f -> f.mergesByKey()).orElse(false)) {
      // the sinks after the first are extracts: rewritten whole from the first's table when it is refreshed by key
      reasons.add(new Reason(path("io.sink", 0, config.sinks().size()), "sink " + first.name().orElse(first.type())
          + " cannot replace rows by key; make the first sink a delta or iceberg table, or use refresh: full ("
          + first.tableFormat().map(f -> f.id()).orElse(first.type()) + ")"));
    }
    return reasons;
  }

  /** Whether the source's changes drive a refresh: it reads incremental: {by: version}. */
  public static boolean drives(SourceSpec source) {
    return source.watermark().map(WatermarkSpec::byVersion).orElse(false);
  }

  private static String shown(SourceSpec source) {
    return source.name().orElse(source.type());
  }

  /** The reasons as one line: what a full refresh under auto says. */
  public static String oneLine(List<Reason> reasons) {
    return reasons.stream().map(Reason::why).collect(Collectors.joining("; "));
  }
}
