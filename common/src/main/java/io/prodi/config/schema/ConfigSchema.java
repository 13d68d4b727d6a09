package io.prodi.config.schema;

import static io.prodi.config.schema.SchemaNodes.JSON;
import static io.prodi.config.schema.SchemaNodes.anyOf;
import static io.prodi.config.schema.SchemaNodes.array;
import static io.prodi.config.schema.SchemaNodes.arrayOf;
import static io.prodi.config.schema.SchemaNodes.enumOf;
import static io.prodi.config.schema.SchemaNodes.object;
import static io.prodi.config.schema.SchemaNodes.oneOrMany;
import static io.prodi.config.schema.SchemaNodes.props;
import static io.prodi.config.schema.SchemaNodes.ref;
import static io.prodi.config.schema.SchemaNodes.requiredProperty;
import static io.prodi.config.schema.SchemaNodes.type;
import static io.prodi.config.schema.SchemaNodes.typed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.config.ComputeSpec;
import io.prodi.config.FunctionSpec;
import io.prodi.config.Layer;
import io.prodi.config.LayerConfigReader;
import io.prodi.config.TransformSpec;
import io.prodi.config.load.ConfigLoader;
import io.prodi.dq.DqSpec;
import io.prodi.dq.ExpectationSpec;
import io.prodi.dq.ExpectationType;
import io.prodi.dq.ExpectationTypes;
import io.prodi.sink.NoopSinkSpec;
import io.prodi.sink.SinkTypes;
import io.prodi.storage.TableFormat;
import io.prodi.source.HttpAuthSpec;
import io.prodi.source.HttpPaginationSpec;
import io.prodi.source.HttpRetrySpec;
import io.prodi.source.JdbcAuthSpec;
import io.prodi.source.JdbcSourceSpec;
import io.prodi.source.SourceTypes;
import io.prodi.source.WatermarkSpec;
import io.prodi.storage.StorageSpec;
import io.prodi.transform.DedupeStep;
import io.prodi.transform.PreSteps;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON Schema (draft-07) of each kind of config file, built from the validator's own model: the
 * key sets the binders allow and the registries of types, formats, modes and steps. A key the
 * validator accepts is a property here; what the schema cannot express (SQL, expressions, references
 * between sources) stays with {@code prodi validate}.
 */
public final class ConfigSchema {
  /** The kinds of file, each with its own schema. */
  public static final Map<String, String> KINDS = Map.of(
      "layer", "a layer config (cfg/<layer>/*.yml)",
      "pipeline", "a pipeline file (cfg/pipelines/*.yml)",
      "dataset", "a dataset config (cfg/datasets/*.yml)",
      "environment", "an environment config (cfg/env/*.yml)",
      "test", "a config test (*.test.yml)");

  private final ObjectNode definitions = JSON.createObjectNode();

  private ConfigSchema() {
    define();
  }

  /** The schema of one kind of file ({@link #KINDS}). */
  public static ObjectNode of(String kind) {
    ConfigSchema schema = new ConfigSchema();
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("$id", "https://prodi.io/schema/" + kind + ".json");
    root.put("title", "prodi " + kind + " config");
    root.put("description", KINDS.get(kind));
    if (kind.equals("pipeline")) {
      root.set("oneOf", array(ref("pipeline"), arrayOf(ref("pipeline_step"))));
    } else {
      root.put("$ref", "#/definitions/" + kind);
    }
    ObjectNode definitions = root.putObject("definitions");
    new java.util.TreeMap<>(schema.definitionsByName()).forEach(definitions::set);
    return root;
  }

  private Map<String, com.fasterxml.jackson.databind.JsonNode> definitionsByName() {
    Map<String, com.fasterxml.jackson.databind.JsonNode> byName = new java.util.HashMap<>();
    definitions.fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
    return byName;
  }

  private void define() {
    TreeSet<String> layerKeys = new TreeSet<>(LayerConfigReader.KEYS);
    layerKeys.add(ConfigLoader.EXTENDS);
    ObjectNode layer = object(layerKeys);
    props(layer).set(ConfigLoader.EXTENDS, type("string"));
    props(layer).set("layer", enumOf(Arrays.stream(Layer.values()).map(Layer::id).toArray(String[]::new)));
    props(layer).set("dry_run", type("boolean"));
    props(layer).set("compute", ref("compute"));
    props(layer).set("io", ref("io"));
    props(layer).set("transform", ref("transform"));
    props(layer).set("dq", ref("dq"));
    props(layer).set("storage", ref("storage"));
    props(layer).set("state", object(LayerConfigReader.STATE_KEYS));
    props(layer).set("lineage", ref("lineage"));
    props(layer).set("catalogs", ref("catalogs"));
    props(layer).set("trigger", anyOf(enumOf(io.prodi.config.TriggerSpec.AVAILABLE_NOW),
        object(io.prodi.config.TriggerSpec.KEYS)));
    String[] policies = Arrays.stream(io.prodi.config.RefreshSpec.Policy.values())
        .map(io.prodi.config.RefreshSpec.Policy::id).toArray(String[]::new);
    ObjectNode refresh = object(io.prodi.config.RefreshSpec.KEYS);
    props(refresh).set("policy", enumOf(policies));
    props(layer).set("refresh", anyOf(enumOf(policies), refresh));
    definitions.set("layer", layer);

    ObjectNode compute = object(ComputeSpec.KEYS);
    props(compute).set("engine", enumOf("spark"));
    props(compute).set("options", type("object"));
    props(compute).set("spark", object(ComputeSpec.SPARK_KEYS));
    definitions.set("compute", compute);

    ObjectNode io = object(LayerConfigReader.IO_KEYS);
    props(io).set("source", oneOrMany("source"));
    props(io).set("sink", oneOrMany("sink"));
    definitions.set("io", io);

    defineSources();
    defineSinks();
    defineTransform();
    defineDq();
    defineStorage();
    FileKindSchemas.define(definitions);
  }

  private void defineSources() {
    ObjectNode source = typed("source", SourceTypes.names(), "files");
    definitions.set("source", source);
    for (String type : SourceTypes.names()) {
      ObjectNode spec = object(SourceTypes.keys(type));
      props(spec).set("incremental", ref("incremental"));
      definitions.set("source_" + type, spec);
    }
    props((ObjectNode) definitions.get("source_files")).set("format", enumOf(TableFormat.READABLE));
    props((ObjectNode) definitions.get("source_table")).set("format", enumOf(TableFormat.VERSIONED));
    ObjectNode http = (ObjectNode) definitions.get("source_http");
    ObjectNode pagination = object(HttpPaginationSpec.KEYS);
    props(http).set("pagination", pagination);
    props(http).set("auth", typed("http_auth", HttpAuthSpec.KEYS.keySet(), null));
    HttpAuthSpec.KEYS.forEach((type, keys) -> definitions.set("http_auth_" + type, object(keys)));
    props(http).set("retries", object(HttpRetrySpec.KEYS));
    props(http).set("rate_limit", object(HttpRetrySpec.RATE_LIMIT_KEYS));
    ObjectNode kafka = (ObjectNode) definitions.get("source_kafka");
    props(kafka).set("auth", object(io.prodi.source.KafkaAuthSpec.KEYS));
    ObjectNode value = object(io.prodi.source.KafkaValueSpec.KEYS);
    props(value).set("format", enumOf("json", "avro", "string", "bytes"));
    props(value).set("wire", enumOf("confluent", "plain"));
    props(kafka).set("value", value);
    props(kafka).set("starting_offsets", enumOf("earliest", "latest"));
    props(kafka).set("topics", arrayOf(type("string")));
    ObjectNode jdbc = (ObjectNode) definitions.get("source_jdbc");
    props(jdbc).set("auth", object(JdbcAuthSpec.KEYS));
    props(jdbc).set("partitioning", object(JdbcSourceSpec.PARTITIONING_KEYS));
    ObjectNode incremental = object(WatermarkSpec.INCREMENTAL_KEYS);
    TreeSet<String> watermarkKeys = new TreeSet<>(WatermarkSpec.KEYS);
    watermarkKeys.add("param"); // http sources only: the validator says so for other types
    props(incremental).set("watermark", object(watermarkKeys));
    definitions.set("incremental", incremental);
  }

  private void defineSinks() {
    ObjectNode sink = JSON.createObjectNode();
    sink.set("if", requiredProperty("kind"));
    sink.set("then", ref("sink_noop"));
    sink.set("else", ref("sink_typed"));
    definitions.set("sink", sink);
    definitions.set("sink_typed", typed("sink", SinkTypes.names(), "files"));
    ObjectNode noop = object(NoopSinkSpec.KEYS);
    props(noop).set("kind", enumOf(SinkTypes.KINDS));
    definitions.set("sink_noop", noop);
    for (String type : SinkTypes.names()) {
      ObjectNode spec = object(SinkTypes.keys(type));
      props(spec).set("mode", enumOf(SinkTypes.modes()));
      if (spec.get("properties").has("merge")) {
        ObjectNode merge = object(SinkTypes.MERGE_KEYS);
        props(merge).set("snapshot", type("boolean"));
        props(merge).set("schema_evolution", enumOf("none", "add_columns"));
        props(spec).set("merge", merge);
      }
      if (spec.get("properties").has("format")) {
        props(spec).set("format", enumOf(type.equals("table") ? TableFormat.TABLE : TableFormat.WRITABLE));
      }
      if (spec.get("properties").has("table_properties")) {
        props(spec).set("table_properties", type("object"));
      }
      definitions.set("sink_" + type, spec);
    }
    props((ObjectNode) definitions.get("sink_bigquery")).set("write_method",
        enumOf(io.prodi.bigquery.BigQueryWriteMethod.ids()));
  }

  private void defineTransform() {
    ObjectNode transform = object(TransformSpec.KEYS);
    props(transform).set("pre", arrayOf(ref("pre_step")));
    props(transform).set("sql", anyOf(type("string"), arrayOf(type("string"))));
    props(transform).set("temp_view", type("string"));
    props(transform).set("functions", arrayOf(object(FunctionSpec.KEYS)));
    definitions.set("transform", transform);
    ObjectNode step = JSON.createObjectNode();
    step.put("type", "object").put("minProperties", 1).put("maxProperties", 1);
    step.set("propertyNames", enumOf(PreSteps.names()));
    step.set("properties", JSON.createObjectNode().set("dedupe", object(DedupeStep.KEYS)));
    definitions.set("pre_step", anyOf(enumOf(PreSteps.names()), step));
  }

  private void defineDq() {
    ObjectNode dq = object(DqSpec.KEYS);
    props(dq).set("expectations", arrayOf(ref("expectation")));
    props(dq).set("fail_on_error", type("boolean"));
    props(dq).set("quarantine", ref("sink"));
    props(dq).set("report", object(DqSpec.REPORT_KEYS));
    definitions.set("dq", dq);
    TreeSet<String> types = new TreeSet<>(ExpectationTypes.ids());
    ObjectNode expectation = typed("expectation", types, null);
    for (ExpectationType type : ExpectationTypes.all()) {
      ObjectNode spec = object(type.keys());
      props(spec).set("severity", enumOf(ExpectationSpec.SEVERITIES));
      props(spec).set("on_fail", enumOf(ExpectationSpec.ACTIONS));
      definitions.set("expectation_" + type.id(), spec);
    }
    definitions.set("expectation", expectation);
  }

  private void defineStorage() {
    ObjectNode storage = JSON.createObjectNode().put("type", "object");
    storage.set("propertyNames", enumOf(StorageSpec.PROTOCOLS));
    storage.set("additionalProperties", ref("storage_protocol"));
    definitions.set("storage", storage);
    ObjectNode protocol = object(StorageSpec.KEYS);
    props(protocol).set("auth", enumOf(StorageSpec.AUTH_MODES));
    ObjectNode credentials = JSON.createObjectNode().put("type", "object");
    credentials.set("additionalProperties", type("string"));
    props(protocol).set("credentials", credentials);
    props(protocol).set("hadoop", type("object"));
    definitions.set("storage_protocol", protocol);
  }
}
