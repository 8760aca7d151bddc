package org.optjit.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves: one line per series (a rule, a sweep point) against epochs, steps,
 * examples or wall time; with several runs per series (seeds) the line is their mean and
 * a shaded band shows mean ± one standard deviation. Logarithmic axes span whole decades,
 * so every decade has a labelled tick, and their titles say they are logarithmic.
 */
final class CurveCharts {

    private CurveCharts() {
    }

    /** One point of a curve: its x position and value. */
    record Point(double x, double y) {
    }

    /**
     * @param series name to runs, each run a list of points in order (one run per seed)
     * @param logY   a logarithmic y axis (non-positive values are left out)
     */
    static XYChart chart(Map<String, List<List<Point>>> series, String title, String xTitle, String yTitle, boolean logY) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle)
                .yAxisTitle(logY ? yTitle + " (log scale)" : yTitle).build();
        chart.getStyler().setMarkerSize(5);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        Color[] palette = chart.getStyler().getSeriesColors();
        int k = 0;
        for (Map.Entry<String, List<List<Point>>> s : series.entrySet()) {
            double[][] mean = meanAndSd(s.getValue(), logY);
            if (mean[0].length == 0) {
                continue;
            }
            Color color = palette[k++ % palette.length];
            boolean band = s.getValue().size() > 1;
            if (band) {
                int n = mean[0].length;
                double[] bx = new double[2 * n];
                double[] by = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    bx[i] = mean[0][i];
                    by[i] = mean[1][i] + mean[2][i];
                    bx[2 * n - 1 - i] = mean[0][i];
                    double low = mean[1][i] - mean[2][i];
                    by[2 * n - 1 - i] = logY && low <= 0 ? mean[1][i] : low;
                }
                for (double v : by) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                XYSeries area = chart.addSeries(s.getKey() + " ± sd", bx, by);
                area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                area.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
                area.setLineColor(new Color(0, 0, 0, 0));
                area.setMarker(SeriesMarkers.NONE);
                area.setShowInLegend(false);
            }
            for (double v : mean[1]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            XYSeries line = chart.addSeries(band ? s.getKey() + " (mean of " + s.getValue().size() + ")" : s.getKey(),
                    mean[0], mean[1]);
            line.setLineStyle(new BasicStroke(2f));
            line.setLineColor(color);
            line.setMarkerColor(color);
        }
        if (logY && lo <= hi) {
            chart.getStyler().setYAxisLogarithmic(true);
            // whole decades: XChart labels the powers of ten, so the range must contain some
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.max(Math.ceil(Math.log10(hi)), Math.floor(Math.log10(lo)) + 1)));
        }
        return chart;
    }

    static void save(Map<String, List<List<Point>>> series, String title, String xTitle, String yTitle, boolean logY,
                     Path file) {
        Charts.save(chart(series, title, xTitle, yTitle, logY), file);
    }

    /**
     * Rows x, mean, sd over runs, point by point (index i of every run that has it, finite
     * and, on a log axis, positive); sd 0 for one run.
     */
    static double[][] meanAndSd(List<List<Point>> runs, boolean positive) {
        List<double[]> rows = new ArrayList<>();
        int longest = runs.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            double sx = 0;
            List<Double> ys = new ArrayList<>();
            for (List<Point> r : runs) {
                if (i < r.size() && Double.isFinite(r.get(i).y()) && (!positive || r.get(i).y() > 0)) {
                    sx += r.get(i).x();
                    ys.add(r.get(i).y());
                }
            }
            if (ys.isEmpty()) {
                continue;
            }
            Spread s = Spread.of(ys.stream().mapToDouble(Double::doubleValue).toArray());
            rows.add(new double[] {sx / ys.size(), s.mean(), Double.isNaN(s.sd()) ? 0 : s.sd()});
        }
        double[][] out = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int r = 0; r < 3; r++) {
                out[r][i] = rows.get(i)[r];
            }
        }
        return out;
    }
}
