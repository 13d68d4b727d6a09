package io.prodi.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the steps of a {@link PipelineGraph}, at most {@code parallel} at once, each as soon as every step
 * it waits for has succeeded, preferring file order. After the first failure no new step starts; the
 * running ones finish. With {@code parallel = 1} the steps run one after another in file order.
 */
public final class StepScheduler {
  /** Runs one step and returns its exit code. */
  public interface StepRunner {
    int run(StepNode step, int number);
  }

  /** How the steps went: the first failure's exit code (0 when none failed) and the steps never started. */
  public static final class Outcome {
    private final int code;
    private final String failedStep;
    private final List<String> notStarted;

    Outcome(int code, String failedStep, List<String> notStarted) {
      this.code = code;
      this.failedStep = failedStep;
      this.notStarted = List.copyOf(notStarted);
    }

    public int code() {
      return code;
    }

    /** The first step that failed; null when none did. */
    public String failedStep() {
      return failedStep;
    }

    public List<String> notStarted() {
      return notStarted;
    }
  }

  private final int parallel;

  public StepScheduler(int parallel) {
    if (parallel < 1) {
      throw new IllegalArgumentException("Cannot schedule steps: parallel must be at least 1 (" + parallel + ")");
    }
    this.parallel = parallel;
  }

  public Outcome run(PipelineGraph graph, StepRunner runner) {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(parallel, task -> {
      Thread thread = new Thread(task, "prodi-step-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      return run(graph, runner, new ExecutorCompletionService<>(pool));
    } finally {
      pool.shutdown();
    }
  }

  private Outcome run(PipelineGraph graph, StepRunner runner, CompletionService<Finished> done) {
    List<StepNode> pending = new ArrayList<>(graph.order());
    Set<StepNode> succeeded = new HashSet<>();
    int running = 0;
    int started = 0;
    Finished firstFailure = null;
    while (true) {
      for (StepNode step : new ArrayList<>(pending)) {
        if (firstFailure != null || running == parallel) {
          break;
        }
        if (succeeded.containsAll(graph.dependenciesOf(step))) {
          pending.remove(step);
          int number = ++started;
          done.submit(() -> new Finished(step, runner.run(step, number)));
          running++;
        }
      }
      if (running == 0) {
        break;
      }
      Finished finished = take(done);
      running--;
      if (finished.code == LayerRun.OK) {
        succeeded.add(finished.step);
      } else if (firstFailure == null) {
        firstFailure = finished;
      }
    }
    List<String> notStarted = pending.stream().map(StepNode::name).collect(java.util.stream.Collectors.toList());
    return firstFailure == null ? new Outcome(LayerRun.OK, null, notStarted)
        : new Outcome(firstFailure.code, firstFailure.step.name(), notStarted);
  }

  private static Finished take(CompletionService<Finished> done) {
    try {
      return done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailure("Cannot run the pipeline: interrupted while steps ran (" + e.getMessage() + ")");
    } catch (ExecutionException e) {
      throw new RunFailure("Cannot run the pipeline: a step failed unexpectedly (" + e.getCause() + ")");
    }
  }

  private static final class Finished {
    private final StepNode step;
    private final int code;

    Finished(StepNode step, int code) {
      this.step = step;
      this.code = code;
    }
  }
}
