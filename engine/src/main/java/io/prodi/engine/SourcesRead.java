package io.prodi.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The first stage's result: every source read and filtered after its watermark, each observed under
 * {@code source_<i>} (its row count and newest watermark value), and their union, the layer's input.
 */
final class SourcesRead {
  private final List<Dataset<Row>> filtered;
  private final Dataset<Row> input;
  private final boolean countedByOutput;

  SourcesRead(List<Dataset<Row>> filtered, Dataset<Row> input, boolean countedByOutput) {
    this.filtered = List.copyOf(filtered);
    this.input = input;
    this.countedByOutput = countedByOutput;
  }

  /** The union of every source, what the transform reads. */
  Dataset<Row> input() {
    return input;
  }

  /** Source {@code index} as read (after its watermark), before any observation. */
  Dataset<Row> filtered(int index) {
    return filtered.get(index);
  }

  /** Each source's columns as they were read, for the lineage's schema facets. */
  List<org.apache.spark.sql.types.StructType> schemas() {
    List<org.apache.spark.sql.types.StructType> out = new java.util.ArrayList<>();
    filtered.forEach(f -> out.add(f.schema()));
    return out;
  }

  static String observedName(int index) {
    return "source_" + index;
  }

  /**
   * The observed rows keyed by observed name, with the one source's count taken from the output's rows when
   * the source is not observed because the output is that source row for row ({@code outputRows} null: the
   * output was not computed).
   */
  Map<String, Row> withOutputCount(Map<String, Row> observed, Long outputRows) {
    if (!countedByOutput || outputRows == null) {
      return observed;
    }
    Map<String, Row> out = new java.util.HashMap<>(observed);
    out.put(observedName(0), org.apache.spark.sql.RowFactory.create(outputRows));
    return out;
  }

  /** The observed rows by source index, from rows keyed by observed name. */
  Map<Integer, Row> bySource(Map<String, Row> observed) {
    Map<Integer, Row> out = new java.util.HashMap<>();
    for (int i = 0; i < filtered.size(); i++) {
      Row row = observed.get(observedName(i));
      if (row != null) {
        out.put(i, row);
      }
    }
    return out;
  }

  /**
   * The sources whose rows reached the sinks: those the writing jobs read that reported metrics, or
   * that gave rows though Spark reported nothing for them (Spark reports no metrics for a source that
   * gave no rows: a quick look tells that from a lost event, which must fail the watermark commit).
   */
  Set<Integer> readBy(Written written) {
    Set<Integer> read = new TreeSet<>();
    for (int i = 0; i < filtered.size(); i++) {
      String name = observedName(i);
      if (written.observedNames().contains(name)
          && (written.sourceMetrics().containsKey(name) || !filtered.get(i).isEmpty())) {
        read.add(i);
      }
    }
    return read;
  }
}
