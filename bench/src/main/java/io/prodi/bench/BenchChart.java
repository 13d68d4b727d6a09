package io.prodi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws wall time against rows for prodi and the hand-written job from bench/run's results
 * (tab-separated: rows, runner, rep, total seconds, ...) as a PNG.
 *
 *   BenchChart <results.tsv> <chart.png>
 */
public final class BenchChart {
  private BenchChart() {}

  public static void main(String[] args) throws IOException {
    Map<String, Map<Long, List<Double>>> byRunner = new TreeMap<>();
    for (String line : Files.readAllLines(Paths.get(args[0]))) {
      if (line.isBlank() || line.startsWith("rows")) {
        continue;
      }
      String[] f = line.split("\t");
      byRunner.computeIfAbsent(f[1], k -> new TreeMap<>())
          .computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
    }
    XYChart chart = new XYChartBuilder().width(800).height(480)
        .title("Finance pipeline raw -> gold: wall time against rows (median per size)")
        .xAxisTitle("rows (millions)").yAxisTitle("wall time (s), whole process").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    byRunner.forEach((runner, sizes) -> {
      double[] x = sizes.keySet().stream().mapToDouble(r -> r / 1e6).toArray();
      double[] y = sizes.values().stream().mapToDouble(BenchChart::median).toArray();
      chart.addSeries(runner, x, y).setMarker(SeriesMarkers.CIRCLE);
    });
    Path out = Paths.get(args[1]);
    BitmapEncoder.saveBitmap(chart, out.toString(), BitmapEncoder.BitmapFormat.PNG);
    System.out.println("chart: " + out);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get((sorted.size() - 1) / 2);
  }
}
