package org.optjit.train.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Contour lines of a function on a rectangle, by marching squares: the function is
 * sampled on a grid; in each cell, the level crosses an edge where the corner values lie
 * on either side of it, at the linearly interpolated point; the crossings of a cell are
 * joined by segments. In the two ambiguous (saddle) cases the value at the cell centre
 * decides which crossings belong together. Segments that share a grid edge are chained
 * into polylines, so a picture draws a few long lines instead of thousands of pieces.
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
            Segments segments = new Segments();
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    cell(v, i, j, level, x0 + i * dx, y0 + j * dy, dx, dy, f, segments);
                }
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            segments.polylines(xs, ys);
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

    /** Collects the segments of one level: each end is a grid edge, identified by a key. */
    private static final class Segments {
        final List<long[]> ends = new ArrayList<>();
        final java.util.Map<Long, double[]> points = new java.util.HashMap<>();

        void add(long a, double[] pa, long b, double[] pb) {
            ends.add(new long[] {a, b});
            points.putIfAbsent(a, pa);
            points.putIfAbsent(b, pb);
        }

        /** Chains segments that share an edge into polylines, NaN-separated. */
        void polylines(List<Double> xs, List<Double> ys) {
            java.util.Map<Long, List<Integer>> at = new java.util.HashMap<>();
            for (int k = 0; k < ends.size(); k++) {
                for (long e : ends.get(k)) {
                    at.computeIfAbsent(e, x -> new ArrayList<>(2)).add(k);
                }
            }
            boolean[] used = new boolean[ends.size()];
            for (int k = 0; k < ends.size(); k++) {
                if (used[k]) {
                    continue;
                }
                // walk backwards to an open end (or around a closed loop), then forwards
                long startEdge = ends.get(k)[0];
                int seg = k;
                java.util.Set<Integer> seen = new java.util.HashSet<>();
                while (seen.add(seg)) {
                    int next = other(at.get(startEdge), seg);
                    if (next < 0 || used[next]) {
                        break;
                    }
                    long[] e = ends.get(next);
                    startEdge = e[0] == startEdge ? e[1] : e[0];
                    seg = next;
                }
                long edge = startEdge;
                emit(edge, xs, ys);
                while (seg >= 0 && !used[seg]) {
                    used[seg] = true;
                    long[] e = ends.get(seg);
                    edge = e[0] == edge ? e[1] : e[0];
                    emit(edge, xs, ys);
                    seg = other(at.get(edge), seg);
                }
                xs.add(xs.get(xs.size() - 1));
                ys.add(Double.NaN);
            }
        }

        private static int other(List<Integer> list, int seg) {
            for (int s : list) {
                if (s != seg) {
                    return s;
                }
            }
            return -1;
        }

        private void emit(long edge, List<Double> xs, List<Double> ys) {
            double[] p = points.get(edge);
            xs.add(p[0]);
            ys.add(p[1]);
        }
    }

    /**
     * The crossings of one cell. Edges are keyed so that the two cells sharing an edge
     * agree: horizontal edge (i, j) from grid point (i, j) to (i+1, j) is {@code 2*(i*N+j)},
     * vertical edge from (i, j) to (i, j+1) is {@code 2*(i*N+j)+1}.
     */
    private static void cell(double[][] v, int i, int j, double level, double x, double y, double dx, double dy,
                             DoubleBinaryOperator f, Segments out) {
        // Corners counter-clockwise from bottom-left; edge k joins corner k and k+1.
        double[] c = {v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1]};
        double[] cx = {x, x + dx, x + dx, x};
        double[] cy = {y, y, y + dy, y + dy};
        long n1 = v.length;
        long[] keys = {2 * (i * n1 + j), 2 * ((i + 1) * n1 + j) + 1, 2 * (i * n1 + j + 1), 2 * (i * n1 + j) + 1};
        double[][] p = new double[4][];
        long[] edges = new long[4];
        int n = 0;
        for (int k = 0; k < 4; k++) {
            // interpolate from the lower-numbered grid point so both neighbours compute the same point
            int lo = k < 2 ? k : (k + 1) % 4;
            int hi = k < 2 ? k + 1 : k;
            double a = c[lo];
            double b = c[hi];
            if ((a < level) != (b < level)) {
                double t = (level - a) / (b - a);
                p[n] = new double[] {cx[lo] + t * (cx[hi] - cx[lo]), cy[lo] + t * (cy[hi] - cy[lo])};
                edges[n++] = keys[k];
            }
        }
        if (n == 2) {
            out.add(edges[0], p[0], edges[1], p[1]);
        } else if (n == 4) {
            // Saddle: corners 0 and 2 are on one side. If the centre is on their side, the
            // level separates corners 1 and 3 from the middle: join the crossings around them.
            boolean centreBelow = f.applyAsDouble(x + dx / 2, y + dy / 2) < level;
            if (centreBelow == (c[0] < level)) {
                out.add(edges[0], p[0], edges[1], p[1]); // around corner 1
                out.add(edges[2], p[2], edges[3], p[3]); // around corner 3
            } else {
                out.add(edges[3], p[3], edges[0], p[0]); // around corner 0
                out.add(edges[1], p[1], edges[2], p[2]); // around corner 2
            }
        }
    }

    private static double[] unbox(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
