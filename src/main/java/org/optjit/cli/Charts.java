package org.optjit.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.optjit.train.AtomicFiles;
import org.optjit.train.EpochMetrics;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.optjit.train.trace.ContourLines;
import org.optjit.train.trace.Surface;
import org.optjit.train.trace.TracedPath;

/** The pictures: optimizer paths of {@code trace} ({@link CurveCharts}: learning curves); PNG and SVG. */
final class Charts {

    static {
        // Charts are drawn into files; no display is needed (or present on a server).
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** One curve per rule of {@code value} against the epoch. */
    static void learningCurves(Map<String, List<EpochMetrics>> runs, String title, String yLabel,
                               ToDoubleFunction<EpochMetrics> value, boolean logY, Path file) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("epoch").yAxisTitle(yLabel).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(5);
        for (Map.Entry<String, List<EpochMetrics>> run : runs.entrySet()) {
            List<EpochMetrics> h = run.getValue().stream().filter(m -> Double.isFinite(value.applyAsDouble(m))
                    && (!logY || value.applyAsDouble(m) > 0)).toList();
            if (h.isEmpty()) {
                continue;
            }
            double[] x = h.stream().mapToDouble(EpochMetrics::epoch).toArray();
            double[] y = h.stream().mapToDouble(value).toArray();
            chart.addSeries(run.getKey(), x, y).setLineStyle(new BasicStroke(2f));
        }
        save(chart, file);
    }

    /**
     * The performance profile of each rule ({@link PerformanceProfile}): the fraction of
     * workloads reached within a factor tau of the best time, for tau from 1 to {@code maxTau}.
     */
    static void performanceProfile(Map<String, double[]> ratios, double maxTau, Path file) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Performance profile (time to target)")
                .xAxisTitle("tau: within this factor of the best time").yAxisTitle("fraction of workloads").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        int points = 200;
        for (Map.Entry<String, double[]> r : ratios.entrySet()) {
            double[] x = new double[points + 1], y = new double[points + 1];
            for (int i = 0; i <= points; i++) {
                x[i] = 1 + (maxTau - 1) * i / points;
                y[i] = PerformanceProfile.at(r.getValue(), x[i]);
            }
            XYSeries s = chart.addSeries(r.getKey(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(2f));
        }
        save(chart, file);
    }

    /** Paths over the contour lines of a surface. */
    static void paths(Surface surface, Map<String, TracedPath> paths, Path file) {
        double[] r = surface.range();
        XYChart chart = new XYChartBuilder().width(800).height(600)
                .title(surface == Surface.BOWL ? "Elongated quadratic bowl" : "Rosenbrock")
                .xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setXAxisMin(r[0]).setXAxisMax(r[1]).setYAxisMin(r[2]).setYAxisMax(r[3]);
        chart.getStyler().setMarkerSize(4);
        double lo = surface == Surface.BOWL ? 0.05 : 0.5;
        double hi = Math.max(surface.value(r[0], r[3]), surface.value(r[1], r[2])) * 0.8;
        int k = 0;
        for (ContourLines.Level level : ContourLines.compute(surface::value, r, 100,
                ContourLines.geometricLevels(lo, hi, 14))) {
            if (level.xs().length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries("level " + (k++), level.xs(), level.ys());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(180, 180, 180));
            s.setLineStyle(new BasicStroke(1f));
            s.setShowInLegend(false);
        }
        for (Map.Entry<String, TracedPath> p : paths.entrySet()) {
            TracedPath t = p.getValue();
            double[][] clipped = clip(t, r);
            String name = p.getKey() + (t.outcome() == TracedPath.Outcome.DIVERGED ? " (diverged)" : "");
            XYSeries s = chart.addSeries(name, clipped[0], clipped[1]);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(1.5f));
        }
        double[] min = surface.minimum();
        XYSeries m = chart.addSeries("minimum", new double[] {min[0]}, new double[] {min[1]});
        m.setMarker(SeriesMarkers.DIAMOND);
        m.setMarkerColor(Color.BLACK);
        m.setLineStyle(new BasicStroke(0f));
        save(chart, file);
    }

    /** Points outside the plot break the line (NaN), so a wild path does not smear across the picture. */
    private static double[][] clip(TracedPath t, double[] r) {
        double[] xs = t.xs().clone();
        double[] ys = t.ys().clone();
        double mx = (r[1] - r[0]) * 0.05;
        double my = (r[3] - r[2]) * 0.05;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] < r[0] - mx || xs[i] > r[1] + mx || ys[i] < r[2] - my || ys[i] > r[3] + my) {
                xs[i] = Math.max(r[0], Math.min(r[1], xs[i]));
                ys[i] = Double.NaN;
            }
        }
        return new double[][] {xs, ys};
    }

    /** Writes {@code file.png} and {@code file.svg} ({@code file} without extension), atomically. */
    static void save(XYChart chart, Path file) {
        try {
            AtomicFiles.write(Path.of(file + ".png"), BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
            java.io.ByteArrayOutputStream svg = new java.io.ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            AtomicFiles.write(Path.of(file + ".svg"), svg.toByteArray());
        } catch (IOException e) {
            throw new UserError(file + ": cannot write the plot: " + e.getMessage(), e);
        }
    }
}
