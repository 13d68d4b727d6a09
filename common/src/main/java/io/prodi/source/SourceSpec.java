package io.prodi.source;

import io.prodi.storage.StorageSpec;
import java.util.Map;
import java.util.Optional;

/** A source of a layer, as its config describes it; one class per {@code type} (see {@link SourceTypes}). */
public interface SourceSpec {
  String type();

  /** The name SQL refers to it by, if it has one. */
  Optional<String> name();

  Optional<WatermarkSpec> watermark();

  /**
   * Whether the source reads only what follows its watermark by itself (a jdbc query holding the
   * placeholder): its rows are then taken as the query gives them, so that a {@code >=} re-reads the
   * rows at the watermark as written, and the run adds no filter of its own.
   */
  default boolean filtersItsWatermark() {
    return false;
  }

  /** The file format it reads, for a source of files. */
  default Optional<String> fileFormat() {
    return Optional.empty();
  }

  /** Where its files are, for a source of files (the input-size estimate and the own-output check read it). */
  default Optional<String> filesLocation(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.empty();
  }

  /** The table format of the data it reads (files, Delta, Iceberg); none for a database, an API or BigQuery. */
  default Optional<io.prodi.storage.TableFormat> tableFormat() {
    return Optional.empty();
  }

  /** The catalog table it names ({@code catalog.namespace.table}), for a source of {@code type: table}. */
  default Optional<String> catalogTable() {
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
   * Whether it decodes each record's value (json, avro on a stream), so that a value may not decode: the layer then
   * has the built-in {@code value_parses} expectation.
   */
  default boolean decodesValues() {
    return false;
  }

  /**
   * This source read whole at table version {@code version}, without its watermark: how a refresh reads each source's
   * current version. Empty for a source that cannot be read at a version (none but Delta at a path, today).
   */
  default Optional<SourceSpec> atVersion(long version) {
    return Optional.empty();
  }

  /** Where it reads from, for plans and summaries (never a secret). */
  String location(Map<String, StorageSpec> storage, String baseDir);

  /** The dataset read, as lineage and the event log name it (OpenLineage's naming). */
  Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir);
}
