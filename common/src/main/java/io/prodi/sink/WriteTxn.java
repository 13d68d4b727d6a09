package io.prodi.sink;

import java.util.List;

/**
 * The identity of an incremental run's writes: the state ids it commits and the generation it will
 * commit them as. A rerun after a crash has the same identity, so an append that already landed is
 * recognised and not repeated: Delta through its idempotent writes ({@code txnAppId} and
 * {@code txnVersion}), other file formats through a staged write and a commit marker.
 */
public final class WriteTxn {
  private final List<String> stateIds;
  private final long version;

  public WriteTxn(List<String> stateIds, long version) {
    this.stateIds = List.copyOf(stateIds);
    this.version = version;
  }

  /** Delta's {@code txnAppId} for one sink: the run's state ids and where the sink writes. */
  public String appId(String location) {
    return "prodi:" + String.join(",", stateIds) + "@" + location;
  }

  /** Delta's {@code txnVersion}: the generation the run commits, which grows with every commit and reset. */
  public long version() {
    return version;
  }

  /** A file name for this run's commit marker and staging folder: the state ids escaped, then the version. */
  public String fileName() {
    String ids = String.join(",", stateIds);
    StringBuilder name = new StringBuilder();
    for (char c : ids.toCharArray()) {
      name.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' ? c : '_');
    }
    return name + "-" + Integer.toHexString(ids.hashCode()) + "-g" + version;
  }
}
