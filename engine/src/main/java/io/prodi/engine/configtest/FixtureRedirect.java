package io.prodi.engine.configtest;

import io.prodi.config.LayerConfig;
import io.prodi.configtest.ConfigTest;
import io.prodi.configtest.Fixture;
import io.prodi.dq.DqSpec;
import io.prodi.run.RunFailure;
import io.prodi.run.StateIds;
import io.prodi.sink.SinkSpec;
import io.prodi.sink.SinkTypes;
import io.prodi.sink.WriteMode;
import io.prodi.source.SourceSpec;
import io.prodi.source.SourceTypes;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A config as a test runs it: every source replaced by its fixture (a global temp view of the test
 * JVM's session), a referential expectation's ref too, and every sink, the quarantine, the report and
 * the state store redirected to the test's temporary folder. A source without a fixture is an error:
 * a test never reads real data.
 */
final class FixtureRedirect {
  private int fixtures;

  /** The redirected config; the views it registers are added to {@code views} (dropped after the test). */
  LayerConfig apply(LayerConfig config, ConfigTest test, SparkSession spark, Path tmp,
      List<String> views) {
    List<SourceSpec> sources = new ArrayList<>();
    Fixture all = test.inputs().get("__INPUT__");
    java.util.Set<String> refNames = new java.util.HashSet<>();
    config.dq().expectations().forEach(e -> e.ref().flatMap(SourceSpec::name).ifPresent(refNames::add));
    for (String name : test.inputs().keySet()) {
      if (!name.equals("__INPUT__") && !refNames.contains(name)
          && config.sources().stream().noneMatch(s -> s.name().orElse("").equals(name))) {
        throw new RunFailure("Cannot use fixture " + name + ": the config has no source of that name (sources: "
            + String.join(", ", config.sources().stream().map(s -> s.name().orElse("(unnamed)"))
                .toArray(String[]::new)) + ")");
      }
    }
    for (SourceSpec source : all != null ? List.of(config.sources().get(0)) : config.sources()) {
      Fixture fixture = all != null ? all : test.inputs().get(source.name().orElse(""));
      if (fixture == null) {
        throw new RunFailure("Cannot run the test without reading real data: source "
            + source.name().orElse("(unnamed)") + " has no fixture in inputs (name it, or use __INPUT__)");
      }
      String view = "prodi_fixture_" + (++fixtures);
      FixtureReader.read(fixture, spark).createOrReplaceGlobalTempView(view);
      views.add(view);
      String incremental = source.watermark().filter(w -> !w.byVersion()).map(w -> ", incremental: {watermark: {field: '" + w.field()
          + "', state_id: '" + StateIds.of(config, source, w) + "', default: '" + w.defaultValue() + "', lag: '"
          + w.lag() + "'}}").orElse("");
      sources.add(SourceTypes.bind(node("{type: table, table: global_temp." + view
          + source.name().map(n -> ", name: " + n).orElse("") + incremental + "}")).orElseThrow());
    }
    List<SinkSpec> sinks = new ArrayList<>();
    for (int i = 0; i < config.sinks().size(); i++) {
      SinkSpec sink = config.sinks().get(i);
      Path at = tmp.resolve("sink_" + i);
      sinks.add(sink.upsert().<SinkSpec>map(u -> deltaSink(at).upserting(sink.mode(), u)).orElseGet(() -> sink(at)));
    }
    DqSpec dq = config.dq().withExpectations(e -> e.ref().isEmpty() ? e : e.withRef(fixtureSource(e, test, spark,
        views))).redirected(sink(tmp.resolve("quarantine")), tmp.resolve("report").toString());
    return config.redirected(sources, sinks, dq, tmp.resolve("state").toString());
  }

  /** A referential expectation's reference, read from the fixture named like its ref source: never real storage. */
  private SourceSpec fixtureSource(io.prodi.dq.ExpectationSpec expectation, ConfigTest test, SparkSession spark,
      List<String> views) {
    String name = expectation.ref().flatMap(SourceSpec::name).orElse(null);
    Fixture fixture = name == null ? null : test.inputs().get(name);
    if (fixture == null) {
      throw new RunFailure("Cannot run the test without reading real data: the ref of expectation "
          + expectation.name() + " has no fixture in inputs (" + (name == null ? "give the ref source a name and "
          + "add a fixture of that name" : "add a fixture named " + name) + ")");
    }
    String view = "prodi_fixture_" + (++fixtures);
    FixtureReader.read(fixture, spark).createOrReplaceGlobalTempView(view);
    views.add(view);
    return SourceTypes.bind(node("{type: table, table: global_temp." + view + ", name: " + name + "}")).orElseThrow();
  }

  private static SinkSpec sink(Path path) {
    return SinkTypes.bind(node("{format: parquet, mode: overwrite, path: '" + path + "'}"), WriteMode.OVERWRITE).orElseThrow();
  }

  /** A Delta table in the test's folder, for a sink that upserts: the test sees what the merge leaves. */
  private static io.prodi.sink.FilesSinkSpec deltaSink(Path path) {
    return (io.prodi.sink.FilesSinkSpec) SinkTypes.bind(node("{format: delta, mode: append, path: '" + path + "'}"),
        WriteMode.APPEND).orElseThrow();
  }

  private static ConfigNode node(String yaml) {
    Findings findings = new Findings("(prodi test)");
    return ConfigNode.root(YamlTree.parse(yaml, findings), findings);
  }

}
