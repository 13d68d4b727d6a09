package io.prodi.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.yaml.ConfigNode;
import java.util.Set;

/** A {@code transform.functions} entry: a class implementing {@code io.prodi.api.Transform} and its params. */
public final class FunctionSpec {
  public static final Set<String> KEYS = Set.of("class", "params");
  /** The interface a function class implements: the engine module's {@code io.prodi.api.Transform}. */
  public static final String TRANSFORM_API = "io.prodi.api.Transform";

  private final String className;
  private final JsonNode params;

  private FunctionSpec(String className, JsonNode params) {
    this.className = className;
    this.params = params;
  }

  static FunctionSpec bind(ConfigNode node) {
    node.allowKeys("a function", KEYS);
    String className = node.get("class").requiredText("the class name");
    if (className != null) {
      checkClass(node.get("class"), className);
    }
    ConfigNode params = node.get("params");
    if (!params.isMissing() && !params.isMap()) {
      params.expected("a mapping of parameters");
    }
    return new FunctionSpec(className, params.isMap() ? params.raw().deepCopy() : null);
  }

  private static void checkClass(ConfigNode node, String className) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> found = Class.forName(className, false, loader);
      if (!Class.forName(TRANSFORM_API, false, loader).isAssignableFrom(found)) {
        node.error("Cannot use " + className + " as a function: it does not implement " + TRANSFORM_API
            + " (" + className + ")");
      }
    } catch (ClassNotFoundException | LinkageError e) {
      node.error("Cannot load function class: not on the class path (" + className + ")");
    }
  }

  public String className() {
    return className;
  }

  /** The params as a tree (empty mapping when none). */
  public JsonNode params() {
    return params == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        : params.deepCopy();
  }
}
