package io.prodi.engine.dq;

import io.prodi.dq.ExpectationResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What data quality decided for one run: every result, the rows to write, the rows to quarantine. */
public final class DqOutcome {
  private final List<ExpectationResult> results;
  private final Dataset<Row> kept;
  private final Dataset<Row> quarantined;
  private final long totalRows;
  private final long keptRows;
  private final long quarantinedRows;

  DqOutcome(List<ExpectationResult> results, Dataset<Row> kept, Dataset<Row> quarantined, long totalRows,
      long keptRows, long quarantinedRows) {
    this.results = List.copyOf(results);
    this.kept = kept;
    this.quarantined = quarantined;
    this.totalRows = totalRows;
    this.keptRows = keptRows;
    this.quarantinedRows = quarantinedRows;
  }

  public List<ExpectationResult> results() {
    return results;
  }

  /** The results that end the run when fail_on_error is true. */
  public List<ExpectationResult> failures() {
    return results.stream().filter(ExpectationResult::failsTheRun).collect(Collectors.toList());
  }

  /** The output without dropped and quarantined rows: what the sinks receive. */
  public Dataset<Row> kept() {
    return kept;
  }

  /** The quarantined rows with {@code _dq_failed} and {@code _dq_run_id}, when any rule quarantines. */
  public Optional<Dataset<Row>> quarantined() {
    return Optional.ofNullable(quarantined);
  }

  public long totalRows() {
    return totalRows;
  }

  public long keptRows() {
    return keptRows;
  }

  public long quarantinedRows() {
    return quarantinedRows;
  }
}
