package io.prodi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.cloud.dataproc.v1.Batch;
import com.google.cloud.dataproc.v1.OrderedJob;
import com.google.cloud.dataproc.v1.SparkBatch;
import com.google.cloud.dataproc.v1.SparkJob;
import com.google.cloud.dataproc.v1.WorkflowTemplate;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Dataproc file in {@code jobs/} parses with Google's official Dataproc v1 messages:
 * an unknown field, a wrong type or two fields of one {@code oneof} fail here, not at
 * {@code gcloud dataproc workflow-templates import}.
 */
class DataprocMessagesTest {
  static final Path JOBS = Paths.get(System.getProperty("prodi.root", "..")).toAbsolutePath().normalize()
      .resolve("jobs/dataproc");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> dataprocFiles() throws IOException {
    try (Stream<Path> files = Files.list(JOBS)) {
      return files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().collect(Collectors.toList());
    }
  }

  /** The message a file holds, told by its name: {@code workflow-*} templates, {@code batch-*} Serverless batches. */
  private static Message.Builder messageFor(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith("workflow-")) {
      return WorkflowTemplate.newBuilder();
    }
    if (name.startsWith("batch-")) {
      return Batch.newBuilder();
    }
    throw new AssertionError("Cannot check " + file + ": a Dataproc file is named workflow-* or batch-*");
  }

  private static <B extends Message.Builder> B parse(String yaml, B builder) throws IOException {
    JsonFormat.parser().merge(JSON.writeValueAsString(YAML.readTree(yaml)), builder);
    return builder;
  }

  @Test
  void thereAreTemplatesToCheck() throws IOException {
    assertThat(dataprocFiles()).extracting(p -> p.getFileName().toString())
        .contains("workflow-managed.yaml", "workflow-selector.yaml");
  }

  @ParameterizedTest
  @MethodSource("dataprocFiles")
  void parsesWithTheOfficialMessages(Path file) throws IOException {
    Message message = parse(Files.readString(file), messageFor(file)).build();
    if (message instanceof WorkflowTemplate) {
      WorkflowTemplate template = (WorkflowTemplate) message;
      assertThat(template.getJobsList()).extracting(OrderedJob::getStepId)
          .containsExactly("raw", "bronze", "silver", "gold");
      for (OrderedJob job : template.getJobsList()) {
        SparkJob spark = job.getSparkJob();
        assertThat(spark.getDriverCase()).as(file + " " + job.getStepId()).isEqualTo(SparkJob.DriverCase.MAIN_CLASS);
        assertThat(spark.getMainClass()).matches("io\\.prodi\\.layers\\.(Raw|Bronze|Silver|Gold)Layer");
        assertThat(spark.getJarFileUrisList()).as(file + " " + job.getStepId())
            .anyMatch(uri -> uri.matches("gs://.*/prodi_2\\.12-.*\\.jar"));
        if (namesCredentials(spark.getArgsList().get(1))) {
          assertThat(spark.getPropertiesMap()).as("%s %s: its config names credentials; they come from Secret Manager",
              file, job.getStepId()).containsEntry(CREDENTIAL_PROVIDERS, "gsm://projects/datalake-prod");
        }
      }
      assertThat(template.getJobsList()).as("the gold step writes the mart with credentials")
          .anyMatch(job -> namesCredentials(job.getSparkJob().getArgsList().get(1)));
    } else {
      Batch batch = (Batch) message;
      assertThat(batch.getSparkBatch().getDriverCase()).as(file.toString()).isEqualTo(SparkBatch.DriverCase.MAIN_CLASS);
      assertThat(batch.getSparkBatch().getMainClass()).matches("io\\.prodi\\.layers\\.(Raw|Bronze|Silver|Gold)Layer");
      assertThat(batch.getSparkBatch().getJarFileUrisList()).as(file.toString())
          .containsOnlyOnce("gs://datalake-artifacts/libs/" + JAR_FOR_RUNTIME.get(batch.getRuntimeConfig().getVersion()));
    }
  }

  private static final String CREDENTIAL_PROVIDERS = "spark.hadoop.hadoop.security.credential.provider.path";

  /** Whether the config a step runs (gs://.../cfg/x.yml is cfg/x.yml here), or its base, has a *_env credential key. */
  private static boolean namesCredentials(String configUri) {
    Path config = JOBS.resolve("../../" + configUri.replaceAll("^gs://[^/]+/", "")).normalize();
    try {
      String text = Files.readString(config) + Files.readString(config.resolveSibling("base.yml"));
      return text.matches("(?s).*(user|password)_env:.*");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The jar each Serverless runtime in support takes (docs/run/dataproc.md, "Which jar"). */
  private static final Map<String, String> JAR_FOR_RUNTIME = Map.of(
      "2.2", "prodi_2.13-0.1.0.jar", "2.3", "prodi_2.13-0.1.0.jar", "3.0", "prodi-spark4_2.13-0.1.0.jar");

  @Test
  void thereIsABatchForEachCurrentServerlessLine() throws IOException {
    assertThat(dataprocFiles()).extracting(p -> p.getFileName().toString()).contains("batch-2.3.json", "batch-3.0.json");
  }

  @Test
  void theMainJarWithAMainClassThatTheApiRejectsFailsHere() {
    String both = "jobs:\n  - stepId: raw\n    sparkJob:\n      mainJarFileUri: gs://b/prodi.jar\n"
        + "      mainClass: io.prodi.layers.RawLayer\n";
    assertThatThrownBy(() -> parse(both, WorkflowTemplate.newBuilder()))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("main_class").hasMessageContaining("oneof");
  }

  @Test
  void anUnknownFieldOrAWrongTypeFailsHere() {
    assertThatThrownBy(() -> parse("jobs:\n  - stepId: raw\n    sparkJob: {mainClass: X, jarUris: [a]}\n",
        WorkflowTemplate.newBuilder())).isInstanceOf(InvalidProtocolBufferException.class).hasMessageContaining("jarUris");
    assertThatThrownBy(() -> parse("placement:\n  managedCluster:\n    config:\n      workerConfig: {numInstances: many}\n",
        WorkflowTemplate.newBuilder())).isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("many");
  }
}
