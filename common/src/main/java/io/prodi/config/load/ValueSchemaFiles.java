package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.ConfigProblem;
import io.prodi.yaml.Findings;
import java.util.List;

/**
 * {@code io.source.value.schema} of a stream source naming a file ({@code schemas/orders.json}, {@code .avsc},
 * {@code .ddl}): found like an {@code extends} base (beside the naming file, else under {@code --base-dir}), read
 * through Hadoop and put in the tree as the schema text, the file's name kept as {@code value.schema_file} for
 * messages. A file that is not there is an error of validate (its value says which paths were tried).
 */
final class ValueSchemaFiles {
  private static final List<String> EXTENSIONS = List.of(".json", ".avsc", ".ddl", ".sql");

  private ValueSchemaFiles() {}

  static void inline(JsonNode io, String fromFile, ConfigFiles files, String baseDir, Findings findings, String path) {
    JsonNode sources = io.path("source");
    if (sources.isArray()) {
      for (int i = 0; i < sources.size(); i++) {
        inlineOne(sources.get(i).path("value"), fromFile, files, baseDir, findings, path + ".source[" + i + "].value");
      }
    } else {
      inlineOne(sources.path("value"), fromFile, files, baseDir, findings, path + ".source.value");
    }
  }

  private static void inlineOne(JsonNode value, String fromFile, ConfigFiles files, String baseDir, Findings findings,
      String path) {
    if (!value.isObject() || !value.path("schema").isTextual() || !namesFile(value.path("schema").asText())) {
      return;
    }
    ObjectNode block = (ObjectNode) value;
    String ref = block.path("schema").asText();
    block.put("schema_file", ref);
    try {
      String uri = files.locate(path + ".schema", ConfigFiles.resolveSibling(fromFile, ref),
          ConfigFiles.resolveAgainst(baseDir, ref));
      block.put("schema", files.read(uri));
    } catch (ConfigException e) {
      block.remove("schema");
      for (ConfigProblem problem : e.problems()) {
        findings.error(path + ".schema", problem.message());
      }
    }
  }

  static boolean namesFile(String schema) {
    String text = schema.trim();
    return !text.contains(" ") && !text.contains("\n") && EXTENSIONS.stream().anyMatch(text::endsWith);
  }
}
