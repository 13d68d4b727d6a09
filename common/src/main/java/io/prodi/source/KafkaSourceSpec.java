package io.prodi.source;

import io.prodi.storage.DatasetName;
import io.prodi.storage.StorageSpec;
import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.CredentialKeys;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code type: kafka}: records of Kafka topics, read through Spark's Kafka connector in micro-batches whose
 * offsets the state store keeps (see {@link WatermarkSpec#planned()}). Its value is decoded as {@link KafkaValueSpec}
 * says; the connection authenticates as {@link KafkaAuthSpec} says, with credentials from environment variables.
 */
public final class KafkaSourceSpec implements SourceSpec {
  public static final Set<String> KEYS = Set.of("type", "name", "bootstrap_servers", "topics", "topic_pattern",
      "starting_offsets", "auth", "value", "max_records_per_run", "options", "state_id");
  /** What a first run starts from. */
  public enum StartingOffsets { EARLIEST, LATEST }

  private final String name;
  private final String bootstrapServers;
  private final List<String> topics;
  private final String topicPattern;
  private final StartingOffsets startingOffsets;
  private final KafkaAuthSpec auth;
  private final KafkaValueSpec value;
  private final Long maxRecordsPerRun;
  private final Map<String, String> options;
  private final WatermarkSpec offsets;

  private KafkaSourceSpec(ConfigNode node, List<String> topics, String topicPattern) {
    this.name = node.get("name").text();
    this.bootstrapServers = node.get("bootstrap_servers").requiredText("the brokers (host:port[,host:port])");
    this.topics = topics;
    this.topicPattern = topicPattern;
    String starting = node.get("starting_offsets").oneOf("starting_offsets", Set.of("earliest", "latest"));
    this.startingOffsets = starting == null ? StartingOffsets.EARLIEST
        : StartingOffsets.valueOf(starting.toUpperCase(Locale.ROOT));
    this.auth = KafkaAuthSpec.bind(node.get("auth"));
    this.value = KafkaValueSpec.bind(node.get("value"));
    Integer max = node.get("max_records_per_run").positiveInt();
    this.maxRecordsPerRun = max == null ? null : max.longValue();
    this.options = node.get("options").textMap();
    this.options.keySet().stream().filter(k -> k.startsWith("kafka.sasl") || k.startsWith("kafka.security"))
        .forEach(k -> node.get("options").get(k).error("Cannot set " + k + " in options: authentication is set "
            + "with auth (type none, plain, scram_sha_256, scram_sha_512, google) (" + k + ")"));
    this.offsets = WatermarkSpec.planned(node.get("state_id").text(), starting == null ? "earliest" : starting);
  }

  static KafkaSourceSpec bind(ConfigNode node) {
    node.allowKeys("a kafka source", KEYS);
    List<String> topics = node.get("topics").textList();
    String pattern = node.get("topic_pattern").text();
    if (topics.isEmpty() == (pattern == null)) {
      node.error("Cannot read a kafka source: give exactly one of topics and topic_pattern ("
          + (pattern == null ? "neither" : "both") + ")");
    }
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        node.get("topic_pattern").error("Cannot read topic_pattern: " + e.getDescription() + " (" + pattern + ")");
      }
    }
    warnWithoutConnector(node);
    return new KafkaSourceSpec(node, topics, pattern);
  }

  /**
   * The Scala 2.13 / Spark 3.5 jar cannot bundle Spark's Kafka connector: validate names what to add when it is
   * not on the class path (a run without it stops before reading, saying the same).
   */
  private static void warnWithoutConnector(ConfigNode node) {
    try {
      Class.forName("org.apache.spark.sql.kafka010.KafkaSourceProvider", false, KafkaSourceSpec.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      String scalaLine = scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1");
      node.get("type").warning("Cannot find Spark's Kafka connector on this class path: this jar does not bundle it "
          + "(the Scala 2.13 / Spark 3.5 jar cannot); submit with --packages org.apache.spark:spark-sql-kafka-0-10_"
          + scalaLine + ":" + org.apache.spark.package$.MODULE$.SPARK_VERSION() + " (kafka)");
    }
  }

  @Override
  public String type() {
    return "kafka";
  }

  @Override
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** Its offsets: a position the run plans before it reads (the end offset of every partition), kept per state id. */
  @Override
  public Optional<WatermarkSpec> watermark() {
    return Optional.of(offsets);
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return "kafka://" + bootstrapServers + " " + (topicPattern != null ? "topics matching " + topicPattern
        : "topics " + String.join(",", topics));
  }

  @Override
  public Optional<DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    String first = bootstrapServers == null ? "" : bootstrapServers.split(",")[0].trim();
    return Optional.of(new DatasetName("kafka://" + first, topicPattern != null ? topicPattern : String.join(",", topics)));
  }

  @Override
  public boolean decodesValues() {
    return value.parses();
  }

  /** The Spark data source the jar must hold (the 2.13 / Spark 3.5 jar cannot bundle it). */
  @Override
  public Optional<String> platformDataSource() {
    return Optional.of("kafka");
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public List<String> topics() {
    return topics;
  }

  public Optional<String> topicPattern() {
    return Optional.ofNullable(topicPattern);
  }

  public StartingOffsets startingOffsets() {
    return startingOffsets;
  }

  public KafkaAuthSpec auth() {
    return auth;
  }

  public KafkaValueSpec value() {
    return value;
  }

  public Optional<Long> maxRecordsPerRun() {
    return Optional.ofNullable(maxRecordsPerRun);
  }

  /** Spark Kafka options passed as given ({@code kafka.*} reach the consumer). */
  public Map<String, String> options() {
    return options;
  }
}
