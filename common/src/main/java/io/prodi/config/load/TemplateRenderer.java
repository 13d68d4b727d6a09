package io.prodi.config.load;

import io.prodi.yaml.Findings;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders variables in a config file's text before YAML parsing:
 * {@code ${NAME}} and {@code $NAME} (left as written when not given), {@code $$} (a literal $),
 * {@code {{ NAME }}} and {@code {{ NAME | default('x') }}} (an error when there is no value).
 */
public final class TemplateRenderer {
  private static final Pattern TOKEN = Pattern.compile(
      "\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*"
          + "(?:\\|\\s*default\\(\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*\\)\\s*)?\\}\\}"
          + "|(\\{\\{.*?\\}\\})"
          + "|(\\$\\$)"
          + "|\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"
          + "|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private TemplateRenderer() {}

  /** The rendered text; problems go to {@code findings} with the line they stand on. */
  public static String render(String text, Map<String, String> variables, Findings findings) {
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement(m, text, variables, findings)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String replacement(Matcher m, String text, Map<String, String> vars, Findings findings) {
    if (m.group(1) != null) {
      String value = vars.get(m.group(1));
      String fallback = m.group(2) != null ? m.group(2) : m.group(3);
      if (value != null) {
        return value;
      }
      if (fallback != null) {
        return fallback;
      }
      findings.error(line(text, m.start()), "Cannot render {{ " + m.group(1) + " }}: variable "
          + m.group(1) + " has no value and no default; pass --vars " + m.group(1) + "=... ("
          + m.group() + ")");
      return m.group();
    }
    if (m.group(4) != null) {
      findings.error(line(text, m.start()), "Cannot render " + m.group(4)
          + ": expected {{ NAME }} or {{ NAME | default('value') }} (" + m.group(4) + ")");
      return m.group();
    }
    if (m.group(5) != null) {
      return "$";
    }
    String name = m.group(6) != null ? m.group(6) : m.group(7);
    return vars.getOrDefault(name, m.group());
  }

  static String line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return "line " + line;
  }
}
