package io.prodi.source;

/**
 * Puts the watermark into a JDBC query: where the placeholder stands bare it becomes a quoted SQL
 * literal; where the user already wrote it inside single quotes (the Python version needed
 * {@code '${RAW_WM_TS}'}) it becomes the escaped value alone. Either way no value can end the string:
 * quotes are doubled, and for MySQL and MariaDB, whose strings take backslash escapes, backslashes too.
 */
public final class WatermarkPlaceholder {
  private WatermarkPlaceholder() {}

  public static String substitute(String query, String placeholder, String value, String url) {
    boolean mysql = url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    boolean backslashEscapes = false;
    int i = 0;
    while (i < query.length()) {
      if (query.startsWith(placeholder, i)) {
        out.append(quoted ? escape(value, backslashEscapes) : "'" + escape(value, mysql) + "'");
        i += placeholder.length();
        continue;
      }
      char c = query.charAt(i);
      if (!quoted && (query.startsWith("--", i) || query.startsWith("/*", i))) {
        int end = query.startsWith("--", i) ? query.indexOf('\n', i) : query.indexOf("*/", i + 2);
        int stop = end < 0 ? query.length() : query.startsWith("--", i) ? end : end + 2;
        out.append(query, i, stop);
        i = stop;
        continue;
      }
      if (quoted && backslashEscapes && c == '\\' && i + 1 < query.length()) {
        out.append(query, i, i + 2);
        i += 2;
        continue;
      }
      if (c == '\'') {
        backslashEscapes = !quoted && (mysql || escapeStringPrefix(query, i));
        quoted = !quoted; // a doubled quote flips twice: still inside the string
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String escape(String value, boolean backslashEscapes) {
    return (backslashEscapes ? value.replace("\\", "\\\\") : value).replace("'", "''");
  }

  /** PostgreSQL's {@code E'...'} strings take backslash escapes. */
  private static boolean escapeStringPrefix(String query, int quote) {
    return quote > 0 && (query.charAt(quote - 1) == 'E' || query.charAt(quote - 1) == 'e')
        && (quote == 1 || !Character.isLetterOrDigit(query.charAt(quote - 2)) && query.charAt(quote - 2) != '_');
  }
}
