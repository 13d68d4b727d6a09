package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.util.List;

/**
 * {@code value_parses}: a stream record's value decoded (json, avro); the decoder leaves the reason in
 * {@link #ERROR_COLUMN} when it did not. Every layer whose source decodes values has it, built in: rows go to
 * the quarantine when the layer has one, else the run fails. Naming it in {@code dq.expectations} sets its
 * severity and action instead.
 */
public final class ValueParsesSpec extends ExpectationSpec {
  /** The column a decoder fills with why a value did not decode (null when it did). */
  public static final String ERROR_COLUMN = "_kafka_value_error";

  private ValueParsesSpec(Basics basics) {
    super(basics, List.of());
  }

  static ValueParsesSpec bind(ConfigNode node, Basics basics) {
    return new ValueParsesSpec(basics);
  }
}
