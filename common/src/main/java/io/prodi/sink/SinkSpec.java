package io.prodi.sink;

import io.prodi.storage.StorageSpec;
import java.util.Map;
import java.util.Optional;

/** A sink of a layer (or its quarantine), as its config describes it; one class per {@code type}. */
public interface SinkSpec {
  String type();

  Optional<String> name();

  /** overwrite, append, error, ignore or merge; {@code noop} for a sink that writes nothing. */
  WriteMode mode();

  /**
   * The table format of the data it writes (files, Delta, Iceberg), which owns how it is written; none for a
   * database, BigQuery or a noop sink.
   */
  default Optional<io.prodi.storage.TableFormat> tableFormat() {
    return Optional.empty();
  }

  /** The catalog table it names ({@code catalog.namespace.table}), for a sink of {@code type: table}. */
  default Optional<String> catalogTable() {
    return Optional.empty();
  }

  /** The file format it writes, for a sink of files. */
  default Optional<String> fileFormat() {
    return Optional.empty();
  }

  /** The columns it partitions by. */
  /** {@code table_properties} of a Delta or Iceberg sink (none for other sinks). */
  default Map<String, String> tableProperties() {
    return Map.of();
  }

  default java.util.List<String> partitionBy() {
    return java.util.List.of();
  }

  /**
   * Where it deletes files before writing new ones (an overwrite of files that are not Delta, which
   * keeps a snapshot of what it reads): a source of the same layer must not read there.
   */
  default Optional<String> replacesFilesIn(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.empty();
  }

  /**
   * This sink keyed by a run column: partitioned first by {@code column} and replacing only the
   * partitions it writes, so that a rerun replaces the rows the same run wrote instead of adding them
   * again (how an appending files quarantine is written); empty when it cannot be keyed so.
   */
  default Optional<SinkSpec> keyedByRun(String column) {
    return Optional.empty();
  }

  /**
   * The merge block of a sink in mode merge or scd2: how a config test writes its rows the same way into a
   * Delta table of its own (empty for other modes).
   */
  default Optional<MergeSpec> upsert() {
    return Optional.empty();
  }

  /** The output columns it writes by name (partition columns, merge keys), each with the YAML path naming it. */
  default java.util.List<NamedColumn> namedColumns() {
    return java.util.List.of();
  }

  /** The output columns it writes by name: partition columns and merge keys. */
  default java.util.List<String> columnsNamed() {
    return namedColumns().stream().map(NamedColumn::column).collect(java.util.stream.Collectors.toList());
  }

  /**
   * The problems of writing rows with these columns: a partition column or merge key the output lacks, keyed by the
   * YAML path under the sink that names it ("merge.sequence_by" to "Cannot write column ...: the output has no such
   * column, did you mean ...? (columns: ...)"), found from the schema alone, before anything is written.
   */
  default java.util.Map<String, String> missingColumns(java.util.List<String> columns) {
    java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
    for (NamedColumn named : namedColumns()) {
      if (columns.stream().noneMatch(c -> c.equalsIgnoreCase(named.column()))) {
        problems.put(named.path(), "Cannot write column " + named.column() + ": the output has no such column"
            + io.prodi.yaml.ClosestName.hint(named.column(), columns) + " (columns: " + String.join(", ", columns) + ")");
      }
    }
    return problems;
  }

  /**
   * Where and how to read back what it wrote ({@code prodi show}); empty for a sink whose data prodi does
   * not read back (a database table, no sink).
   */
  default Optional<StoredData> storedData(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.empty();
  }

  /**
   * The Spark data source the platform must provide for it ({@code bigquery}: the spark-bigquery-connector that
   * Dataproc ships and prodi never bundles); a run checks it is on the class path before any work.
   */
  default Optional<String> platformDataSource() {
    return Optional.empty();
  }


  /**
   * Whether a rerun of the same run recognises rows an earlier attempt appended (files and Delta keep the run's
   * transaction, a database table its commits table); a BigQuery table does not, so an append there is at least once.
   */
  default boolean appendsOnceOnRerun() {
    return true;
  }

  /** Where it writes, for plans and summaries (never a secret). */
  String location(Map<String, StorageSpec> storage, String baseDir);

  /** The dataset written, as lineage and the event log name it (OpenLineage's naming); none for a noop sink. */
  Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir);
}
