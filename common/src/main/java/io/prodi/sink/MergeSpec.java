package io.prodi.sink;

import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code merge} block of a sink in mode {@code merge} (latest row per key, SCD1) or {@code scd2}
 * (one row per version of a key): the keys, and how changes are ordered, deleted and stored.
 */
public final class MergeSpec {
  /** The keys of a {@code merge} block. */
  static final Set<String> KEYS = Set.of("keys", "sequence_by", "delete_when", "except_columns", "track_history",
      "snapshot", "schema_evolution");
  private static final MergeSpec NONE = new MergeSpec(List.of(), null, null, List.of(), List.of(), false,
      SchemaEvolution.NONE);

  private final List<String> keys;
  private final String sequenceBy;
  private final String deleteWhen;
  private final List<String> exceptColumns;
  private final List<String> trackHistory;
  private final boolean snapshot;
  private final SchemaEvolution schemaEvolution;

  private MergeSpec(List<String> keys, String sequenceBy, String deleteWhen, List<String> exceptColumns,
      List<String> trackHistory, boolean snapshot, SchemaEvolution schemaEvolution) {
    this.keys = List.copyOf(keys);
    this.sequenceBy = sequenceBy;
    this.deleteWhen = deleteWhen;
    this.exceptColumns = List.copyOf(exceptColumns);
    this.trackHistory = List.copyOf(trackHistory);
    this.snapshot = snapshot;
    this.schemaEvolution = schemaEvolution;
  }

  /** The block of a sink in {@code mode}; every problem is recorded at its YAML path. */
  static MergeSpec bind(ConfigNode node, WriteMode mode) {
    ConfigNode merge = node.get("merge");
    if (!mode.mergesByKey()) {
      if (!merge.isMissing()) {
        merge.error("Cannot use merge with mode " + mode + ": it applies to modes merge and scd2 (" + merge.shown()
            + ")");
      }
      return NONE;
    }
    merge.allowKeys("merge", KEYS);
    MergeSpec spec = new MergeSpec(merge.get("keys").textList(), merge.get("sequence_by").text(),
        merge.get("delete_when").text(), merge.get("except_columns").textList(),
        merge.get("track_history").textList(), merge.get("snapshot").bool(false),
        SchemaEvolution.bind(merge.get("schema_evolution")));
    spec.check(merge, mode);
    return spec;
  }

  private void check(ConfigNode merge, WriteMode mode) {
    if (keys.isEmpty()) {
      merge.get("keys").error("Cannot merge: merge.keys must name the key columns of the upsert (missing)");
    }
    if (mode == WriteMode.SCD2 && sequenceBy == null && !snapshot) {
      merge.error("Cannot keep history without an order: mode scd2 needs merge.sequence_by, or snapshot: true "
          + "(sequence_by missing)");
    }
    if (mode != WriteMode.SCD2 && !trackHistory.isEmpty()) {
      merge.get("track_history").error("Cannot track history in mode " + mode + ": track_history applies to mode "
          + "scd2 (" + String.join(", ", trackHistory) + ")");
    }
    for (String column : trackHistory) {
      if (isKey(column) || column.equalsIgnoreCase(String.valueOf(sequenceBy))) {
        merge.get("track_history").error("Cannot track history of " + column + ": it is a key or the sequence "
            + "column, which never change within a version (" + column + ")");
      }
    }
    for (String column : exceptColumns) {
      if (isKey(column)) {
        merge.get("except_columns").error("Cannot leave key " + column + " out of the table: except_columns must "
            + "not name a key (" + column + ")");
      } else if (mode == WriteMode.MERGE && column.equalsIgnoreCase(String.valueOf(sequenceBy))) {
        merge.get("except_columns").error("Cannot leave the sequence column out in mode merge: the table keeps it to "
            + "ignore changes older than a row (" + column + ")");
      }
    }
    if (deleteWhen != null) {
      SqlSyntax.expressionError(deleteWhen).ifPresent(e -> merge.get("delete_when").error(
          "Cannot parse delete_when: " + e + " (" + deleteWhen + ")"));
      if (snapshot) {
        merge.get("delete_when").error("Cannot use delete_when with snapshot: true: in a snapshot the keys that "
            + "vanish are the deletes (" + deleteWhen + ")");
      } else if (sequenceBy == null) {
        merge.get("delete_when").error("Cannot delete without an order: delete_when needs merge.sequence_by, so an "
            + "older change never brings a deleted key back (" + deleteWhen + ")");
      }
    }
  }

  private boolean isKey(String column) {
    return keys.stream().anyMatch(column::equalsIgnoreCase);
  }

  public List<String> keys() {
    return keys;
  }

  /** The column ordering the changes of a key, when the sink orders them. */
  public Optional<String> sequenceBy() {
    return Optional.ofNullable(sequenceBy);
  }

  /** The SQL condition of input rows that delete their key. */
  public Optional<String> deleteWhen() {
    return Optional.ofNullable(deleteWhen);
  }

  public List<String> exceptColumns() {
    return exceptColumns;
  }

  /** The columns whose change opens a new version (scd2); empty: every stored column but keys and sequence. */
  public List<String> trackHistory() {
    return trackHistory;
  }

  /** Whether each run's input is the whole current table, its missing keys deleted. */
  public boolean snapshot() {
    return snapshot;
  }

  public SchemaEvolution schemaEvolution() {
    return schemaEvolution;
  }

  /**
   * Whether changes are applied by their order (sequence or snapshot), not "the input wins": what
   * makes the table independent of how changes were batched.
   */
  public boolean ordered() {
    return sequenceBy != null || snapshot;
  }

  /**
   * The input columns it names, which the output must have: keys, sequence, history and excluded columns, each at its
   * path under the sink ({@code merge.keys[0]}).
   */
  public List<NamedColumn> namedColumns() {
    List<NamedColumn> named = new ArrayList<>(NamedColumn.listed("keys", keys));
    if (sequenceBy != null) {
      named.add(new NamedColumn(sequenceBy, "sequence_by"));
    }
    named.addAll(NamedColumn.listed("track_history", trackHistory));
    named.addAll(NamedColumn.listed("except_columns", exceptColumns));
    List<NamedColumn> underMerge = new ArrayList<>();
    named.forEach(n -> underMerge.add(n.under("merge")));
    return underMerge;
  }

  /**
   * What a plan says of the merge: "keys customer_id, ordered by change_seq, deletes where op = 'D',
   * history of segment, country, without op".
   */
  public String describe() {
    List<String> parts = new ArrayList<>(List.of("keys " + String.join(", ", keys)));
    parts.add(snapshot ? "a snapshot at " + (sequenceBy == null ? "the run's date" : sequenceBy)
        : sequenceBy == null ? "the input wins" : "ordered by " + sequenceBy);
    if (deleteWhen != null) {
      parts.add("deletes where " + deleteWhen);
    }
    if (!trackHistory.isEmpty()) {
      parts.add("history of " + String.join(", ", trackHistory));
    }
    if (!exceptColumns.isEmpty()) {
      parts.add("without " + String.join(", ", exceptColumns));
    }
    if (schemaEvolution == SchemaEvolution.ADD_COLUMNS) {
      parts.add("new columns added");
    }
    return String.join(", ", parts);
  }

  /** What {@code schema_evolution} allows when the input has a column the table lacks. */
  public enum SchemaEvolution {
    /** A new input column is an error naming it. */
    NONE,
    /** New input columns become nullable columns of the table. */
    ADD_COLUMNS;

    static SchemaEvolution bind(ConfigNode node) {
      String given = node.oneOf("schema_evolution", List.of("none", "add_columns"));
      return "add_columns".equalsIgnoreCase(given) ? ADD_COLUMNS : NONE;
    }
  }
}
