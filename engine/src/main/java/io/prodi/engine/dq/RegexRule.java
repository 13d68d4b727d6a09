package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.prodi.dq.RegexSpec;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/** {@code regex}: the column matches {@code pattern} somewhere (use ^...$ for all of it; a null is not a failure). */
final class RegexRule extends RowRule<RegexSpec> {
  /** Text a Java regex reads as itself, optionally after a leading {@code ^}: no metacharacter, no escape. */
  private static final Pattern LITERAL = Pattern.compile("\\^?[\\p{Alnum} @_\\-:,/#%&=<>!~'\";`]*");

  @Override
  protected Column failsWhen(RegexSpec spec) {
    return not(matches(col(spec.columns().get(0)).cast("string"), spec.pattern()));
  }

  /**
   * Whether {@code value} matches {@code pattern} somewhere, as {@code RLIKE} says; a pattern that is plain
   * text (or {@code ^} and plain text) is tested as a substring (a prefix), which Spark does without
   * running a regex on every row, as its optimizer does for {@code LIKE '%text%'}. A trailing {@code $}
   * keeps the regex: it also matches before a final line break.
   */
  static Column matches(Column value, String pattern) {
    if (!LITERAL.matcher(pattern).matches()) {
      return value.rlike(pattern);
    }
    return pattern.startsWith("^") ? value.startsWith(pattern.substring(1)) : value.contains(pattern);
  }
}
