package org.optjit.search.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.optjit.search.evolve.SearchState;
import org.optjit.train.AtomicFiles;

/** The best fitness after each generation against search time, one series per rung (XChart, PNG). */
public final class FitnessPlot {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private FitnessPlot() {
    }

    public static void write(List<SearchState.HistoryPoint> history, List<Integer> rungSteps, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Best fitness found")
                .xAxisTitle("search time (s)").yAxisTitle("fitness (decades of loss reduction, mean over proxies)").build();
        chart.getStyler().setMarkerSize(4);
        for (int rung = 0; rung < rungSteps.size(); rung++) {
            final int r = rung;
            List<SearchState.HistoryPoint> points = history.stream().filter(h -> h.rung() == r && h.fitness() > -1000).toList();
            if (points.isEmpty()) {
                continue;
            }
            double[] x = points.stream().mapToDouble(SearchState.HistoryPoint::seconds).toArray();
            double[] y = points.stream().mapToDouble(SearchState.HistoryPoint::fitness).toArray();
            chart.addSeries("best at rung " + rung + " (" + rungSteps.get(rung) + " steps)", x, y)
                    .setMarker(SeriesMarkers.CIRCLE);
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no finite fitness", new double[] {0}, new double[] {0});
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
