package io.prodi.engine;

import io.prodi.sink.SinkResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * What the write stage did: each sink's result, the rows the sinks received (null when nothing
 * computed them), and the observed metrics of the sources the writing jobs read.
 */
final class Written {
  private final List<SinkResult> sinks;
  private final Long outputRows;
  private final Map<String, Row> sourceMetrics;
  private final Set<String> observedNames;

  Written(List<SinkResult> sinks, Long outputRows, Map<String, Row> sourceMetrics, Set<String> observedNames) {
    this.sinks = List.copyOf(sinks);
    this.outputRows = outputRows;
    this.sourceMetrics = Map.copyOf(sourceMetrics);
    this.observedNames = Set.copyOf(observedNames);
  }

  List<SinkResult> sinks() {
    return sinks;
  }

  Long outputRows() {
    return outputRows;
  }

  /** Each source's observed row ({@code source_<i>}: rows, newest watermark value) that arrived. */
  Map<String, Row> sourceMetrics() {
    return sourceMetrics;
  }

  /** The observed names the writing jobs computed (empty when no job read the sources). */
  Set<String> observedNames() {
    return observedNames;
  }
}
