package io.prodi.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's check scripts fail when there is nothing to check, instead of passing on zero; the Dataproc
 * scripts build, upload and submit what the docs say (gcloud and gsutil replaced by recorders on the PATH).
 */
class ScriptsIT {
  /** A PATH whose gcloud and gsutil print their arguments, one call per line, instead of calling Google Cloud. */
  private static Map<String, String> recordingCloudTools(Path bin) throws Exception {
    for (String tool : List.of("gcloud", "gsutil")) {
      Path script = bin.resolve(tool);
      Files.writeString(script, "#!/bin/sh\necho \"" + tool + " $*\"\n");
      script.toFile().setExecutable(true);
    }
    return Map.of("PATH", bin + ":" + System.getenv("PATH"));
  }

  @Test
  void buildAndUploadBuildsAndUploadsTheJarOfEveryTargetOrOfTheOnesNamed(@TempDir Path bin) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(recordingCloudTools(bin));
    env.put("PRODI_DRY_RUN", "1");
    ProcessRun all = ProcessRun.run(env, List.of("jobs/dataproc/build-and-upload.sh", "gs://b"));
    assertThat(all.exitCode).as(all.toString()).isZero();
    assertThat(all.out).contains("-pl layers/bundle/scala-2.12 -am package", "-P scala-2.13 -pl "
        + "layers/bundle/scala-2.13 -am package", "-P spark-4 -pl layers/bundle/spark-4 -am package")
        .contains("gs://b/libs/prodi_2.12-0.1.0.jar", "gs://b/libs/prodi_2.13-0.1.0.jar",
            "gs://b/libs/prodi-spark4_2.13-0.1.0.jar", "gs://b/libs/", "gs://b/cfg");
    ProcessRun one = ProcessRun.run(env, List.of("jobs/dataproc/build-and-upload.sh", "gs://b", "2.13"));
    assertThat(one.out).contains("gs://b/libs/prodi_2.13-0.1.0.jar").doesNotContain("prodi_2.12-0.1.0.jar");
    ProcessRun unknown = ProcessRun.run(env, List.of("jobs/dataproc/build-and-upload.sh", "gs://b", "2.11"));
    assertThat(unknown.exitCode).isEqualTo(2);
    assertThat(unknown.err).contains("Cannot build target 2.11: unknown target (valid: 2.12, 2.13, spark-4)");
  }

  @Test
  void theSubmitScriptsUseTheJarOfTheirPlatformAndReadCredentialsFromSecretManager(@TempDir Path bin)
      throws Exception {
    Map<String, String> env = recordingCloudTools(bin);
    ProcessRun serverless = ProcessRun.run(env, List.of("jobs/dataproc/submit-serverless.sh", "gold",
        "gs://datalake-artifacts/cfg/gold/gcp.prod.yml"));
    assertThat(serverless.exitCode).as(serverless.toString()).isZero();
    assertThat(serverless.out).contains("gcloud dataproc batches submit spark", "--version=2.3",
        "--class=io.prodi.layers.GoldLayer",
        "--jars=gs://datalake-artifacts/libs/prodi_2.13-0.1.0.jar,gs://datalake-artifacts/libs/postgresql-42.7.8.jar",
        "--properties=spark.hadoop.hadoop.security.credential.provider.path=gsm://projects/datalake-prod");
    ProcessRun cluster = ProcessRun.run(env, List.of("jobs/dataproc/submit-layer.sh", "raw",
        "gs://datalake-artifacts/cfg/raw/gcp.prod.yml"));
    assertThat(cluster.out).contains("gcloud dataproc jobs submit spark", "--class=io.prodi.layers.RawLayer",
        "--jars=gs://datalake-artifacts/libs/prodi_2.12-0.1.0.jar ", "gsm://projects/datalake-prod");
  }
  @Test
  void smokeProdFailsWhenItFindsNoProductionConfig(@TempDir Path empty) throws Exception {
    Files.writeString(empty.resolve("example.yml"), "layer: raw\n");
    ProcessRun run = ProcessRun.run(Map.of(), List.of("bin/smoke-prod", empty.toString()));
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.err).contains("smoke-prod: error: Cannot dry-run the production configs: no *.prod.yml under "
        + empty);
  }

  @Test
  void smokeProdFailsOnAProductionConfigThatDoesNotDryRun(@TempDir Path cfg) throws Exception {
    Files.writeString(cfg.resolve("broken.prod.yml"), "layer: raw\nio:\n  source: {path: in, formatt: csv}\n"
        + "  sink: {path: out}\n");
    ProcessRun run = ProcessRun.run(Map.of("PRODI_NO_BUILD", "1"), List.of("bin/smoke-prod", cfg.toString()));
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.out).contains("smoke-prod: FAILED " + cfg.resolve("broken.prod.yml"))
        .contains("did you mean 'format'?").contains("smoke-prod: 0 passed, 1 failed");
  }

  /** A config whose run dies without a "prodi: error" line (a JVM crash) fails, and the loop goes on to the next. */
  @Test
  void smokeProdChecksEveryConfigEvenAfterOneDiesWithoutAnErrorLine(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("bin"));
    Files.createDirectories(root.resolve("cfg"));
    Files.copy(Paths.get("bin/smoke-prod"), root.resolve("bin/smoke-prod"));
    Files.writeString(root.resolve("bin/prodi"), "#!/usr/bin/env bash\n" // a prodi whose JVM dies on one config
        + "if grep -q crash \"$3\"; then echo 'Exception in thread \"main\" java.lang.OutOfMemoryError'; exit 1; fi\n");
    root.resolve("bin/prodi").toFile().setExecutable(true);
    Files.writeString(root.resolve("cfg/a.prod.yml"), "layer: raw # crash\n");
    Files.writeString(root.resolve("cfg/b.prod.yml"), "layer: raw\n");
    ProcessRun run = ProcessRun.run(Map.of(), List.of(root.resolve("bin/smoke-prod").toString()));
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.out).contains("smoke-prod: FAILED cfg/a.prod.yml\n    (exited without a prodi: error line; its last "
        + "lines follow)\n    Exception in thread \"main\" java.lang.OutOfMemoryError\n")
        .contains("smoke-prod: ok     cfg/b.prod.yml").contains("smoke-prod: 1 passed, 1 failed");
  }

  /**
   * bin/local-kafka: a broker of its own on other ports; records produced over SASL/SCRAM with the test user are
   * consumed back, a wrong password is refused by the broker, and create-topic on a stopped broker says so.
   */
  @Test
  void localKafkaTakesTheScramUserRefusesAWrongPasswordAndStops(@TempDir Path dir) throws Exception {
    Map<String, String> port = Map.of("PRODI_KAFKA_PORT", "19092");
    try {
      ProcessRun start = ProcessRun.run(port, List.of("bin/local-kafka", "start"));
      assertThat(start.exitCode).as(start.toString()).isZero();
      assertThat(start.err).contains("local-kafka: Kafka on 127.0.0.1:19092 (PLAINTEXT) and 127.0.0.1:19094 (SASL "
          + "SCRAM-SHA-512, PLAIN)");
      assertThat(ProcessRun.run(port, List.of("bin/local-kafka", "create-topic", "orders", "3")).err)
          .contains("local-kafka: topic orders (3 partitions)");
      Path good = dir.resolve("good.properties");
      Files.writeString(good, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config="
          + "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"prodi\" password=\""
          + "prodi-local-test\";\n");
      Path bad = dir.resolve("bad.properties");
      Files.writeString(bad, Files.readString(good).replace("prodi-local-test", "not-the-password"));
      String kafka = "java -cp \"$(cat target/local-kafka-classpath.txt)\" ";
      ProcessRun produced = ProcessRun.run(Map.of(), List.of("bash", "-c", "printf 'a\\nb\\nc\\n' | " + kafka
          + "kafka.tools.ConsoleProducer --bootstrap-server 127.0.0.1:19094 --topic orders --producer.config " + good));
      assertThat(produced.exitCode).as(produced.toString()).isZero();
      String consume = kafka + "org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server 127.0.0.1:19094 "
          + "--topic orders --from-beginning --timeout-ms 15000 --consumer.config ";
      ProcessRun consumed = ProcessRun.run(Map.of(), List.of("bash", "-c", consume + good + " --max-messages 3"));
      assertThat(consumed.out.lines().sorted()).as(consumed.toString()).containsExactly("a", "b", "c");
      ProcessRun refused = ProcessRun.run(Map.of(), List.of("bash", "-c", consume + bad + " --max-messages 1"));
      assertThat(refused.out).as(refused.toString()).doesNotContain("a\n");
      assertThat(refused.err + Files.readString(Paths.get("target/local-kafka-19092/server.log")))
          .contains("Authentication failed during authentication due to invalid credentials with SASL mechanism "
              + "SCRAM-SHA-512");
    } finally {
      ProcessRun.run(port, List.of("bin/local-kafka", "stop"));
    }
    ProcessRun stopped = ProcessRun.run(port, List.of("bin/local-kafka", "create-topic", "late"));
    assertThat(stopped.exitCode).isEqualTo(1);
    assertThat(stopped.err).contains("local-kafka: error: Cannot create topic late: nothing listens on "
        + "127.0.0.1:19092 (bin/local-kafka start)");
  }
}
