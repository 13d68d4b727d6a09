package io.prodi.compat.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "needs a human" items of a migrated file, kept as comments at its top ({@code # prodi migrate: needs a
 * human: ...}): the rewrite removes the keys they are about, so without the comment a later run would
 * forget them. A person deletes the comment when the item is done.
 */
final class Reminders {
  private static final String PREFIX = "# prodi migrate: needs a human: ";
  private static final Pattern LINE = Pattern.compile("^" + Pattern.quote(PREFIX) + "(.*)$", Pattern.MULTILINE);

  private Reminders() {}

  /** The reminders the text keeps, in order. */
  static List<String> in(String text) {
    List<String> found = new ArrayList<>();
    Matcher line = LINE.matcher(text);
    while (line.find()) {
      found.add(line.group(1));
    }
    return found;
  }

  /** The text with each of {@code reminders} it does not keep yet added at its top (after a leading comment). */
  static String keptIn(String text, List<String> reminders) {
    List<String> kept = in(text);
    StringBuilder added = new StringBuilder();
    for (String reminder : reminders) {
      String oneLine = reminder.replace('\n', ' ');
      if (!kept.contains(oneLine)) {
        kept.add(oneLine);
        added.append(PREFIX).append(oneLine).append('\n');
      }
    }
    if (added.length() == 0) {
      return text;
    }
    int start = 0;
    while (start < text.length() && text.startsWith("#", start) && !text.startsWith(PREFIX, start)) {
      int end = text.indexOf('\n', start);
      start = end < 0 ? text.length() : end + 1;
    }
    return text.substring(0, start) + added + text.substring(start);
  }
}
