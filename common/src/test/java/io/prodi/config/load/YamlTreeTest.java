package io.prodi.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.yaml.ConfigProblem;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import org.junit.jupiter.api.Test;

class YamlTreeTest {
  private final Findings findings = new Findings("f.yml");

  private JsonNode yaml(String text) {
    return YamlTree.parse(text, findings);
  }

  @Test
  void mappingsMergeKeyByKeyAndTheChildWins() {
    JsonNode merged = YamlTree.merge(
        yaml("a: {x: 1, y: 2}\nb: base\nlist: [1, 2]\nkeep: yes"),
        yaml("a: {y: 20, z: 30}\nb: child\nlist: [3]"));
    assertThat(merged).isEqualTo(yaml("a: {x: 1, y: 20, z: 30}\nb: child\nlist: [3]\nkeep: yes"));
  }

  @Test
  void aScalarReplacesAMappingAndTheOtherWayRound() {
    assertThat(YamlTree.merge(yaml("a: {x: 1}"), yaml("a: 5"))).isEqualTo(yaml("a: 5"));
    assertThat(YamlTree.merge(yaml("a: 5"), yaml("a: {x: 1}"))).isEqualTo(yaml("a: {x: 1}"));
  }

  @Test
  void mergingDoesNotChangeItsInputs() {
    JsonNode base = yaml("a: {x: 1}");
    YamlTree.merge(base, yaml("a: {x: 2}"));
    assertThat(base).isEqualTo(yaml("a: {x: 1}"));
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertThat(yaml("a: 1\nb: [1, 2\nc: 3\n")).isNull();
    assertThat(findings.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).startsWith("line ");
      assertThat(p.message()).startsWith("Cannot parse YAML: ");
    });
  }

  @Test
  void duplicateKeysAreAnError() {
    assertThat(yaml("a: 1\na: 2\n")).isNull();
    assertThat(findings.problems()).extracting(ConfigProblem::message)
        .singleElement().asString().contains("Duplicate field 'a'");
  }

  @Test
  void anEmptyFileIsAnError() {
    assertThat(yaml("# only a comment\n")).isNull();
    assertThat(findings.problems()).extracting(ConfigProblem::line)
        .containsExactly("f.yml: $: Cannot read config: the file is empty");
  }
}
