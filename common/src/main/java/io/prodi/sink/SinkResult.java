package io.prodi.sink;

import java.util.Optional;

/** What one sink wrote: every row of the output, none (ignore, noop), or counts it reports itself (merge). */
public final class SinkResult {
  private final Long rows;
  private final String detail;

  private SinkResult(Long rows, String detail) {
    this.rows = rows;
    this.detail = detail;
  }

  /** The sink wrote every row of the output: its count is the output's. */
  public static SinkResult allRows() {
    return new SinkResult(null, null);
  }

  public static SinkResult rows(long rows, String detail) {
    return new SinkResult(rows, detail);
  }

  public static SinkResult skipped(String why) {
    return new SinkResult(0L, why);
  }

  /** The rows written, when they differ from the output's count. */
  public Optional<Long> rows() {
    return Optional.ofNullable(rows);
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }
}
