package io.prodi.bigquery;

import io.prodi.yaml.ConfigNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A BigQuery table as a config names it: {@code project.dataset.table} or {@code dataset.table} (the job's
 * project). The project is a Google Cloud project id (optionally domain-scoped, {@code example.com:proj}), the
 * dataset letters, digits and underscores; the table name may hold any letter, mark, digit, connector, dash or
 * space, as BigQuery allows.
 */
public final class BigQueryTable {
  private static final Pattern PROJECT = Pattern.compile("([a-z][a-z0-9.-]*:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
  private static final Pattern TABLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{Pc}\\p{Pd} ]{1,1024}");

  private final String project;
  private final String dataset;
  private final String table;

  private BigQueryTable(String project, String dataset, String table) {
    this.project = project;
    this.dataset = dataset;
    this.table = table;
  }

  /** The table {@code node} names, or empty when it is missing or malformed (the problem is recorded). */
  public static Optional<BigQueryTable> bind(ConfigNode node, String what) {
    String text = node.requiredText(what);
    if (text == null) {
      return Optional.empty();
    }
    Optional<BigQueryTable> parsed = parse(text);
    if (parsed.isEmpty()) {
      node.error("Cannot use BigQuery table name: expected project.dataset.table or dataset.table, with a valid "
          + "project id, a dataset of letters, digits and underscores, and a table name (" + text + ")");
    }
    return parsed;
  }

  static Optional<BigQueryTable> parse(String text) {
    int last = text.lastIndexOf('.');
    if (last < 0) {
      return Optional.empty();
    }
    String table = text.substring(last + 1);
    String rest = text.substring(0, last);
    int split = rest.lastIndexOf('.');
    String dataset = rest.substring(split + 1);
    String project = split < 0 ? null : rest.substring(0, split);
    boolean valid = TABLE.matcher(table).matches() && DATASET.matcher(dataset).matches()
        && (project == null || PROJECT.matcher(project).matches());
    return valid ? Optional.of(new BigQueryTable(project, dataset, table)) : Optional.empty();
  }

  /** The project, when the name gives one (else the job's own). */
  public Optional<String> project() {
    return Optional.ofNullable(project);
  }

  public String dataset() {
    return dataset;
  }

  public String table() {
    return table;
  }

  /** As the connector takes it ({@code save()}/{@code load()} path). */
  @Override
  public String toString() {
    return (project == null ? "" : project + ".") + dataset + "." + table;
  }
}
