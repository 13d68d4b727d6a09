package io.prodi.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.collection.JavaConverters;

/**
 * Counts the Spark jobs of one layer (those whose description starts with "[layer]", as prodi names
 * them) and the records their tasks read: the honest proof of "one pass", as Deequ's
 * VerificationSuiteTest counts jobs. Jobs of earlier tests still on the listener bus are ignored, and so are
 * the jobs over the event log ("[layer] event log..."): its row written after the run and the history an
 * anomaly check reads are not passes over the layer's data.
 */
public final class JobCounter extends SparkListener implements AutoCloseable {
  private final String prefix;
  private final Map<Integer, String> jobs = new ConcurrentHashMap<>();
  private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
  private final AtomicLong recordsRead = new AtomicLong();

  private JobCounter(String layer) {
    this.prefix = "[" + layer + "]";
  }

  public static JobCounter start(String layer) {
    JobCounter counter = new JobCounter(layer);
    TestSession.get().sparkContext().addSparkListener(counter);
    return counter;
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    String description = jobStart.properties() == null ? null : jobStart.properties().getProperty("spark.job.description");
    if (description != null && description.startsWith(prefix) && !description.startsWith(prefix + " event log")) {
      jobs.put(jobStart.jobId(), description);

      JavaConverters.seqAsJavaList(jobStart.stageIds()).forEach(id -> stages.add((Integer) id));
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.taskMetrics() != null && stages.contains(taskEnd.stageId())) {
      recordsRead.addAndGet(taskEnd.taskMetrics().inputMetrics().recordsRead());

    }
  }

  /** Lets the listener bus deliver the events of jobs that have ended. */
  private static void drain() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The descriptions of the layer's jobs, in job order. */
  public java.util.List<String> jobs() {
    drain();
    return new java.util.TreeMap<>(jobs).values().stream().collect(java.util.stream.Collectors.toList());
  }

  /** Records the layer's tasks read: from files, and one per cached block read from Spark's cache. */
  public long recordsRead() {
    drain();
    return recordsRead.get();
  }

  /**
   * Bytes read through Hadoop's local file system by the whole JVM so far: what scans of local
   * files cost (reading Spark's cache does not go through it).
   */
  public static long localBytesRead() {
    return org.apache.hadoop.fs.FileSystem.getAllStatistics().stream()
        .filter(s -> s.getScheme().equals("file")).mapToLong(org.apache.hadoop.fs.FileSystem.Statistics::getBytesRead)
        .sum();
  }

  @Override
  public void close() {
    TestSession.get().sparkContext().removeSparkListener(this);
  }
}
