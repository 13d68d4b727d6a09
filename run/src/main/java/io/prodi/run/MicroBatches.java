package io.prodi.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.TriggerSpec;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The micro-batches of a layer that reads a stream, each a run of its own (summary, event-log row, lineage):
 * {@code available_now} runs batches until one reaches the target its first batch planned (the stream's end
 * when the run started), then stops; {@code every} starts one per interval until a stop is requested, starting
 * none after it. A failed batch ends the loop with its exit code (its offsets stay, a restart redoes it).
 */
final class MicroBatches {
  private final TriggerSpec trigger;
  private final StopSignal stop;
  private final Console console;

  MicroBatches(TriggerSpec trigger, StopSignal stop, Console console) {
    this.trigger = trigger;
    this.stop = stop;
    this.console = console;
  }

  /** Runs the batches; {@code runBatch} runs one and returns its exit code and summary. */
  int run(String layer, BiFunction<StreamBatch, StreamTargets, Map.Entry<Integer, RunSummary>> runBatch) {
    StreamBatch batch = StreamBatch.first();
    boolean clean = false;
    try {
      while (true) {
        if (stop.requested()) {
          console.progress("[" + layer + "] stopped before micro-batch " + batch.number());
          clean = true;
          return LayerRun.OK;
        }
        long started = System.nanoTime();
        StreamTargets targets = new StreamTargets();
        Map.Entry<Integer, RunSummary> outcome = runBatch.apply(batch, targets);
        if (outcome.getKey() != LayerRun.OK) {
          return outcome.getKey();
        }
        JsonNode stream = outcome.getValue().body().path("stream");
        if (!trigger.continuous()) {
          if (stream.path("reaches_target").asBoolean(true)) {
            clean = true;
            return LayerRun.OK;
          }
          batch = batch.next(targets.all());
          continue;
        }
        batch = batch.next(Map.of());
        Duration left = trigger.every().orElseThrow().minusNanos(System.nanoTime() - started);
        if (!left.isNegative() && stop.sleep(left)) {
          console.progress("[" + layer + "] stopped after micro-batch " + (batch.number() - 1));
          clean = true;
          return LayerRun.OK;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return LayerRun.FAILED;
    } finally {
      stop.loopEnded(clean);
    }
  }
}
