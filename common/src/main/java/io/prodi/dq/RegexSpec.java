package io.prodi.dq;

import io.prodi.yaml.ConfigNode;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code regex}: the column's text matches {@code pattern} (Java syntax; a null is not a failure). */
public final class RegexSpec extends ExpectationSpec {
  private final String pattern;

  private RegexSpec(Basics basics, ConfigNode node) {
    super(basics, column(node));
    this.pattern = node.get("pattern").requiredText("the regular expression");
    try {
      if (pattern != null) {
        Pattern.compile(pattern);
      }
    } catch (PatternSyntaxException e) {
      node.get("pattern").error("Cannot compile pattern: " + e.getDescription() + " (" + pattern + ")");
    }
  }

  static RegexSpec bind(ConfigNode node, Basics basics) {
    return new RegexSpec(basics, node);
  }

  public String column() {
    return columns().get(0);
  }

  public String pattern() {
    return pattern;
  }
}
