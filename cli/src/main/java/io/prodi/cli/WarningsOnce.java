package io.prodi.cli;

import io.prodi.run.Console;
import io.prodi.yaml.ConfigProblem;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The warnings of a command that checks many files, each printed once: a variable that eight files read is one
 * line naming the eight places, not eight lines.
 */
final class WarningsOnce {
  private final Map<String, Set<String>> placesByMessage = new LinkedHashMap<>();

  void add(ConfigProblem warning) {
    placesByMessage.computeIfAbsent(warning.message(), m -> new LinkedHashSet<>())
        .add(warning.file() + ": " + warning.path());
  }

  /** Prints each warning: "file: path: message" when one place has it, else the message and every place. */
  void print(Console console) {
    placesByMessage.forEach((message, places) -> console.warning(places.size() == 1
        ? places.iterator().next() + ": " + message
        : message + "; in " + places.size() + " places: " + String.join(", ", places)));
  }
}
