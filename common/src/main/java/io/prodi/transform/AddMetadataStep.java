package io.prodi.transform;

import io.prodi.yaml.ConfigNode;

/**
 * {@code add_metadata}: adds {@code _ingestion_ts}, {@code _run_id} and {@code _source} (the input file
 * of each row, or the source's name for sources without files: tagged when the sources are read, so
 * that it survives shuffles of earlier steps).
 */
public final class AddMetadataStep implements PreStep {
  private AddMetadataStep() {}

  static AddMetadataStep bind(ConfigNode node) {
    boolean accepted = node.isMissing() || (node.isMap() && node.entries().isEmpty())
        || (node.raw().isBoolean() && node.raw().booleanValue());
    if (!accepted) {
      node.expected("no value, true or {}");
    }
    return new AddMetadataStep();
  }

  @Override
  public String type() {
    return "add_metadata";
  }

  @Override
  public boolean needsSourceTag() {
    return true;
  }

  @Override
  public String describe() {
    return "add_metadata _ingestion_ts, _run_id, _source";
  }
}
