package io.prodi.engine.spi;

import java.util.Optional;

/**
 * What one micro-batch of a stream source reads, decided before it reads: the intent the state store keeps (a
 * rerun after a crash reads exactly it), the position that commits after every sink did, and how far the stream
 * is: records in the batch, records left behind it ({@code lag}), the target an {@code available_now} run stops at.
 */
public final class StreamPlan {
  private final String intent;
  private final String end;
  private final long records;
  private final long lag;
  private final String target;
  private final boolean reachesTarget;

  public StreamPlan(String intent, String end, long records, long lag, String target, boolean reachesTarget) {
    this.intent = intent;
    this.end = end;
    this.records = records;
    this.lag = lag;
    this.target = target;
    this.reachesTarget = reachesTarget;
  }

  /** What the batch reads, as the state store's intent (the reader gets it too). */
  public String intent() {
    return intent;
  }

  /** The position that commits once every sink has. */
  public String end() {
    return end;
  }

  public long records() {
    return records;
  }

  /** Records the stream holds after this batch's end (at planning time). */
  public long lag() {
    return lag;
  }

  /** Where an {@code available_now} run stops: the stream's end when its first batch was planned. */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /** Whether this batch reaches the target (the run's last batch). */
  public boolean reachesTarget() {
    return reachesTarget;
  }

  /** What a planner is given: the committed position, a crashed batch's intent, the run's target. */
  public static final class Request {
    private final String stateId;
    private final Optional<String> committed;
    private final Optional<String> pending;
    private final Optional<String> target;

    public Request(String stateId, Optional<String> committed, Optional<String> pending, Optional<String> target) {
      this.stateId = stateId;
      this.committed = committed;
      this.pending = pending;
      this.target = target;
    }

    /** The state id the position is kept under (what {@code prodi state reset --state-id} names). */
    public String stateId() {
      return stateId;
    }

    public Optional<String> committed() {
      return committed;
    }

    /** The intent of an earlier attempt that did not commit: replayed exactly. */
    public Optional<String> pending() {
      return pending;
    }

    /** The target of the run's earlier batches (empty for a run's first batch, or a continuous trigger's). */
    public Optional<String> target() {
      return target;
    }
  }
}
