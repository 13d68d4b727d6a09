package io.prodi.engine.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prodi.sink.FilesSinkSpec;
import io.prodi.sink.MergeSpec;
import io.prodi.sink.SinkSpec;
import io.prodi.sink.SinkTypes;
import io.prodi.sink.WriteMode;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.Findings;

/** A sink bound from YAML text as the loader binds it, failing on any config problem. */
final class ChangeSinks {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ChangeSinks() {}

  static SinkSpec sink(String yaml) {
    Findings findings = new Findings("test.yml");
    try {
      SinkSpec sink = SinkTypes.bind(ConfigNode.root(YAML.readTree(yaml), findings), WriteMode.APPEND).orElseThrow();
      if (!findings.problems().isEmpty()) {
        throw new AssertionError("config problems: " + findings.problems());
      }
      return sink;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static MergeSpec merge(SinkSpec sink) {
    return ((FilesSinkSpec) sink).merge();
  }
}
