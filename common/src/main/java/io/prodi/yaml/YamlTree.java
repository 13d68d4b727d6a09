package io.prodi.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prodi.yaml.Findings;
import java.util.Iterator;
import java.util.Map;

/** Parses YAML text into a tree, and merges trees the way {@code extends} and dataset defaults do. */
public final class YamlTree {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private YamlTree() {}

  /** The parsed tree, or null with a problem in {@code findings} when the text is not YAML. */
  public static JsonNode parse(String text, Findings findings) {
    try {
      JsonNode tree = YAML.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        findings.error("$", "Cannot read config: the file is empty");
        return null;
      }
      return tree;
    } catch (JsonProcessingException e) {
      syntaxError(e, findings);
      return null;
    }
  }

  /**
   * A syntax error at the line and column where the parser found the problem, with its reason ("found character
   * a tab that cannot start any token"), not the line of the context it was scanning.
   */
  private static void syntaxError(JsonProcessingException e, Findings findings) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
        org.yaml.snakeyaml.error.MarkedYAMLException marked = (org.yaml.snakeyaml.error.MarkedYAMLException) cause;
        org.yaml.snakeyaml.error.Mark mark = marked.getProblemMark() != null ? marked.getProblemMark()
            : marked.getContextMark();
        String why = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
        if (mark != null && why != null) {
          findings.error("line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1),
              "Cannot parse YAML: " + (why.contains("\\t(TAB)") ? "a tab cannot start a token (indent with spaces)"
                  : why.trim() + (marked.getContext() != null && marked.getProblem() != null
                      ? " (" + marked.getContext() + ")" : "")));
          return;
        }
      }
    }
    JsonLocation where = e.getLocation();
    String path = where == null ? "$" : "line " + where.getLineNr() + ", column " + where.getColumnNr();
    findings.error(path, "Cannot parse YAML: " + e.getOriginalMessage().split("\n")[0]);
  }

  /** {@code child} over {@code base}: mappings merge key by key, the child wins; lists and scalars replace. */
  public static JsonNode merge(JsonNode base, JsonNode child) {
    if (base == null || !base.isObject() || child == null || !child.isObject()) {
      return child == null ? base : child.deepCopy();
    }
    ObjectNode merged = ((ObjectNode) base).deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = child.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      merged.set(field.getKey(), merge(merged.get(field.getKey()), field.getValue()));
    }
    return merged;
  }

  public static ObjectMapper mapper() {
    return YAML;
  }
}
