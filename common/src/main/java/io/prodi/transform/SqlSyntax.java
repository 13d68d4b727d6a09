package io.prodi.transform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.execution.SparkSqlParser;
import org.apache.spark.sql.types.StructType;

/**
 * Checks SQL statements, expressions, data types and DDL schemas with Spark's own parser, without a
 * SparkSession: the same grammar the run will use, so a syntax error never reaches a cluster.
 */
public final class SqlSyntax {
  private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), pos (\\d+)\\)");
  private static final SparkSqlParser PARSER = new SparkSqlParser();

  private SqlSyntax() {}

  /** The parser's complaint about a statement, or empty when it parses. */
  public static Optional<String> statementError(String sql) {
    return errorOf(() -> PARSER.parsePlan(sql));
  }

  public static Optional<String> expressionError(String expression) {
    return errorOf(() -> PARSER.parseExpression(expression));
  }

  public static Optional<String> dataTypeError(String type) {
    return errorOf(() -> PARSER.parseDataType(type));
  }

  public static Optional<String> schemaError(String ddl) {
    return errorOf(() -> StructType.fromDDL(ddl));
  }

  /** A problem with a schema in Spark's JSON form ({@code {"type":"struct","fields":[...]}}), if any. */
  public static Optional<String> schemaJsonError(String json) {
    return errorOf(() -> {
      if (!(org.apache.spark.sql.types.DataType.fromJson(json) instanceof StructType)) {
        throw new IllegalArgumentException("the schema is not a struct");
      }
    });
  }

  public static Optional<String> tableNameError(String name) {
    return errorOf(() -> PARSER.parseMultipartIdentifier(name));
  }

  private static Optional<String> errorOf(Runnable parse) {
    try {
      parse.run();
      return Optional.empty();
    } catch (Exception e) { // Spark's ParseException, thrown by Scala code the compiler cannot see
      return Optional.of(oneLine(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Spark's multi-line parse message on one line: "[PARSE_SYNTAX_ERROR] Syntax error at or near
   * 'SELEC'.(line 1, pos 0) == SQL == ..." becomes "syntax error at or near 'SELEC' at line 1, position 0".
   */
  static String oneLine(String message) {
    String text = message.trim();
    int sqlEcho = text.indexOf("== SQL ==");
    if (sqlEcho >= 0) {
      text = text.substring(0, sqlEcho).trim();
    }
    text = text.replaceAll("^\\[[A-Z_.]+\\]\\s*", "").replaceAll("\\s+", " ");
    Matcher where = POSITION.matcher(text);
    if (where.find()) {
      text = text.substring(0, where.start()).replaceAll("\\.$", "").trim()
          + " at line " + where.group(1) + ", position " + where.group(2);
    }
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
