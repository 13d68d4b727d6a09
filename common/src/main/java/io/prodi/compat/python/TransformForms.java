package io.prodi.compat.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Python version's transform keys: {@code references.sql} (a SQL file: {@code sql_file}),
 * {@code steps} and {@code standardization}, which become {@code pre} steps where the corpus shows a
 * meaning ({@code normalize_columns} renames, {@code timestamp_columns} casts) and warn otherwise.
 */
final class TransformForms {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TransformForms() {}

  static void apply(Rewrite rewrite, List<Object> transform) {
    if (!rewrite.at(transform).isObject()) {
      return;
    }
    references(rewrite, transform);
    ArrayNode pre = NODES.arrayNode();
    steps(rewrite, transform, pre);
    standardization(rewrite, transform, pre);
    if (pre.size() > 0) {
      JsonNode existing = rewrite.at(transform).path("pre");
      ArrayNode all = existing.isArray() ? ((ArrayNode) existing).deepCopy() : NODES.arrayNode();
      all.addAll(pre);
      rewrite.put(transform, "pre", all);
    }
  }

  private static void references(Rewrite rewrite, List<Object> transform) {
    List<Object> references = Rewrite.child(transform, "references");
    JsonNode sql = rewrite.at(references).path("sql");
    if (sql.isTextual()) {
      if (rewrite.at(transform).has("sql_file")) {
        rewrite.findings().error(Rewrite.show(references, "sql"), "Cannot set sql_file twice: references.sql is "
            + "the Python version's name for it (" + sql.asText() + ")");
        return;
      }
      rewrite.remove(references, "sql");
      rewrite.put(transform, "sql_file", sql);
    }
    List<String> others = new ArrayList<>();
    rewrite.at(references).fieldNames().forEachRemaining(others::add);
    others.forEach(key -> rewrite.ignoreForHuman(references, key, "only references.sql (a SQL file) has a meaning"));
    if (rewrite.at(references).isObject() && rewrite.at(references).size() == 0) {
      rewrite.remove(transform, "references");
    }
  }

  private static void steps(Rewrite rewrite, List<Object> transform, ArrayNode pre) {
    JsonNode steps = rewrite.at(transform).path("steps");
    if (!steps.isArray()) {
      return;
    }
    ArrayNode kept = NODES.arrayNode();
    for (JsonNode step : steps) {
      JsonNode mappings = step.path("params").path("mappings");
      if (step.path("name").asText("").equals("normalize_columns") && mappings.isObject() && step.size() <= 2) {
        pre.add(NODES.objectNode().set("rename", mappings.deepCopy()));
      } else {
        kept.add(step);
      }
    }
    if (kept.size() == 0) {
      rewrite.remove(transform, "steps");
    } else {
      rewrite.put(transform, "steps", kept);
      rewrite.ignoreForHuman(transform, "steps", "the Python version's named steps did nothing; write the logic "
          + "as transform.sql or pre steps");
    }
  }

  private static void standardization(Rewrite rewrite, List<Object> transform, ArrayNode pre) {
    List<Object> at = Rewrite.child(transform, "standardization");
    JsonNode block = rewrite.at(at);
    if (!block.isObject()) {
      return;
    }
    ObjectNode renames = NODES.objectNode();
    for (JsonNode item : block.path("rename")) {
      if (item.path("from").isTextual() && item.path("to").isTextual() && item.size() == 2) {
        renames.put(item.get("from").asText(), item.get("to").asText());
      }
    }
    if (renames.size() > 0 && renames.size() == block.path("rename").size()) {
      pre.add(NODES.objectNode().set("rename", renames));
      rewrite.remove(at, "rename");
    }
    ObjectNode casts = NODES.objectNode();
    block.path("timestamp_columns").forEach(column -> casts.put(column.asText(), "timestamp"));
    rewrite.remove(at, "timestamp_columns");
    boolean plainCasts = block.path("casts").isArray() && java.util.stream.StreamSupport
        .stream(block.path("casts").spliterator(), false)
        .allMatch(c -> c.path("column").isTextual() && c.path("to").isTextual() && c.size() == 2);
    if (plainCasts) {
      block.path("casts").forEach(c -> casts.put(c.get("column").asText(), c.get("to").asText()));
      rewrite.remove(at, "casts");
    }
    if (casts.size() > 0) {
      pre.add(NODES.objectNode().set("cast", casts));
    }
    List<String> others = new ArrayList<>();
    rewrite.at(at).fieldNames().forEachRemaining(others::add);
    others.forEach(key -> rewrite.ignoreForHuman(at, key, "no standardization key but rename, casts and "
        + "timestamp_columns has a meaning; write it as pre steps or SQL"));
    if (rewrite.at(at).size() == 0) {
      rewrite.remove(transform, "standardization");
    }
  }
}
