package io.prodi.source;

import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code value}: how a record's value is decoded into columns. */
public final class KafkaValueSpec {
  public static final Set<String> KEYS = Set.of("format", "schema", "schema_file", "wire");
  /** The value's encoding. */
  public enum Format { JSON, AVRO, STRING, BYTES }

  private final Format format;
  private final String schema;
  private final boolean confluentWire;

  private KafkaValueSpec(Format format, String schema, boolean confluentWire) {
    this.format = format;
    this.schema = schema;
    this.confluentWire = confluentWire;
  }

  static KafkaValueSpec bind(ConfigNode node) {
    if (node.isMissing()) {
      return new KafkaValueSpec(Format.STRING, null, false);
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
    return new KafkaValueSpec(format, schema, "confluent".equals(wire));
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
