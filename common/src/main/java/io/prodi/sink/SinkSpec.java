package io.prodi.sink;

import io.prodi.storage.StorageSpec;
import java.util.Map;
import java.util.Optional;

/** A sink of a layer (or its quarantine), as its config describes it; one class per {@code type}. */
public interface SinkSpec {
  String type();

  Optional<String> name();

  /** overwrite, append, error, ignore or merge; {@code noop} for a sink that writes nothing. */
  String mode();

  /** Where it writes, for plans and summaries (never a secret). */
  String location(Map<String, StorageSpec> storage, String baseDir);
}
