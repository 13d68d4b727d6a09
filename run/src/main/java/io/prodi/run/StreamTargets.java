package io.prodi.run;

import java.util.Map;
import java.util.TreeMap;

/** The targets a micro-batch's stream sources planned, per state id: what the run's next batch stops at too. */
public final class StreamTargets {
  private final Map<String, String> byStateId = new TreeMap<>();

  public synchronized void put(String stateId, String target) {
    byStateId.put(stateId, target);
  }

  public synchronized Map<String, String> all() {
    return new TreeMap<>(byStateId);
  }
}
