package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The one decision of a layer run's write stage: the output is cached only when something besides one
 * sink reads it, or a check must decide before any write, or an incremental append records its intent.
 */
class WritePlanTest extends EngineConfigs {
  private WritePlan plan(String sinks, String dq, boolean incremental) {
    return WritePlan.of(load(config("p.yml", "silver", sinks, dq)), incremental);
  }

  @Test
  void oneSinkWithoutChecksIsWrittenStraightFromThePlan() {
    assertThat(plan("    - {path: out/a}\n", "", false).cachesOutput()).isFalse();
    assertThat(plan("    - {path: out/a, format: delta, mode: merge, merge: {keys: [id]}}\n", "", false).cachesOutput())
        .as("a merge materializes its source on its own").isFalse();
  }

  @Test
  void severalSinksReadOneCachedComputation() {
    assertThat(plan("    - {path: out/a}\n    - {path: out/b}\n", "", false).cachesOutput()).isTrue();
  }

  @Test
  void checksRideOnTheWriteUnlessTheyMustDecideFirst() {
    String sink = "    - {path: out/a}\n";
    assertThat(plan(sink, "dq: {expectations: [{type: not_null, column: id, severity: warn}]}\n", false)
        .cachesOutput()).as("warnings only").isFalse();
    assertThat(plan(sink, "dq: {expectations: [{type: not_null, column: id, on_fail: drop}]}\n", false)
        .cachesOutput()).as("a drop filters during the write").isFalse();
    assertThat(plan(sink, "dq: {expectations: [{type: not_null, column: id}]}\n", false).cachesOutput())
        .as("an error that fails the run decides before any write").isTrue();
    assertThat(plan(sink, "dq: {fail_on_error: false, expectations: [{type: not_null, column: id}]}\n", false)
        .cachesOutput()).as("fail_on_error false: it cannot stop the run").isFalse();
    assertThat(plan(sink, "dq: {expectations: [{type: not_null, column: id, on_fail: quarantine}], "
        + "quarantine: {path: out/q}}\n", false).cachesOutput()).as("the quarantine reads the output too").isTrue();
    assertThat(plan(sink, "dq: {expectations: [{type: primary_key, columns: [id], severity: warn}]}\n", false)
        .cachesOutput()).as("a distinct count cannot be observed during a write").isTrue();
    assertThat(plan("    - {path: out/a, format: delta, mode: merge, merge: {keys: [id]}}\n",
        "dq: {expectations: [{type: not_null, column: id, severity: warn}]}\n", false).cachesOutput())
        .as("a merge reads its source twice").isTrue();
  }

  @Test
  void aStreamsStoppingRowChecksRideOnItsOneAppendingWrite() {
    String stream = "layer: bronze\nio:\n  source: {type: kafka, bootstrap_servers: 'b:9092', topics: [t], "
        + "value: {format: json, schema: 'id INT'}}\n";
    assertThat(WritePlan.of(load(folder.write("s1.yml", stream + "  sink: {path: out, format: delta, mode: append}\n")),
        false).cachesOutput()).as("value_parses, enforced in the write").isFalse();
    assertThat(WritePlan.of(load(folder.write("s2.yml", stream + "  sink: {path: out, format: delta, mode: append}\n"
        + "dq: {expectations: [{type: unique, columns: [id]}]}\n")), false).cachesOutput())
        .as("a key check must see every row first").isTrue();
    assertThat(WritePlan.of(load(folder.write("s3.yml", stream + "  sink: {path: out, format: delta, mode: overwrite}\n")),
        false).cachesOutput()).as("an overwrite would lose the old rows if the guard aborted it").isTrue();
  }

  @Test
  void anIncrementalAppendRecordsItsIntentBeforeAnyWrite() {
    WritePlan append = plan("    - {path: out/a, mode: append}\n", "", true);
    assertThat(append.cachesOutput()).isTrue();
    assertThat(append.recordsIntent()).isTrue();
    WritePlan overwrite = plan("    - {path: out/a, mode: overwrite}\n", "", true);
    assertThat(overwrite.cachesOutput()).isFalse();
    assertThat(overwrite.recordsIntent()).isFalse();
    assertThat(plan("    - {path: out/a, mode: append}\n", "", false).recordsIntent()).as("not incremental").isFalse();
    assertThat(plan("    - {path: out/a, mode: overwrite}\n", "dq: {expectations: [{type: not_null, column: id, "
        + "on_fail: quarantine}], quarantine: {path: out/q, mode: append}}\n", true).recordsIntent())
        .as("a cached incremental run records its intent: its appending quarantine reruns as this run").isTrue();
  }
}
