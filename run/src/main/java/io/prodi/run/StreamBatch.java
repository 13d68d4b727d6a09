package io.prodi.run;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which micro-batch of a stream a run is: its number since the process started the layer, and the targets
 * (per state id) the earlier batches of an {@code available_now} run planned, which the later ones stop at too.
 */
public final class StreamBatch {
  private final int number;
  private final Map<String, String> targets;

  private StreamBatch(int number, Map<String, String> targets) {
    this.number = number;
    this.targets = Map.copyOf(targets);
  }

  public static StreamBatch first() {
    return new StreamBatch(1, Map.of());
  }

  /** The next batch, stopping at {@code newTargets} (empty: each batch plans its own, as a continuous trigger does). */
  public StreamBatch next(Map<String, String> newTargets) {
    return new StreamBatch(number + 1, newTargets);
  }

  public int number() {
    return number;
  }

  /** The target planned for a state id by an earlier batch of the run. */
  public Optional<String> target(String stateId) {
    return Optional.ofNullable(targets.get(stateId));
  }

  public Map<String, String> targets() {
    return new TreeMap<>(targets);
  }
}
