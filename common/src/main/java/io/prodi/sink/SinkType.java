package io.prodi.sink;

import io.prodi.config.ConfigNode;
import io.prodi.engine.StepContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A sink type of the registry: how its config binds, and how a run writes to it. */
public final class SinkType {
  /** Binds a sink mapping given the layer's default write mode. */
  interface Binder {
    SinkSpec bind(ConfigNode node, String defaultMode);
  }

  /** Writes the output to a sink of type {@code S}. */
  interface Writer<S extends SinkSpec> {
    SinkResult write(S spec, Dataset<Row> output, StepContext context);
  }

  private final String name;
  private final java.util.Set<String> keys;
  private final Binder binder;
  private final Writer<SinkSpec> writer;

  private SinkType(String name, java.util.Set<String> keys, Binder binder, Writer<SinkSpec> writer) {
    this.keys = keys;
    this.name = name;
    this.binder = binder;
    this.writer = writer;
  }

  @SuppressWarnings("unchecked")
  static <S extends SinkSpec> SinkType of(String name, java.util.Set<String> keys, Binder binder, Writer<S> writer) {
    return new SinkType(name, keys, binder, (spec, output, context) -> writer.write((S) spec, output, context));
  }

  public String name() {
    return name;
  }

  SinkSpec bind(ConfigNode node, String defaultMode) {
    return binder.bind(node, defaultMode);
  }

  SinkResult write(SinkSpec spec, Dataset<Row> output, StepContext context) {
    return writer.write(spec, output, context);
  }

  /** The keys its spec accepts (what the binder allows; the config schema lists them). */
  java.util.Set<String> keys() {
    return keys;
  }
}
