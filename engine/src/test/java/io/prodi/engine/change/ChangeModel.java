package io.prodi.engine.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The change-data rules in plain Java, independent of Spark and of prodi's implementation: every change
 * applied at once, sorted by sequence. A change is (set, id, seq, delete, segment, email); the table
 * stores set, id, seq, segment, email; {@code segment} is the tracked column of scd2.
 */
final class ChangeModel {
  /** One change of key (set, id). */
  static final class Change {
    final int set;
    final int id;
    final long seq;
    final boolean delete;
    final String segment;
    final String email;

    Change(int set, int id, long seq, boolean delete, String segment, String email) {
      this.set = set;
      this.id = id;
      this.seq = seq;
      this.delete = delete;
      this.segment = segment;
      this.email = email;
    }

    String key() {
      return set + "|" + id;
    }

    String row() {
      return set + "|" + id + "|" + seq + "|" + segment + "|" + email;
    }
  }

  private ChangeModel() {}

  private static Map<String, List<Change>> byKey(List<Change> changes) {
    Map<String, List<Change>> keys = new TreeMap<>();
    for (Change change : changes) {
      List<Change> ofKey = keys.computeIfAbsent(change.key(), k -> new ArrayList<>());
      if (ofKey.stream().noneMatch(c -> c.seq == change.seq)) { // an exact duplicate counts once
        ofKey.add(change);
      }
    }
    keys.values().forEach(list -> list.sort(Comparator.comparingLong(c -> c.seq)));
    return keys;
  }

  /** SCD1: the newest change of each key, unless it is a delete. Rows "set|id|seq|segment|email", sorted. */
  static List<String> latest(List<Change> changes) {
    List<String> rows = new ArrayList<>();
    for (List<Change> ofKey : byKey(changes).values()) {
      Change newest = ofKey.get(ofKey.size() - 1);
      if (!newest.delete) {
        rows.add(newest.row());
      }
    }
    rows.sort(null);
    return rows;
  }

  /** SCD2: the versions of each key, "set|id|seq|segment|email|from|to|current", sorted. */
  static List<String> history(List<Change> changes) {
    List<String> rows = new ArrayList<>();
    for (List<Change> ofKey : byKey(changes).values()) {
      Change open = null;
      long from = 0;
      for (Change change : ofKey) {
        if (open != null && (change.delete || !Objects.equals(change.segment, open.segment))) {
          rows.add(open.row() + "|" + from + "|" + change.seq + "|false");
          open = null;
        }
        if (!change.delete) {
          if (open == null) {
            from = change.seq;
          }
          open = change;
        }
      }
      if (open != null) {
        rows.add(open.row() + "|" + from + "|null|true");
      }
    }
    rows.sort(null);
    return rows;
  }
}
