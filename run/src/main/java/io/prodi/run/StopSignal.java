package io.prodi.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A continuous stream's stop: SIGTERM (a Dataproc job cancel, YARN stopping the container) starts the JVM's
 * shutdown, whose first hook (ahead of Spark's, which stops the SparkContext) asks the loop to start no new
 * micro-batch and waits up to the grace for the one in flight; a batch still running then is cut off with the
 * process and redone on restart, exactly (its intent is recorded). A stop that found the loop finished exits 0.
 */
public final class StopSignal {
  /** Ahead of Spark's own shutdown hook (Hadoop's FileSystem priority + 30) and of the file systems closing. */
  private static final int BEFORE_SPARK = 100;
  private static final int LAST = 1;

  private volatile boolean requested;
  private volatile boolean cleanlyStopped;
  private final CountDownLatch loopDone = new CountDownLatch(1);
  private final Object wake = new Object();

  /** A signal the process's shutdown raises (SIGTERM); {@code grace} is what the batch in flight gets. */
  public static StopSignal onShutdown(Duration grace, Console console) {
    StopSignal signal = new StopSignal();
    org.apache.hadoop.util.ShutdownHookManager hooks = org.apache.hadoop.util.ShutdownHookManager.get();
    hooks.addShutdownHook(() -> {
      console.progress("stop requested: no new micro-batch starts; the one in flight has " + grace.getSeconds()
          + " s to finish");
      signal.request();
      signal.awaitLoop(grace);
    }, BEFORE_SPARK, grace.getSeconds() + 5, TimeUnit.SECONDS);
    hooks.addShutdownHook(() -> {
      if (signal.cleanlyStopped) {
        Runtime.getRuntime().halt(0); // a requested stop that finished its batch is a success, not a 143
      }
    }, LAST);
    return signal;
  }

  /** A signal only {@link #request()} raises (tests, embedding). */
  public static StopSignal manual() {
    return new StopSignal();
  }

  public void request() {
    requested = true;
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  public boolean requested() {
    return requested;
  }

  /** Waits up to {@code duration} or until a stop is requested; true when it was. */
  boolean sleep(Duration duration) throws InterruptedException {
    long until = System.nanoTime() + duration.toNanos();
    synchronized (wake) {
      while (!requested && System.nanoTime() < until) {
        TimeUnit.NANOSECONDS.timedWait(wake, Math.max(1, until - System.nanoTime()));
      }
    }
    return requested;
  }

  /** The loop has ended: {@code clean} when it stopped between batches as asked. */
  void loopEnded(boolean clean) {
    cleanlyStopped = clean && requested;
    loopDone.countDown();
  }

  private void awaitLoop(Duration grace) {
    try {
      loopDone.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
