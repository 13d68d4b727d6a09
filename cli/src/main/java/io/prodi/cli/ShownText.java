package io.prodi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.run.ShownRows;
import io.prodi.yaml.ConfigFiles;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How {@code prodi show} prints what it read: an aligned table with the count and schema, or one JSON object. */
final class ShownText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WIDEST_CELL = 40;

  private ShownText() {}

  static List<String> table(ShownRows shown) {
    List<String> lines = new ArrayList<>();
    lines.add(shown.source() + ": " + shown.total() + (shown.total() == 1 ? " row" : " rows")
        + (shown.rows().size() < shown.total() ? ", the first " + shown.rows().size() + " shown" : ""));
    int[] widths = new int[shown.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = shown.columns().get(i).length();
      for (List<String> row : shown.rows()) {
        widths[i] = Math.max(widths[i], cell(row.get(i)).length());
      }
    }
    String rule = rule(widths);
    lines.add(rule);
    lines.add(line(shown.columns(), widths));
    lines.add(rule);
    shown.rows().forEach(row -> lines.add(line(row, widths)));
    lines.add(rule);
    lines.add("schema:");
    for (int i = 0; i < widths.length; i++) {
      lines.add("  " + shown.columns().get(i) + ": " + shown.types().get(i));
    }
    return lines;
  }

  static String json(ShownRows shown) {
    ObjectNode root = JSON.createObjectNode();
    root.put("source", shown.source());
    root.put("rows", shown.total());
    ArrayNode schema = root.putArray("schema");
    for (int i = 0; i < shown.columns().size(); i++) {
      schema.addObject().put("name", shown.columns().get(i)).put("type", shown.types().get(i));
    }
    ArrayNode rows = root.putArray("shown");
    try {
      for (String row : shown.jsonRows()) {
        rows.add(JSON.readTree(row));
      }
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * delta when the folder has a {@code _delta_log}; else the format of the file's extension, or of the first data
   * file's in the folder (Spark names them {@code part-00000-....snappy.parquet}, {@code ....csv}); else parquet.
   */
  static String guessFormat(ConfigFiles files, String path) {
    String folder = path.replaceAll("/+$", "");
    if (files.isFolder(folder + "/_delta_log")) {
      return "delta";
    }
    java.util.Optional<String> named = formatOfName(folder);
    if (named.isPresent()) {
      return named.get();
    }
    return files.firstDataFile(folder).flatMap(ShownText::formatOfName).orElse("parquet");
  }

  private static java.util.Optional<String> formatOfName(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replaceAll("\\.(gz|bz2|snappy|zstd|lz4|deflate)$", "");
    for (String format : List.of("csv", "json", "orc", "avro", "txt", "jsonl", "parquet")) {
      if (lower.endsWith("." + format)) {
        return java.util.Optional.of(format.equals("txt") ? "text" : format.equals("jsonl") ? "json" : format);
      }
    }
    return java.util.Optional.empty();
  }

  private static String cell(String value) {
    String oneLine = value.replace("\n", "\\n");
    return oneLine.length() <= WIDEST_CELL ? oneLine : oneLine.substring(0, WIDEST_CELL - 3) + "...";
  }

  private static String rule(int[] widths) {
    StringBuilder out = new StringBuilder("+");
    for (int width : widths) {
      out.append("-".repeat(width + 2)).append('+');
    }
    return out.toString();
  }

  private static String line(List<String> values, int[] widths) {
    StringBuilder out = new StringBuilder("|");
    for (int i = 0; i < widths.length; i++) {
      String value = cell(values.get(i));
      out.append(' ').append(value).append(" ".repeat(widths[i] - value.length())).append(" |");
    }
    return out.toString();
  }
}
