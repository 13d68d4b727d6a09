package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example pipeline of two datasets run with {@code --parallel 2} on the shared session: every step's
 * jobs in the step's own FAIR pool, and every output equal to a run of one step at a time.
 */
class ParallelPipelineTest {
  private static final Path ROOT = Paths.get(System.getProperty("prodi.root", "..")).toAbsolutePath().normalize();
  private static final String PIPELINE = "cfg/pipelines/datasets.yml";

  @TempDir
  Path parallel;
  @TempDir
  Path oneByOne;

  @Test
  void twoDatasetsSideBySideWriteWhatTheyWriteOneStepAtATime() throws Exception {
    Map<Integer, String> poolOfJob = new ConcurrentHashMap<>();
    Map<Integer, long[]> timeOfJob = new ConcurrentHashMap<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        String pool = job.properties() == null ? null : job.properties().getProperty("spark.scheduler.pool");
        if (pool != null) {
          poolOfJob.put(job.jobId(), pool);
          timeOfJob.put(job.jobId(), new long[] {job.time(), Long.MAX_VALUE});
        }
      }

      @Override
      public void onJobEnd(SparkListenerJobEnd job) {
        timeOfJob.computeIfPresent(job.jobId(), (id, span) -> new long[] {span[0], job.time()});
      }
    };
    SharedSpark.session().sparkContext().addSparkListener(listener);
    try {
      assertRuns(parallel, "--parallel", "2");
    } finally {
      SharedSpark.session().sparkContext().listenerBus().waitUntilEmpty();
      SharedSpark.session().sparkContext().removeSparkListener(listener);
    }
    assertRuns(oneByOne, "--parallel", "1");
    assertThat(Set.copyOf(poolOfJob.values()))
        .contains("customers.raw", "transactions.raw", "customers.gold", "transactions.gold");
    assertThat(overlappingDatasets(poolOfJob, timeOfJob)).as("jobs of both datasets' pools ran at the same time")
        .isPositive();

    JsonNode plan = new ObjectMapper().readTree(SharedSpark.prodi("plan", "-p", parallel.resolve(PIPELINE).toString(),
        "--format", "json", "--base-dir", parallel.toString()).out());
    int compared = 0;
    for (JsonNode step : plan.get("steps")) {
      for (JsonNode write : step.get("writes")) {
        String location = write.get("location").asText();
        String format = write.get("format").asText();
        Dataset<Row> mine = read(format, location);
        Dataset<Row> theirs = read(format, location.replace(parallel.toString(), oneByOne.toString()));
        assertThat(mine.count()).as(location).isPositive().isEqualTo(theirs.count());
        assertThat(mine.exceptAll(theirs).count() + theirs.exceptAll(mine).count()).as(location).isZero();
        compared++;
      }
    }
    assertThat(compared).isEqualTo(11);
  }

  private void assertRuns(Path base, String... options) {
    ConfigFolder.copyTree(ROOT.resolve("cfg"), base.resolve("cfg"));
    ConfigFolder.copyTree(ROOT.resolve("samples"), base.resolve("samples"));
    String[] args = Stream.concat(Stream.of("run-pipeline", "-p", base.resolve(PIPELINE).toString(),
        "--base-dir", base.toString()), Stream.of(options)).toArray(String[]::new);
    CliRun run = SharedSpark.prodi(args);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines().stream().filter(l -> l.contains("\"status\":\"succeeded\""))).hasSize(8);
  }

  /** The rows without the run's own columns ({@code _run_id}, {@code _ingestion_ts}, {@code _source}, ...). */
  private static Dataset<Row> read(String format, String location) {
    Dataset<Row> rows = SharedSpark.session().read().format(format).option("header", "true").load(location);
    return rows.drop(Stream.of(rows.columns()).filter(c -> c.startsWith("_")).toArray(String[]::new));
  }

  /** Pairs of jobs of two datasets' pools (customers.*, transactions.*) whose run times overlap. */
  static long overlappingDatasets(Map<Integer, String> poolOfJob, Map<Integer, long[]> timeOfJob) {
    long pairs = 0;
    for (Map.Entry<Integer, long[]> one : timeOfJob.entrySet()) {
      for (Map.Entry<Integer, long[]> other : timeOfJob.entrySet()) {
        String a = poolOfJob.get(one.getKey());
        String b = poolOfJob.get(other.getKey());
        boolean otherDataset = a.startsWith("customers.") && b.startsWith("transactions.");
        if (otherDataset && one.getValue()[0] < other.getValue()[1] && other.getValue()[0] < one.getValue()[1]) {
          pairs++;
        }
      }
    }
    return pairs;
  }

  @Test
  void theOverlapCheckFailsForJobsOneAfterTheOther() {
    Map<Integer, String> pools = Map.of(1, "customers.raw", 2, "transactions.raw", 3, "transactions.gold");
    assertThat(overlappingDatasets(pools, Map.of(1, new long[] {0, 10}, 2, new long[] {10, 20}, 3, new long[] {20, 30})))
        .isZero();
    assertThat(overlappingDatasets(pools, Map.of(1, new long[] {0, 10}, 2, new long[] {5, 20}, 3, new long[] {20, 30})))
        .isEqualTo(1);
  }
}
