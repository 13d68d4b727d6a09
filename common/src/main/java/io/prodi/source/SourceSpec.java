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

  /** Where it reads from, for plans and summaries (never a secret). */
  String location(Map<String, StorageSpec> storage, String baseDir);
}
