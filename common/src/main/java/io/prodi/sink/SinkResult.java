package io.prodi.sink;

import java.util.Optional;

/** What one sink wrote: every row of the output, none (ignore, noop), or counts it reports itself (merge). */
public final class SinkResult {
  private final Long rows;
  private final String detail;
  private final boolean computedOutput;

  private SinkResult(Long rows, String detail, boolean computedOutput) {
    this.rows = rows;
    this.detail = detail;
    this.computedOutput = computedOutput;
  }

  /** The sink wrote every row of the output: its count is the output's. */
  public static SinkResult allRows() {
    return new SinkResult(null, null, true);
  }

  public static SinkResult rows(long rows, String detail) {
    return new SinkResult(rows, detail, true);
  }

  /** The sink holds every row of the output, written by an earlier attempt of the same run (a rerun after a crash). */
  public static SinkResult alreadyWritten(String why) {
    return new SinkResult(null, why, false);
  }

  public static SinkResult skipped(String why) {
    return new SinkResult(0L, why, false);
  }

  /** Whether writing ran a job over the output (a skipped sink did not). */
  public boolean computedOutput() {
    return computedOutput;
  }

  /** The rows written, when they differ from the output's count. */
  public Optional<Long> rows() {
    return Optional.ofNullable(rows);
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }
}
