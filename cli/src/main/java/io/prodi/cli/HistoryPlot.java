package io.prodi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;

/** {@code prodi history --plot FILE}: rows written per run as a PNG bar chart, failed runs in red. */
final class HistoryPlot {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 320;
  private static final int MARGIN = 48;

  private HistoryPlot() {}

  static void write(List<JsonNode> newestFirst, String title, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<JsonNode> runs = new ArrayList<>(newestFirst);
    Collections.reverse(runs);
    long max = 1;
    for (JsonNode run : runs) {
      max = Math.max(max, run.path("rows_out").asLong(0));
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString("rows written per run: " + title + " (oldest left, max " + max + ")", MARGIN, 24);
    g.setStroke(new BasicStroke(1));
    g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
    int plotWidth = WIDTH - 2 * MARGIN;
    int plotHeight = HEIGHT - 2 * MARGIN - 8;
    int slot = plotWidth / Math.max(1, runs.size());
    for (int i = 0; i < runs.size(); i++) {
      JsonNode run = runs.get(i);
      boolean failed = "failed".equals(run.path("status").asText());
      // a failed run wrote nothing countable: a full-height red bar, so that it is not a gap
      int bar = failed ? plotHeight : (int) Math.round(plotHeight * (double) run.path("rows_out").asLong(0) / max);
      g.setColor(failed ? new Color(0xC6, 0x28, 0x28) : new Color(0x15, 0x65, 0xC0));
      g.fillRect(MARGIN + i * slot + slot / 6, HEIGHT - MARGIN - bar, Math.max(1, slot * 2 / 3), bar);
    }
    g.dispose();
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("Cannot write " + file + ": no PNG writer in this JVM");
    }
  }
}
