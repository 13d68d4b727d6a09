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

  /** Where it reads from, for plans and summaries (never a secret). */
  String location(Map<String, StorageSpec> storage, String baseDir);
}
