package io.prodi.engine.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.config.LayerConfig;
import io.prodi.run.RunFailure;
import io.prodi.run.StateIds;
import io.prodi.state.StateStore;
import io.prodi.state.WatermarkState;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * What a layer's last refresh was made of, kept in the state store under {@code <dataset>::<layer>::refresh}: the
 * fingerprint of its config and each source's table version. Leased for the run, committed only after every sink
 * has committed: a run that dies before leaves the last refresh's, and its rerun reads the changes again.
 */
public final class RefreshState {
  public static final String FIELD = "refresh";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StateStore store;
  private final String stateId;
  private final long generation;
  private final Optional<Stored> stored;

  /** One committed refresh: the fingerprint and the versions it read. */
  public static final class Stored {
    private final String fingerprint;
    private final Map<String, Long> versions;

    Stored(String fingerprint, Map<String, Long> versions) {
      this.fingerprint = fingerprint;
      this.versions = Map.copyOf(versions);
    }

    public String fingerprint() {
      return fingerprint;
    }

    /** The version of each source it read, by source label. */
    public Map<String, Long> versions() {
      return versions;
    }
  }

  private RefreshState(StateStore store, String stateId) {
    this.store = store;
    this.stateId = stateId;
    this.generation = store.generation(stateId);
    this.stored = store.read(stateId).map(RefreshState::parse);
  }

  /** The layer's refresh state, leased for {@code runId} (a run holding it already is an error). */
  public static RefreshState lease(LayerConfig config, Configuration hadoop, String runId) {
    StateStore store = new StateStore(StateIds.stateUri(config), hadoop);
    String stateId = stateId(config);
    store.lease(stateId, runId);
    try {
      return new RefreshState(store, stateId);
    } catch (RuntimeException e) {
      store.release(stateId);
      throw e;
    }
  }

  public static String stateId(LayerConfig config) {
    return StateIds.dataset(config) + "::" + config.layer().id() + "::" + FIELD;
  }

  public String id() {
    return stateId;
  }

  /** The last refresh, if any (none on the first run and after a reset). */
  public Optional<Stored> stored() {
    return stored;
  }

  /** Records this refresh, after every sink committed. */
  public void commit(String fingerprint, Map<String, Long> versions, String runId) {
    ObjectNode value = JSON.createObjectNode().put("fingerprint", fingerprint);
    ObjectNode byLabel = value.putObject("versions");
    new TreeMap<>(versions).forEach(byLabel::put);
    store.commit(stateId, value.toString(), FIELD, runId, generation);
  }

  public void release() {
    store.release(stateId);
  }

  private static Stored parse(WatermarkState state) {
    try {
      JsonNode value = JSON.readTree(state.value());
      Map<String, Long> versions = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.path("versions").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        versions.put(entry.getKey(), entry.getValue().asLong());
      }
      return new Stored(value.path("fingerprint").asText(), versions);
    } catch (java.io.IOException e) {
      throw new RunFailure("Cannot read the refresh state " + state.stateId() + ": it is not the JSON a refresh "
          + "writes; prodi state reset it to refresh in full (" + state.value() + ")", e);
    }
  }
}
