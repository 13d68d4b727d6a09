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
 * offsets the state store keeps (see {@link WatermarkSpec#planned()}). Its value is decoded as {@link Value}
 * says; the connection authenticates as {@link Auth} says, with credentials from environment variables.
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
  private final Auth auth;
  private final Value value;
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
    this.auth = Auth.bind(node.get("auth"));
    this.value = Value.bind(node.get("value"));
    Integer max = node.get("max_records_per_run").positiveInt();
    this.maxRecordsPerRun = max == null ? null : max.longValue();
    this.options = node.get("options").textMap();
    this.options.keySet().stream().filter(k -> k.startsWith("kafka.sasl") || k.startsWith("kafka.security"))
        .forEach(k -> node.get("options").get(k).error("Cannot set " + k + " in options: authentication is set "
            + "with auth (type none, plain, scram_sha_256, scram_sha_512) (" + k + ")"));
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

  public Auth auth() {
    return auth;
  }

  public Value value() {
    return value;
  }

  public Optional<Long> maxRecordsPerRun() {
    return Optional.ofNullable(maxRecordsPerRun);
  }

  /** Spark Kafka options passed as given ({@code kafka.*} reach the consumer). */
  public Map<String, String> options() {
    return options;
  }

  /** {@code auth}: none, SASL PLAIN or SCRAM with credentials from environment variables. */
  public static final class Auth {
    public static final Set<String> KEYS = Set.of("type", "username_env", "password_env", "tls");
    /** How the connection authenticates; each names its SASL mechanism. */
    public enum Type {
      NONE(null), PLAIN("PLAIN"), SCRAM_SHA_256("SCRAM-SHA-256"), SCRAM_SHA_512("SCRAM-SHA-512");

      private final String mechanism;

      Type(String mechanism) {
        this.mechanism = mechanism;
      }

      public Optional<String> saslMechanism() {
        return Optional.ofNullable(mechanism);
      }
    }

    private final Type type;
    private final String usernameEnv;
    private final String passwordEnv;
    private final boolean tls;

    private Auth(Type type, String usernameEnv, String passwordEnv, boolean tls) {
      this.type = type;
      this.usernameEnv = usernameEnv;
      this.passwordEnv = passwordEnv;
      this.tls = tls;
    }

    static Auth bind(ConfigNode node) {
      if (node.isMissing()) {
        return new Auth(Type.NONE, null, null, false);
      }
      CredentialKeys.rejectLiterals(node, Set.of("username", "password"));
      Set<String> allowed = new java.util.HashSet<>(KEYS);
      Set.of("username", "password").stream().filter(node::has).forEach(allowed::add);
      node.allowKeys("auth", allowed);
      String given = node.get("type").oneOf("auth type", new java.util.TreeSet<>(Set.of("none", "plain",
          "scram_sha_256", "scram_sha_512")));
      Type type = given == null ? Type.NONE : Type.valueOf(given.toUpperCase(Locale.ROOT));
      if (given == null && !node.has("type")) {
        node.get("type").missing("the auth type (none, plain, scram_sha_256, scram_sha_512)");
      }
      boolean sasl = type != Type.NONE;
      return new Auth(type, sasl ? CredentialKeys.variable(node, "username_env", true) : null,
          sasl ? CredentialKeys.variable(node, "password_env", true) : null, node.get("tls").bool(sasl));
    }

    public Type type() {
      return type;
    }

    public Optional<String> usernameEnv() {
      return Optional.ofNullable(usernameEnv);
    }

    public Optional<String> passwordEnv() {
      return Optional.ofNullable(passwordEnv);
    }

    /** Whether the connection is TLS ({@code SASL_SSL}, the default with SASL) or plain text. */
    public boolean tls() {
      return tls;
    }
  }

  /** {@code value}: how a record's value is decoded into columns. */
  public static final class Value {
    public static final Set<String> KEYS = Set.of("format", "schema", "schema_file", "wire");
    /** The value's encoding. */
    public enum Format { JSON, AVRO, STRING, BYTES }

    private final Format format;
    private final String schema;
    private final boolean confluentWire;

    private Value(Format format, String schema, boolean confluentWire) {
      this.format = format;
      this.schema = schema;
      this.confluentWire = confluentWire;
    }

    static Value bind(ConfigNode node) {
      if (node.isMissing()) {
        return new Value(Format.STRING, null, false);
      }
      node.allowKeys("value", KEYS);
      String given = node.get("format").oneOf("value format", new java.util.TreeSet<>(Set.of("json", "avro",
          "string", "bytes")));
      Format format = given == null ? Format.STRING : Format.valueOf(given.toUpperCase(Locale.ROOT));
      String schema = node.get("schema").text();
      String shown = Optional.ofNullable(node.get("schema_file").text()).orElse(schema);
      if (format == Format.JSON || format == Format.AVRO) {
        if (schema == null && node.has("schema_file")) {
          // the loader reported the file it could not read
        } else if (schema == null) {
          node.get("schema").missing("the schema of the " + format.name().toLowerCase(Locale.ROOT) + " values"
              + (format == Format.AVRO ? " (an Avro schema file, .avsc)" : " (a schema file or DDL)"));
        } else {
          schemaError(format, schema).ifPresent(e ->
              node.get("schema").error("Cannot parse the value schema: " + e + " (" + shown + ")"));
        }
      } else if (schema != null) {
        node.get("schema").error("Cannot use a schema for " + given + " values: only json and avro values are "
            + "decoded with one (" + shown + ")");
      }
      String wire = node.get("wire").oneOf("wire", Set.of("confluent", "plain"));
      if ("confluent".equals(wire) && (format != Format.JSON && format != Format.AVRO)) {
        node.get("wire").error("Cannot strip the Confluent header of " + given + " values: it applies to json and "
            + "avro (" + wire + ")");
      }
      return new Value(format, schema, "confluent".equals(wire));
    }

    private static Optional<String> schemaError(Format format, String schema) {
      if (format == Format.AVRO) {
        try {
          new org.apache.avro.Schema.Parser().parse(schema);
          return Optional.empty();
        } catch (RuntimeException e) {
          return Optional.of(String.valueOf(e.getMessage()).split("\n")[0]);
        }
      }
      return schema.trim().startsWith("{") ? SqlSyntax.schemaJsonError(schema) : SqlSyntax.schemaError(schema);
    }

    public Format format() {
      return format;
    }

    /** The schema text: DDL or Spark's schema JSON for json values, an Avro schema for avro. */
    public Optional<String> schema() {
      return Optional.ofNullable(schema);
    }

    /** Whether values carry Confluent's 5-byte header (magic byte 0, schema id), stripped before decoding. */
    public boolean confluentWire() {
      return confluentWire;
    }

    /** Whether a value can fail to decode (the {@code value_parses} expectation then applies). */
    public boolean parses() {
      return format == Format.JSON || format == Format.AVRO;
    }
  }
}
