package io.prodi.source;

import io.prodi.config.ConfigNode;
import io.prodi.engine.StepContext;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A source type of the registry: how its config binds, and how a run reads it. */
public final class SourceType {
  private final String name;
  private final java.util.Set<String> keys;
  private final Function<ConfigNode, SourceSpec> binder;
  private final BiFunction<SourceSpec, StepContext, Dataset<Row>> reader;

  private SourceType(String name, java.util.Set<String> keys, Function<ConfigNode, SourceSpec> binder,
      BiFunction<SourceSpec, StepContext, Dataset<Row>> reader) {
    this.name = name;
    this.keys = keys;
    this.binder = binder;
    this.reader = reader;
  }

  /** A type whose spec class is {@code S}: the reader receives that class. */
  @SuppressWarnings("unchecked")
  static <S extends SourceSpec> SourceType of(String name, java.util.Set<String> keys, Function<ConfigNode, S> binder,
      BiFunction<S, StepContext, Dataset<Row>> reader) {
    return new SourceType(name, keys, binder::apply, (spec, context) -> reader.apply((S) spec, context));
  }

  public String name() {
    return name;
  }

  /** The keys its spec accepts (what the binder allows; the config schema lists them). */
  public java.util.Set<String> keys() {
    return keys;
  }

  SourceSpec bind(ConfigNode node) {
    return binder.apply(node);
  }

  Dataset<Row> read(SourceSpec spec, StepContext context) {
    return reader.apply(spec, context);
  }
}
