package io.prodi.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster (bin/local-cluster: a master and two workers on loopback, from the
 * Maven Spark jars) running the same shaded jar through bin/prodi, as Dataproc runs it.
 */
class LocalClusterIT {
  private static final Map<String, String> ON_CLUSTER = Map.of("PRODI_SPARK_MASTER", "spark://127.0.0.1:7077",
      "PRODI_NO_BUILD", "1");

  @BeforeAll
  static void startCluster() throws Exception {
    ProcessRun start = ProcessRun.run(Map.of(), List.of("bin/local-cluster", "start", "2"));
    assertThat(start.exitCode).as(start.toString()).isZero();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    ProcessRun.run(Map.of(), List.of("bin/local-cluster", "stop"));
  }

  private static void copy(String folder, Path base) throws Exception {
    try (Stream<Path> files = Files.walk(Paths.get(folder))) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = base.resolve(source.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static List<String> csvRows(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".csv")).flatMap(p -> {
        try {
          return Files.readAllLines(p).stream().skip(1);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void theFinanceExampleOnTheClusterGivesTheSameGoldAsLocally(@TempDir Path base) throws Exception {
    copy("cfg", base);
    copy("samples", base);
    ProcessRun run = ProcessRun.run(ON_CLUSTER, List.of("bin/prodi", "run-pipeline", "-p",
        base.resolve("cfg/pipelines/finance.yml").toString(), "--base-dir", base.toString()));
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(csvRows(base.resolve("data/gold/account_daily_csv"))).containsExactly(
        "A100,USD,2024-06-01,100.50,2,1", "A100,USD,2024-06-03,310.00,1,0", "A100,USD,2024-06-04,88.80,1,0",
        "A200,EUR,2024-06-01,999.99,1,0", "A200,EUR,2024-06-03,60.10,1,0", "A300,COP,2024-06-02,15000.00,1,0",
        "A300,COP,2024-06-03,-5000.00,1,1", "A300,COP,2024-06-04,23000.00,1,0", "A400,USD,2024-06-04,12.00,1,0",
        "A500,USD,2024-06-03,250000000.00,1,0");
  }

  @Test
  void aWorkerKilledInTheMiddleOfALayerStillLeavesACorrectResult(@TempDir Path base) throws Exception {
    int rows = 3_000_000;
    Files.createDirectories(base.resolve("in"));
    try (BufferedWriter out = Files.newBufferedWriter(base.resolve("in/events.csv"), StandardCharsets.UTF_8)) {
      out.write("id,account,amount\n");
      for (int i = 0; i < rows; i++) {
        out.write(i + ",A" + (i % 1000) + "," + (i % 97) + "\n");
      }
    }
    Path config = base.resolve("silver.yml");
    // small input splits and a few slow rows (reflect: Thread.sleep), so that both workers' executors are busy for
    // seconds when one dies: its running tasks and the shuffle output it held must be redone
    Files.writeString(config, "layer: silver\ncompute: {options: {spark.sql.shuffle.partitions: '8', "
        + "spark.sql.files.maxPartitionBytes: '4194304', spark.sql.adaptive.enabled: 'false'}}\nio:\n"
        + "  source: {format: csv, path: in, options: {header: 'true'}, schema: 'id INT, account STRING, amount INT'}\n"
        + "  sink: {format: csv, path: out, mode: overwrite, coalesce: 1, options: {header: 'true'}}\n"
        + "transform:\n  pre: [{dedupe: {keys: [id], order_by: [amount desc]}}]\n"
        + "  sql: \"SELECT account, count(*) AS n, sum(amount) AS total FROM __INPUT__ WHERE coalesce(reflect('java.lang.Thread', "
        + "'sleep', CAST(IF(id % 100000 = 7, 1500, 0) AS BIGINT)), 'slept') IS NOT NULL GROUP BY account\"\n");
    Path events = Files.createDirectories(base.resolve("spark-events"));
    int uiPort;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      uiPort = free.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder("bin/prodi", "run-layer", "-c", config.toString(), "--base-dir",
        base.toString()).redirectErrorStream(true).redirectOutput(base.resolve("run.log").toFile());
    builder.environment().putAll(ON_CLUSTER);
    builder.environment().put("PRODI_JAVA_OPTS", "-Dspark.eventLog.enabled=true -Dspark.eventLog.dir=" + events.toUri()
        + " -Dspark.ui.enabled=true -Dspark.ui.port=" + uiPort);
    builder.environment().remove("PRODI_FORCE_DRY_RUN");
    Process prodi = builder.start();
    long worker = Long.parseLong(Files.readString(Paths.get("target/local-spark/worker-1.pid")).trim());
    // the worker dies while its executor runs tasks of the layer (Spark's REST API on the driver says so), not after a
    // fixed wait: on a loaded machine a fixed wait may hit an executor that has not started a task yet
    List<ProcessHandle> executors = awaitBusyExecutors(worker, uiPort, prodi, java.time.Duration.ofSeconds(120));
    assertThat(prodi.isAlive()).as("the layer is still running when the worker dies").isTrue();
    kill9(worker);
    awaitAliveWorkers(1, java.time.Duration.ofSeconds(30));
    for (ProcessHandle executor : executors) {
      executor.onExit().get(60, TimeUnit.SECONDS); // its WorkerWatcher ends it: Spark has lost that executor
    }
    assertThat(prodi.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(base.resolve("run.log"));
    assertThat(prodi.exitValue()).as(log).isZero();
    Map<String, Long> reasons = taskEndReasons(events);
    System.out.println("LocalClusterIT: task end reasons after the worker's loss: " + reasons);
    assertThat(redoneTasks(events)).as("tasks of the lost executor, failed and run again (Spark's event log; task "
        + "end reasons seen: " + reasons + ")").isPositive();
    List<String> expected = new java.util.ArrayList<>();
    for (int account = 0; account < 1000; account++) {
      expected.add("A" + account + "," + (rows / 1000) + "," + expectedTotal(rows, account));
    }
    assertThat(csvRows(base.resolve("out"))).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * The tasks Spark's event log shows lost with their executor and run again: task ends whose reason is
   * ExecutorLostFailure (a running task), Resubmitted (a finished map task whose output died with it) or
   * FetchFailed (a reduce task that could not fetch that output, so that its map stage ran again).
   */
  static long redoneTasks(Path events) throws Exception {
    return taskEnds(events).stream().filter(line -> line.contains("\"Reason\":\"ExecutorLostFailure\"")
        || line.contains("\"Reason\":\"Resubmitted\"") || line.contains("\"Reason\":\"FetchFailed\"")).count();
  }

  /** How many task ends the event log has for each reason (for the message of a failed check). */
  private static Map<String, Long> taskEndReasons(Path events) throws Exception {
    java.util.regex.Pattern reason = java.util.regex.Pattern.compile("\"Task End Reason\":\\{\"Reason\":\"([A-Za-z]+)\"");
    return taskEnds(events).stream().map(reason::matcher).map(m -> m.find() ? m.group(1) : "(none)")
        .collect(Collectors.groupingBy(r -> r, java.util.TreeMap::new, Collectors.counting()));
  }

  /** The task-end events of every event log in {@code events}. */
  private static List<String> taskEnds(Path events) throws Exception {
    try (Stream<Path> logs = Files.list(events)) {
      return logs.flatMap(log -> {
        try {
          return Files.readAllLines(log).stream();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).filter(line -> line.startsWith("{\"Event\":\"SparkListenerTaskEnd\"")).collect(Collectors.toList());
    }
  }

  /** The executor processes a worker started (its children running CoarseGrainedExecutorBackend). */
  private static List<ProcessHandle> executorsOf(long worker) {
    return ProcessHandle.of(worker).map(w -> w.children().filter(c -> c.info().commandLine().orElse("")
        .contains("CoarseGrainedExecutorBackend")).collect(Collectors.toList())).orElse(List.of());
  }

  /**
   * The executor processes of {@code worker} once the driver's REST API (its UI on {@code uiPort}) shows one of them
   * running a task; fails when that does not happen within {@code within} or the run ends first.
   */
  private static List<ProcessHandle> awaitBusyExecutors(long worker, int uiPort, Process prodi,
      java.time.Duration within) throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    long deadline = System.nanoTime() + within.toNanos();
    String seen = "(no answer from the driver)";
    while (System.nanoTime() < deadline && prodi.isAlive()) {
      List<ProcessHandle> executors = executorsOf(worker);
      java.util.Set<String> ids = executors.stream().map(LocalClusterIT::executorId).collect(Collectors.toSet());
      try {
        com.fasterxml.jackson.databind.JsonNode apps = json.readTree(get(client, uiPort, "/api/v1/applications"));
        if (apps.size() > 0) {
          seen = get(client, uiPort, "/api/v1/applications/" + apps.get(0).get("id").asText() + "/executors");
          for (com.fasterxml.jackson.databind.JsonNode executor : json.readTree(seen)) {
            if (ids.contains(executor.get("id").asText()) && executor.get("activeTasks").asInt() > 0) {
              return executors;
            }
          }
        }
      } catch (java.io.IOException notYet) {
        seen = notYet.toString(); // the driver's UI is not up yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no executor of worker " + worker + " ran a task within " + within.getSeconds()
        + " s (run alive: " + prodi.isAlive() + "; executors: " + seen + ")");
  }

  private static String get(java.net.http.HttpClient client, int port, String path) throws Exception {
    java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + port + path)).timeout(java.time.Duration.ofSeconds(2)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new java.io.IOException("HTTP " + response.statusCode() + " for " + path);
    }
    return response.body();
  }

  /** The {@code --executor-id} of an executor process's command line. */
  private static String executorId(ProcessHandle executor) {
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("--executor-id (\\S+)")
        .matcher(executor.info().commandLine().orElse(""));
    return id.find() ? id.group(1) : "(unknown)";
  }

  /** {@code kill -9 pid}; fails when kill does (no such process). */
  private static void kill9(long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-9", String.valueOf(pid)).redirectErrorStream(true).start();
    String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kill.waitFor()).as("kill -9 " + pid + ": " + said).isZero();
  }

  /** Waits until the master reports {@code expected} alive workers; fails when it does not within {@code within}. */
  private static void awaitAliveWorkers(int expected, java.time.Duration within) throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:8080/json/")).timeout(java.time.Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + within.toNanos();
    int alive = -1;
    while (System.nanoTime() < deadline) {
      String json = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(json);
      alive = m.find() ? Integer.parseInt(m.group(1)) : -1;
      if (alive == expected) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the master reports " + alive + " alive workers, not " + expected + ", after "
        + within.getSeconds() + " s");
  }

  /**
   * The checks above fail when no worker is lost: a kill of no process, a worker count that never arrives, an event
   * log whose tasks all succeeded the first time (as this test's own run did when its kill hit an idle executor).
   */
  @Test
  void theLossChecksFailWhenNoWorkerIsLost(@TempDir Path events) throws Exception {
    Files.writeString(events.resolve("app-1"), "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":0,"
        + "\"Task End Reason\":{\"Reason\":\"Success\"}}\n");
    assertThat(redoneTasks(events)).isZero();
    Files.writeString(events.resolve("app-2"), "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":1,"
        + "\"Task End Reason\":{\"Reason\":\"ExecutorLostFailure\",\"Executor ID\":\"0\"}}\n");
    assertThat(redoneTasks(events)).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> kill9(Integer.MAX_VALUE - 1))
        .isInstanceOf(AssertionError.class).hasMessageContaining("kill -9");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> awaitAliveWorkers(3, java.time.Duration.ofSeconds(2)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("alive workers, not 3");
  }

  private static long expectedTotal(int rows, int account) {
    long total = 0;
    for (int i = account; i < rows; i += 1000) {
      total += i % 97;
    }
    return total;
  }
}
