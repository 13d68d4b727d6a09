package io.prodi.catalog;

import io.prodi.yaml.ConfigNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of an Iceberg table's {@code partition_by}: a column, or a partition transform of one
 * ({@code years|months|days|hours(col)}, {@code bucket(N, col)}, {@code truncate(W, col)}, {@code identity(col)}).
 * It renders as the {@code PARTITIONED BY} item of Spark's CREATE TABLE.
 */
public final class PartitionTransform {
  /** The transforms Iceberg's Spark integration takes, with whether each has a width or count first. */
  public static final List<String> NAMES = List.of("bucket", "days", "hours", "identity", "months", "truncate", "years");
  private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z_]+)\\s*\\((.*)\\)\\s*");
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String transform;
  private final Integer width;
  private final String column;

  private PartitionTransform(String transform, Integer width, String column) {
    this.transform = transform;
    this.width = width;
    this.column = column;
  }

  /** The entry {@code text} at {@code node}, or empty when it is malformed (the problem is recorded). */
  public static Optional<PartitionTransform> parse(ConfigNode node, String text) {
    if (COLUMN.matcher(text.trim()).matches()) {
      return Optional.of(new PartitionTransform(null, null, text.trim()));
    }
    Matcher call = CALL.matcher(text);
    if (!call.matches()) {
      node.error("Cannot parse partition transform: expected a column or transform(column), such as days(ts) or "
          + "bucket(16, id) (" + text + ")");
      return Optional.empty();
    }
    String name = call.group(1).toLowerCase(java.util.Locale.ROOT);
    if (!NAMES.contains(name)) {
      node.unknown("partition transform", call.group(1), NAMES);
      return Optional.empty();
    }
    String[] args = call.group(2).split(",", -1);
    boolean sized = name.equals("bucket") || name.equals("truncate");
    int expected = sized ? 2 : 1;
    String usage = sized ? name + "(N, column) with N a whole number above 0" : name + "(column)";
    if (args.length != expected || !COLUMN.matcher(args[expected - 1].trim()).matches()
        || (sized && !args[0].trim().matches("[1-9][0-9]{0,8}"))) {
      node.error("Cannot use partition transform " + name + ": expected " + usage + " (" + text + ")");
      return Optional.empty();
    }
    return Optional.of(new PartitionTransform(name, sized ? Integer.valueOf(args[0].trim()) : null,
        args[expected - 1].trim()));
  }

  /** The column it partitions by (the transform's argument). */
  public String column() {
    return column;
  }

  /** As a {@code PARTITIONED BY} item: {@code days(`ts`)}, {@code bucket(16, `id`)}, {@code `country`}. */
  public String sql() {
    String quoted = "`" + column + "`";
    if (transform == null) {
      return quoted;
    }
    return transform + "(" + (width != null ? width + ", " : "") + quoted + ")";
  }
}
