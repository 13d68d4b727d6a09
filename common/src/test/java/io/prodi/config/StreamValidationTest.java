package io.prodi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.load.LoadedLayer;
import io.prodi.source.KafkaSourceSpec;
import io.prodi.testing.ConfigFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stream layer's config mistakes, each caught by validate with its YAML path, before any broker is asked. */
class StreamValidationTest {
  private static final String SINK = "  sink: {path: out, format: delta}\n";

  @TempDir
  Path tmp;

  private LoadedLayer load(String yaml) {
    return new LayerLoads(tmp, "bronze.yml").load(yaml);
  }

  private List<String> problems(String yaml) {
    return new LayerLoads(tmp, "bronze.yml").problems(yaml);
  }

  private static String kafka(String source, String rest) {
    return "layer: bronze\n" + rest + "io:\n  source: {type: kafka, bootstrap_servers: 'b:9092', " + source + "}\n"
        + SINK;
  }

  @Test
  void aStreamLayerWithASchemaFileIsValidAndReadsTheFile() {
    new ConfigFolder(tmp).write("schemas/orders.ddl", "order_id INT, amount DECIMAL(18,2)");
    LoadedLayer loaded = load(kafka("topics: [orders], value: {format: json, schema: schemas/orders.ddl}",
        "trigger: {every: PT1M}\n"));
    assertThat(loaded.problems()).isEmpty();
    LayerConfig config = loaded.config();
    assertThat(config.streams()).isTrue();
    assertThat(config.trigger().every()).hasValue(java.time.Duration.ofMinutes(1));
    assertThat(config.trigger().stopGrace()).isEqualTo(java.time.Duration.ofSeconds(30));
    KafkaSourceSpec source = (KafkaSourceSpec) config.sources().get(0);
    assertThat(source.value().schema()).hasValue("order_id INT, amount DECIMAL(18,2)");
    assertThat(config.dq().expectations()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("value_parses");
      assertThat(e.onFail()).isEqualTo(io.prodi.dq.OnFail.FAIL);
    });
  }

  @Test
  void withAQuarantineTheBuiltInValueCheckQuarantinesAndANamedOneIsKeptAsWritten() {
    String quarantine = "dq:\n  quarantine: {path: q, format: delta}\n";
    assertThat(load(kafka("topics: [t], value: {format: json, schema: 'id INT'}", "") + quarantine).config().dq()
        .expectations()).singleElement().satisfies(e -> assertThat(e.onFail()).isEqualTo(io.prodi.dq.OnFail.QUARANTINE));
    assertThat(load(kafka("topics: [t], value: {format: json, schema: 'id INT'}", "") + quarantine
        + "  expectations: [{type: value_parses, severity: warn}]\n").config().dq().expectations())
        .singleElement().satisfies(e -> assertThat(e.severity()).isEqualTo(io.prodi.dq.Severity.WARN));
    assertThat(load(kafka("topics: [t]", "")).config().dq().expectations()).as("string values always decode").isEmpty();
  }

  @Test
  void topicsAndPatternAreExactlyOne() {
    assertThat(problems(kafka("topics: [a], topic_pattern: 'a.*'", ""))).containsExactly(
        "ERROR io.source: Cannot read a kafka source: give exactly one of topics and topic_pattern (both)");
    assertThat(problems(kafka("starting_offsets: earliest", ""))).containsExactly(
        "ERROR io.source: Cannot read a kafka source: give exactly one of topics and topic_pattern (neither)");
    assertThat(problems(kafka("topic_pattern: 'orders-(['", ""))).singleElement().asString()
        .startsWith("ERROR io.source.topic_pattern: Cannot read topic_pattern: ");
  }

  @Test
  void triggersMustBeKnownDurationsOnALayerThatStreams() {
    assertThat(problems(kafka("topics: [a]", "trigger: sometimes\n"))).containsExactly(
        "ERROR trigger: Cannot run with trigger sometimes: expected available_now or a mapping {every: PT1M} (sometimes)");
    assertThat(problems(kafka("topics: [a]", "trigger: {every: 1m}\n"))).containsExactly(
        "ERROR trigger.every: Cannot read every: expected an ISO-8601 duration such as PT30S or PT1M (1m)");
    assertThat(problems(kafka("topics: [a]", "trigger: {every: PT1M, stop: PT1S}\n"))).containsExactly(
        "ERROR trigger.stop: Cannot use key 'stop' in trigger: unknown key, did you mean 'stop_grace'? (valid keys: every, stop_grace)");
    assertThat(problems("layer: raw\ntrigger: available_now\nio:\n  source: {path: in}\n" + SINK)).containsExactly(
        "ERROR trigger: Cannot set a trigger: no source of this layer reads a stream (a kafka source, or files with "
            + "incremental by files) (available_now)");
  }

  @Test
  void valueSchemasAreRequiredWhereTheyDecodeAndMustParse() {
    assertThat(problems(kafka("topics: [a], value: {format: avro}", ""))).containsExactly(
        "ERROR io.source.value.schema: Cannot read schema: the schema of the avro values (an Avro schema file, .avsc) "
            + "is required (missing)");
    assertThat(problems(kafka("topics: [a], value: {format: json}", ""))).singleElement().asString()
        .startsWith("ERROR io.source.value.schema: Cannot read schema: the schema of the json values");
    assertThat(problems(kafka("topics: [a], value: {format: json, schema: 'id INTEGRAL'}", ""))).singleElement()
        .asString().startsWith("ERROR io.source.value.schema: Cannot parse the value schema: ").endsWith("(id INTEGRAL)");
    new ConfigFolder(tmp).write("bad.avsc", "{\"type\": \"record\", \"name\": \"x\", \"fields\": [{\"name\": 1}]}");
    assertThat(problems(kafka("topics: [a], value: {format: avro, schema: bad.avsc}", ""))).singleElement().asString()
        .startsWith("ERROR io.source.value.schema: Cannot parse the value schema: ").endsWith("(bad.avsc)");
    assertThat(problems(kafka("topics: [a], value: {format: json, schema: schemas/none.json}", ""))).singleElement()
        .asString().startsWith("ERROR io.source.value.schema: ").contains("none.json");
    assertThat(problems(kafka("topics: [a], value: {format: strings}", ""))).containsExactly(
        "ERROR io.source.value.format: Cannot use value format 'strings': unknown value format, did you mean "
            + "'string'? (valid: avro, bytes, json, string)");
    assertThat(problems(kafka("topics: [a], value: {format: string, schema: 'id INT'}", ""))).containsExactly(
        "ERROR io.source.value.schema: Cannot use a schema for string values: only json and avro values are decoded "
            + "with one (id INT)");
  }

  @Test
  void newFilesAreReadFromFilesSourcesInAFileFormatOnly() {
    assertThat(problems("layer: raw\nio:\n  source: {path: in, format: csv, incremental: {by: files, "
        + "max_files_per_run: 10, max_file_age: P3D}}\n" + SINK)).isEmpty();
    assertThat(problems("layer: raw\nio:\n  source: {path: in, format: delta, incremental: {by: files}}\n" + SINK))
        .containsExactly("ERROR io.source.incremental.by: Cannot read by files: incremental.by files reads the new "
            + "files of a files source in a file format (parquet, csv, json, ...), this source is delta; read a table's "
            + "changes with by: version (files)");
    assertThat(problems("layer: raw\nio:\n  source: {type: jdbc, url: 'jdbc:postgresql://h/db', table: t, "
        + "incremental: {by: files}}\n" + SINK)).singleElement().asString().contains("this source is not a files source");
    assertThat(problems("layer: raw\nio:\n  source: {path: in, format: csv, incremental: {by: version, "
        + "max_files_per_run: 3}}\n" + SINK)).contains("ERROR io.source.incremental.max_files_per_run: Cannot use "
            + "max_files_per_run: it belongs to incremental.by files (3)");
    assertThat(problems("layer: raw\ntrigger: {every: PT5M}\nio:\n  source: {path: in, format: csv, incremental: "
        + "{by: files}}\n" + SINK)).isEmpty();
  }

  @Test
  void credentialsAreVariableNamesNeverValues() {
    assertThat(problems(kafka("topics: [a], auth: {type: scram_sha_512, username: me, password: s3cret}", "")))
        .contains("ERROR io.source.auth.password: Cannot use a literal credential in password: credentials come from "
            + "environment variables, use password_env with the variable's name (value hidden)")
        .noneMatch(p -> p.contains("s3cret"));
    assertThat(problems(kafka("topics: [a], auth: {type: gssapi}", ""))).singleElement().asString()
        .startsWith("ERROR io.source.auth.type: Cannot use auth type 'gssapi': unknown auth type");
    assertThat(problems(kafka("topics: [a], options: {kafka.sasl.jaas.config: x}", ""))).containsExactly(
        "ERROR io.source.options.kafka.sasl.jaas.config: Cannot set kafka.sasl.jaas.config in options: authentication "
            + "is set with auth (type none, plain, scram_sha_256, scram_sha_512, google) (kafka.sasl.jaas.config)");
    assertThat(problems(kafka("topics: [a], auth: {type: google}", ""))).isEmpty();
    assertThat(problems(kafka("topics: [a], auth: {type: google, password_env: P, tls: false}", ""))).containsExactly(
        "ERROR io.source.auth.password_env: Cannot use password_env with auth type google: it authenticates as the "
            + "machine's service account (for a service-account key, use type plain) (password_env)",
        "ERROR io.source.auth.tls: Cannot turn TLS off for auth type google: Google's Kafka accepts TLS only (false)");
  }
}
