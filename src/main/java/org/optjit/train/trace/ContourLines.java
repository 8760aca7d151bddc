package org.optjit.train.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Contour lines of a function on a rectangle, by marching squares: the function is
 * sampled on a grid; in each cell, the level crosses an edge where the corner values lie
 * on either side of it, at the linearly interpolated point; the crossings of a cell are
 * joined by segments. In the two ambiguous (saddle) cases the value at the cell centre
 * decides which crossings belong together.
 */
public final class ContourLines {

    /** The segments of one level, as polylines separated by NaN in {@code ys} (a pen-up). */
    public record Level(double value, double[] xs, double[] ys) {
    }

    private ContourLines() {
    }

    /**
     * @param f     the function
     * @param range {x0, x1, y0, y1}
     * @param cells grid cells per side
     */
    public static List<Level> compute(DoubleBinaryOperator f, double[] range, int cells, double[] levels) {
        double x0 = range[0];
        double y0 = range[2];
        double dx = (range[1] - range[0]) / cells;
        double dy = (range[3] - range[2]) / cells;
        double[][] v = new double[cells + 1][cells + 1];
        for (int i = 0; i <= cells; i++) {
            for (int j = 0; j <= cells; j++) {
                v[i][j] = f.applyAsDouble(x0 + i * dx, y0 + j * dy);
            }
        }
        List<Level> out = new ArrayList<>();
        for (double level : levels) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    cell(v, i, j, level, x0 + i * dx, y0 + j * dy, dx, dy, f, xs, ys);
                }
            }
            out.add(new Level(level, unbox(xs), unbox(ys)));
        }
        return out;
    }

    /** Levels spaced evenly in logarithm from {@code lo} to {@code hi}. */
    public static double[] geometricLevels(double lo, double hi, int count) {
        double[] l = new double[count];
        for (int k = 0; k < count; k++) {
            l[k] = lo * Math.pow(hi / lo, k / (double) (count - 1));
        }
        return l;
    }

    private static void cell(double[][] v, int i, int j, double level, double x, double y, double dx, double dy,
                             DoubleBinaryOperator f, List<Double> xs, List<Double> ys) {
        // Corners counter-clockwise from bottom-left; edge k joins corner k and k+1.
        double[] c = {v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1]};
        double[] cx = {x, x + dx, x + dx, x};
        double[] cy = {y, y, y + dy, y + dy};
        double[] px = new double[4];
        double[] py = new double[4];
        int[] edges = new int[4];
        int n = 0;
        for (int k = 0; k < 4; k++) {
            double a = c[k];
            double b = c[(k + 1) % 4];
            if ((a < level) != (b < level)) {
                double t = (level - a) / (b - a);
                px[n] = cx[k] + t * (cx[(k + 1) % 4] - cx[k]);
                py[n] = cy[k] + t * (cy[(k + 1) % 4] - cy[k]);
                edges[n++] = k;
            }
        }
        if (n == 2) {
            segment(px[0], py[0], px[1], py[1], xs, ys);
        } else if (n == 4) {
            // Saddle: corner 0 and 2 are on one side. If the centre is on their side, the
            // level separates corners 1 and 3 from the middle: join crossings around them.
            boolean centreBelow = f.applyAsDouble(x + dx / 2, y + dy / 2) < level;
            boolean corner0Below = c[0] < level;
            if (centreBelow == corner0Below) {
                segment(px[0], py[0], px[1], py[1], xs, ys); // around corner 1
                segment(px[2], py[2], px[3], py[3], xs, ys); // around corner 3
            } else {
                segment(px[3], py[3], px[0], py[0], xs, ys); // around corner 0
                segment(px[1], py[1], px[2], py[2], xs, ys); // around corner 2
            }
        }
    }

    private static void segment(double ax, double ay, double bx, double by, List<Double> xs, List<Double> ys) {
        xs.add(ax);
        ys.add(ay);
        xs.add(bx);
        ys.add(by);
        xs.add(bx);
        ys.add(Double.NaN);
    }

    private static double[] unbox(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
