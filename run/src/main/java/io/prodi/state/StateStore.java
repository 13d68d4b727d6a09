package io.prodi.state;

import io.prodi.run.RunFailure;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Watermarks on any Hadoop file system: per state id a folder of JSON documents
 * {@code v-<generation>.json}, each written whole and never changed (a temporary file renamed into
 * place, or a single-object put on a bucket), so a reader never sees half a document; the newest
 * generation wins. A lease file keeps two runs from using one state id at once, and a commit that
 * finds its generation taken fails instead of overwriting. Generations never go back: a reset is a
 * new generation without a value, so a sink's idempotent-write version (derived from the generation)
 * keeps growing. Before its sinks write, a run records its intent ({@code pending.json}: the
 * generation it will commit and the value): a rerun after a crash reads up to that value, no further.
 */
public final class StateStore {
  private static final String LEASE = "lease.json";
  private static final String PENDING = "pending.json";
  private static final int KEPT_GENERATIONS = 5;

  private final Path root;
  private final Configuration conf;

  public StateStore(String rootUri, Configuration conf) {
    this.root = new Path(rootUri);
    this.conf = conf;
  }

  /** The newest committed watermark of a state id, if any (none after a reset). */
  public Optional<WatermarkState> read(String stateId) {
    return newest(stateId).filter(state -> state.value() != null);
  }

  /** The newest generation of a state id: 0 when nothing was ever committed, resets included. */
  public long generation(String stateId) {
    return newest(stateId).map(WatermarkState::generation).orElse(0L);
  }

  private Optional<WatermarkState> newest(String stateId) {
    Path folder = folder(stateId);
    try {
      List<Path> versions = versions(folder);
      if (versions.isEmpty()) {
        return Optional.empty();
      }
      try (InputStream in = fs().open(versions.get(versions.size() - 1))) {
        return Optional.of(WatermarkState.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new RunFailure("Cannot read the watermark of " + stateId + ": " + e.getMessage() + " (" + folder + ")", e);
    }
  }

  /**
   * Takes the lease of a stream's state id for one micro-batch: as {@link #lease(String, String)}, but a lease
   * older than {@code staleAfter} (each batch takes it anew: its age is the time since the holder's last batch
   * began) is taken over, returning what it said.
   */
  public Optional<String> leaseOrTakeOver(String stateId, String runId, java.time.Duration staleAfter) {
    Path lease = new Path(folder(stateId), LEASE);
    try {
      FileStatus held = fs().getFileStatus(lease);
      if (Instant.ofEpochMilli(held.getModificationTime()).plus(staleAfter).isBefore(Instant.now())) {
        String was = describeLease(lease);
        fs().delete(lease, false);
        lease(stateId, runId);
        return Optional.of(was);
      }
    } catch (FileNotFoundException e) {
      // free
    } catch (IOException e) {
      throw new RunFailure("Cannot take the lease of " + stateId + ": " + e.getMessage() + " (" + lease + ")", e);
    }
    lease(stateId, runId);
    return Optional.empty();
  }

  /** Takes the lease of a state id for a run; fails when another run holds it. */
  public void lease(String stateId, String runId) {
    Path lease = new Path(folder(stateId), LEASE);
    try (OutputStream out = fs().create(lease, false)) {
      out.write(("{\"run_id\":\"" + runId + "\",\"since\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8));
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      throw new RunFailure("Cannot run with state id " + stateId + ": another run holds its lease ("
          + describeLease(lease) + "); if that run is dead, remove it with prodi state unlock --state-id " + stateId + " -c <config>");
    } catch (IOException e) {
      if (exists(lease)) {
        throw new RunFailure("Cannot run with state id " + stateId + ": another run holds its lease ("
            + describeLease(lease) + "); if that run is dead, remove it with prodi state unlock --state-id " + stateId + " -c <config>");
      }
      throw new RunFailure("Cannot take the lease of " + stateId + ": " + e.getMessage() + " (" + lease + ")", e);
    }
  }

  /** Gives a lease back (also used by {@code prodi state unlock}). */
  public void release(String stateId) {
    try {
      fs().delete(new Path(folder(stateId), LEASE), false);
    } catch (IOException e) {
      throw new RunFailure("Cannot release the lease of " + stateId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Commits a new value on top of {@code expectedGeneration} (0 when nothing was stored); fails if
   * another commit got there first.
   */
  public WatermarkState commit(String stateId, String value, String field, String runId, long expectedGeneration) {
    Path folder = folder(stateId);
    WatermarkState state = new WatermarkState(stateId, value, field, Instant.now().toString(), runId,
        expectedGeneration + 1);
    Path target = new Path(folder, "v-" + String.format("%012d", state.generation()) + ".json");
    Path temporary = new Path(folder, "_tmp-" + runId + "-" + state.generation() + ".json");
    try {
      FileSystem fs = fs();
      try (OutputStream out = fs.create(temporary, true)) {
        out.write(state.json().getBytes(StandardCharsets.UTF_8));
      }
      if (fs.exists(target) || !fs.rename(temporary, target)) {
        fs.delete(temporary, false);
        throw new RunFailure("Cannot commit the watermark of " + stateId + ": generation " + state.generation()
            + " was committed by another run first (" + target + ")");
      }
      prune(folder);
      return state;
    } catch (IOException e) {
      throw new RunFailure("Cannot commit the watermark of " + stateId + ": " + e.getMessage() + " (" + folder + ")", e);
    }
  }

  /** Forgets the value of a state id (the next run starts from its default), as a new generation. */
  public void reset(String stateId) {
    commit(stateId, null, null, "reset", generation(stateId));
    clearPending(stateId);
  }

  /** Records what a run will commit as {@code generation} once its sinks have written. */
  public void intend(String stateId, long generation, String value, String runId) {
    Path pending = new Path(folder(stateId), PENDING);
    WatermarkState intent = new WatermarkState(stateId, value, null, Instant.now().toString(), runId, generation);
    try (OutputStream out = fs().create(pending, true)) {
      out.write(intent.json().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RunFailure("Cannot record the pending watermark of " + stateId + ": " + e.getMessage() + " ("
          + pending + ")", e);
    }
  }

  /** The intent of a run that has not committed it yet, if its generation is still the next one. */
  public Optional<WatermarkState> pending(String stateId) {
    Path pending = new Path(folder(stateId), PENDING);
    try (InputStream in = fs().open(pending)) {
      WatermarkState intent = WatermarkState.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return intent.generation() == generation(stateId) + 1 ? Optional.of(intent) : Optional.empty();
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new RunFailure("Cannot read the pending watermark of " + stateId + ": " + e.getMessage() + " ("
          + pending + ")", e);
    }
  }

  /** Removes a state id's intent once it is committed (or reset). */
  public void clearPending(String stateId) {
    try {
      fs().delete(new Path(folder(stateId), PENDING), false);
    } catch (IOException e) {
      throw new RunFailure("Cannot remove the pending watermark of " + stateId + ": " + e.getMessage(), e);
    }
  }

  /** The folder of a state id: its characters other than letters, digits, '.', '_' and '-' escaped. */
  Path folder(String stateId) {
    StringBuilder name = new StringBuilder();
    for (char c : stateId.toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') {
        name.append(c);
      } else {
        name.append('%').append(String.format("%02X", (int) c));
      }
    }
    return new Path(root, name.toString().replace("%", "~"));
  }

  private List<Path> versions(Path folder) throws IOException {
    FileStatus[] found;
    try {
      found = fs().listStatus(folder, p -> p.getName().startsWith("v-") && p.getName().endsWith(".json"));
    } catch (FileNotFoundException e) {
      return List.of();
    }
    return Arrays.stream(found).map(FileStatus::getPath).sorted(Comparator.comparing(Path::getName))
        .collect(Collectors.toList());
  }

  private void prune(Path folder) throws IOException {
    List<Path> versions = versions(folder);
    for (Path old : versions.subList(0, Math.max(0, versions.size() - KEPT_GENERATIONS))) {
      fs().delete(old, false);
    }
  }

  private String describeLease(Path lease) {
    try (InputStream in = fs().open(lease)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return lease.toString();
    }
  }

  private boolean exists(Path path) {
    try {
      return fs().exists(path);
    } catch (IOException e) {
      return false;
    }
  }

  private FileSystem fs() throws IOException {
    return root.getFileSystem(conf);
  }
}
