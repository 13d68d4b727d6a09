package io.prodi.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.load.TemplateRenderer;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.Map;

/** Reads one file as every config file is read: through Hadoop, variables rendered, YAML parsed. */
public final class ConfigText {
  private ConfigText() {}

  /** The parsed tree; problems of the file go to {@code findings}, and a file that cannot be read throws. */
  public static JsonNode read(ConfigFiles files, String uri, Map<String, String> vars, Findings findings) {
    String text = files.read(uri);
    String rendered = TemplateRenderer.render(text, vars, findings);
    if (findings.hasErrors()) {
      throw new ConfigException(findings.problems());
    }
    return YamlTree.parse(rendered, findings);
  }
}
