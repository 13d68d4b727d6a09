package io.prodi.config.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/** The JSON Schema building blocks {@link ConfigSchema} is made of (draft-07). */
final class SchemaNodes {
  static final ObjectMapper JSON = new ObjectMapper();

  private SchemaNodes() {}

  /** An object whose keys are {@code keys} and nothing else; each value unconstrained until set. */
  static ObjectNode object(Collection<String> keys) {
    ObjectNode node = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
    ObjectNode properties = node.putObject("properties");
    new TreeSet<>(keys).forEach(key -> properties.putObject(key));
    return node;
  }

  /**
   * A mapping whose {@code type} picks the definition {@code <name>_<type>} ({@code fallback} when
   * it has none); {@code type} itself must be one of {@code types}.
   */
  static ObjectNode typed(String name, Collection<String> types, String fallback) {
    ObjectNode node = JSON.createObjectNode().put("type", "object");
    node.putObject("properties").set("type", enumOf(types));
    ArrayNode branches = node.putArray("allOf");
    for (String type : new TreeSet<>(types)) {
      ObjectNode branch = branches.addObject();
      ObjectNode when = branch.putObject("if");
      when.putObject("properties").putObject("type").put("const", type);
      when.putArray("required").add("type");
      branch.set("then", ref(name + "_" + type));
    }
    if (fallback != null) {
      ObjectNode branch = branches.addObject();
      branch.putObject("if").set("not", requiredProperty("type"));
      branch.set("then", ref(name + "_" + fallback));
    }
    return node;
  }

  static ObjectNode requiredProperty(String key) {
    ObjectNode node = JSON.createObjectNode();
    node.putArray("required").add(key);
    return node;
  }

  static ObjectNode props(ObjectNode object) {
    return (ObjectNode) object.get("properties");
  }

  static ObjectNode oneOrMany(String definition) {
    return anyOf(ref(definition), arrayOf(ref(definition)));
  }

  static ObjectNode ref(String definition) {
    return JSON.createObjectNode().put("$ref", "#/definitions/" + definition);
  }

  static ObjectNode type(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  static ObjectNode arrayOf(ObjectNode items) {
    ObjectNode node = type("array");
    node.set("items", items);
    return node;
  }

  static ObjectNode anyOf(ObjectNode... options) {
    ObjectNode node = JSON.createObjectNode();
    node.set("anyOf", array(options));
    return node;
  }

  static ArrayNode array(ObjectNode... items) {
    ArrayNode array = JSON.createArrayNode();
    Arrays.stream(items).forEach(array::add);
    return array;
  }

  static ObjectNode enumOf(Collection<String> values) {
    return enumOf(new TreeSet<>(values).toArray(String[]::new));
  }

  static ObjectNode enumOf(String... values) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode array = node.putArray("enum");
    Arrays.stream(values).forEach(array::add);
    return node;
  }
}
