package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.ConfigProblem;
import io.prodi.yaml.Findings;
import java.util.Map;

/**
 * {@code transform.sql_file} (the Python version's {@code transform.references.sql}): a SQL file found
 * like an {@code extends} base (beside the naming file, else under {@code --base-dir}), read through
 * Hadoop with variables rendered, and put in the tree as {@code transform.sql}.
 */
final class SqlFiles {
  static final String KEY = "sql_file";

  private SqlFiles() {}

  /**
   * Replaces {@code sql_file} in the transform mapping at {@code transform} of {@code tree} (a file's own
   * tree, before merging) by the SQL it names. A file that is not there does not stop validate or dry
   * runs, which warn; a real run refuses it.
   */
  static void inline(JsonNode transform, String fromFile, ConfigFiles files, String baseDir, Map<String, String> vars,
      Findings findings, String path) {
    if (!transform.isObject() || !transform.path(KEY).isTextual()) {
      return;
    }
    ObjectNode block = (ObjectNode) transform;
    String ref = block.remove(KEY).asText();
    if (block.has("sql")) {
      findings.error(path + "." + KEY, "Cannot set sql and sql_file together: give the SQL in one of them ("
          + ref + ")");
      return;
    }
    try {
      String uri = files.locate("transform.sql_file", ConfigFiles.resolveSibling(fromFile, ref),
          ConfigFiles.resolveAgainst(baseDir, ref));
      String text = TemplateRenderer.render(files.read(uri), vars, findings);
      block.put("sql", text);
    } catch (ConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        findings.runError(path + "." + KEY, problem.message());
      }
    }
  }

}
