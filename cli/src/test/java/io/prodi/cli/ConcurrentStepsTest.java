package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.run.LayerEngine;
import io.prodi.run.RunContext;
import io.prodi.run.RunFailure;
import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run-pipeline --parallel N} with a hand-written engine that records when each step starts and ends:
 * the order the graph asks for, steps side by side, and what happens at the first failure.
 */
class ConcurrentStepsTest {
  @TempDir
  Path tmp;
  private ConfigFolder folder;

  @BeforeEach
  void setUp() {
    folder = PipelineGraphTest.chains(tmp, "a", "b", "c");
  }

  @Test
  void stepsRunSideBySideAndEachOnlyAfterWhatItReads() {
    String file = folder.write("p.yml", "steps:\n"
        + "  - {name: a.raw, layer: raw, config: cfg/a.raw.yml}\n  - {name: a.bronze, layer: bronze, config: cfg/a.bronze.yml}\n"
        + "  - {name: b.raw, layer: raw, config: cfg/b.raw.yml}\n  - {name: b.bronze, layer: bronze, config: cfg/b.bronze.yml}\n"
        + "  - {name: c.raw, layer: raw, config: cfg/c.raw.yml, after: [b.bronze]}\n");
    RecordingEngine engine = new RecordingEngine(Map.of());
    CliRun run = CliRun.run(Map.of(), engine, null, "run-pipeline", "-p", file, "--parallel", "2");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(engine.started).containsExactlyInAnyOrder("a.raw", "a.bronze", "b.raw", "b.bronze", "c.raw");
    assertThat(engine.mostAtOnce.get()).isEqualTo(2);
    assertThat(engine.pools).containsEntry("a.raw", "a.raw").containsEntry("b.bronze", "b.bronze");
    for (String[] edge : new String[][] {{"a.raw", "a.bronze"}, {"b.raw", "b.bronze"}, {"b.bronze", "c.raw"}}) {
      assertThat(engine.ended.indexOf(edge[0])).as(edge[1] + " waits for " + edge[0]).isNotNegative();
      assertThat(engine.events.indexOf("end " + edge[0])).as(edge[1] + " starts after " + edge[0] + " ended")
          .isLessThan(engine.events.indexOf("start " + edge[1]));
    }
  }

  @Test
  void oneStepAtATimeKeepsFileOrderAndUsesNoPools() {
    String file = folder.write("p.yml", "steps:\n"
        + "  - {name: a.raw, layer: raw, config: cfg/a.raw.yml}\n  - {name: b.raw, layer: raw, config: cfg/b.raw.yml}\n"
        + "  - {name: a.bronze, layer: bronze, config: cfg/a.bronze.yml}\n");
    RecordingEngine engine = new RecordingEngine(Map.of());
    CliRun run = CliRun.run(Map.of(), engine, null, "run-pipeline", "-p", file);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(engine.started).containsExactly("a.raw", "b.raw", "a.bronze");
    assertThat(engine.mostAtOnce.get()).isEqualTo(1);
    assertThat(engine.pools).isEmpty();
  }

  @Test
  void afterTheFirstFailureRunningStepsFinishAndNoNewStepStarts() {
    String file = folder.write("p.yml", "steps:\n"
        + "  - {name: a.raw, layer: raw, config: cfg/a.raw.yml}\n"
        + "  - {name: b.raw, layer: raw, config: cfg/b.raw.yml}\n  - {name: b.bronze, layer: bronze, config: cfg/b.bronze.yml}\n"
        + "  - {name: c.raw, layer: raw, config: cfg/c.raw.yml}\n");
    CountDownLatch bStarted = new CountDownLatch(1);
    CountDownLatch aFailed = new CountDownLatch(1);
    RecordingEngine engine = new RecordingEngine(Map.of(
        "a.raw", () -> {
          await(bStarted);
          aFailed.countDown();
          throw new RunFailure("Cannot read a: no such file (in/a)");
        },
        "b.raw", () -> {
          bStarted.countDown();
          await(aFailed);
          sleep(500); // the pipeline has seen a.raw's failure long before b.raw ends
        }));
    CliRun run = CliRun.run(Map.of(), engine, null, "run-pipeline", "-p", file, "--parallel", "2");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(engine.started).containsExactlyInAnyOrder("a.raw", "b.raw");
    assertThat(engine.ended).containsExactly("b.raw");
    assertThat(run.errors()).containsExactly("prodi: error: [a.raw] Cannot read a: no such file (in/a)",
        "prodi: error: Cannot continue pipeline: step a.raw exited with 1 (" + tmp.resolve("cfg/a.raw.yml") + ")");
    assertThat(run.err()).contains("[pipeline] not started: b.bronze, c.raw");
    assertThat(run.out()).contains("\"status\":\"failed\"").contains("\"status\":\"succeeded\"");
  }

  @Test
  void dryRunStepsSideBySidePrintEachPlanWhole() {
    String file = folder.write("p.yml", "steps:\n  - {layer: raw, config: cfg/a.raw.yml}\n"
        + "  - {layer: raw, config: cfg/b.raw.yml}\n  - {layer: raw, config: cfg/c.raw.yml}\n");
    CliRun run = CliRun.prodi("run-pipeline", "-p", file, "--dry-run", "--parallel", "3", "--base-dir", tmp.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.outLines();
    for (String name : new String[] {"a", "b", "c"}) {
      int plan = lines.indexOf("[raw] plan for " + tmp.resolve("cfg/" + name + ".raw.yml") + " (dry run)");
      assertThat(plan).as(name).isNotNegative();
      assertThat(lines.get(plan + 1)).isEqualTo("  read    source 1: files parquet " + tmp.resolve("in/" + name));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other step started").isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs nothing: records each step's start and end (by its pool, else its config), sleeping a little. */
  private static final class RecordingEngine implements LayerEngine {
    private final Map<String, Runnable> behaviour;
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> ended = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final Map<String, String> pools = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    RecordingEngine(Map<String, Runnable> behaviour) {
      this.behaviour = behaviour;
    }

    @Override
    public void run(RunContext context) {
      String uri = context.loaded().config().uri();
      String file = uri.substring(uri.lastIndexOf('/') + 1).replace(".yml", "");
      context.pool().ifPresent(pool -> pools.put(file, pool));
      started.add(file);
      events.add("start " + file);
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        behaviour.getOrDefault(file, () -> sleep(150)).run();
      } finally {
        running.decrementAndGet();
      }
      events.add("end " + file);
      ended.add(file);
    }
  }
}
