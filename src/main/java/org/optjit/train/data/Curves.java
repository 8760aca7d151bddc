package org.optjit.train.data;

import org.optjit.train.Rng;

/**
 * The CURVES data set of the deep-autoencoder experiments (Hinton and Salakhutdinov 2006;
 * Sutskever et al. 2013): 28x28 images of random curves, each drawn from three random
 * control points.
 *
 * <p>The original images are not distributed with a licence we can reuse, so they are
 * regenerated: each image is a quadratic Bezier curve through three control points drawn
 * uniformly from {@code [MARGIN, 28 - MARGIN]^2} (the curve stays inside their convex hull,
 * hence inside the image), stroked with anti-aliasing: a pixel's value is
 * {@code clamp(HALF_WIDTH + 1 - d, 0, 1)}, where {@code d} is the distance from the pixel
 * centre to the curve, so pixels lie in {@code [0, 1]} with a soft one-pixel edge.
 *
 * <p>Image {@code i} of stream {@code s} depends only on {@code (seed, s, i)}, so the first
 * {@code n} images are the same whatever the number generated.
 */
public final class Curves {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    /** Control points stay this far from the border. */
    static final double MARGIN = 2.0;
    /** Half the width of the fully lit core of the stroke, in pixels. */
    static final double HALF_WIDTH = 0.5;
    /** Line segments approximating the curve: short enough to be smooth at 28 pixels. */
    static final int SEGMENTS = 24;

    private Curves() {
    }

    /** {@code count} images of stream {@code stream}, row-major, one image per row. */
    public static float[] generate(long seed, long stream, int count) {
        float[] out = new float[count * PIXELS];
        double[] dist = new double[PIXELS];
        double[] px = new double[SEGMENTS + 1];
        double[] py = new double[SEGMENTS + 1];
        for (int i = 0; i < count; i++) {
            Rng rng = Rng.stream(seed, (stream << 32) + i);
            draw(rng, out, i * PIXELS, dist, px, py);
        }
        return out;
    }

    /** Draws one curve into {@code out[off .. off + PIXELS)}. */
    private static void draw(Rng rng, float[] out, int off, double[] dist, double[] px, double[] py) {
        double span = SIDE - 2 * MARGIN;
        double x0 = MARGIN + span * rng.nextDouble(), y0 = MARGIN + span * rng.nextDouble();
        double x1 = MARGIN + span * rng.nextDouble(), y1 = MARGIN + span * rng.nextDouble();
        double x2 = MARGIN + span * rng.nextDouble(), y2 = MARGIN + span * rng.nextDouble();
        for (int k = 0; k <= SEGMENTS; k++) {
            double t = (double) k / SEGMENTS, u = 1 - t;
            px[k] = u * u * x0 + 2 * u * t * x1 + t * t * x2;
            py[k] = u * u * y0 + 2 * u * t * y1 + t * t * y2;
        }
        java.util.Arrays.fill(dist, Double.MAX_VALUE);
        double reach = HALF_WIDTH + 1; // beyond this a pixel stays 0
        for (int k = 0; k < SEGMENTS; k++) {
            int xlo = Math.max(0, (int) Math.floor(Math.min(px[k], px[k + 1]) - reach - 0.5));
            int xhi = Math.min(SIDE - 1, (int) Math.ceil(Math.max(px[k], px[k + 1]) + reach - 0.5));
            int ylo = Math.max(0, (int) Math.floor(Math.min(py[k], py[k + 1]) - reach - 0.5));
            int yhi = Math.min(SIDE - 1, (int) Math.ceil(Math.max(py[k], py[k + 1]) + reach - 0.5));
            for (int y = ylo; y <= yhi; y++) {
                for (int x = xlo; x <= xhi; x++) {
                    double d = segmentDistance(x + 0.5, y + 0.5, px[k], py[k], px[k + 1], py[k + 1]);
                    int p = y * SIDE + x;
                    if (d < dist[p]) {
                        dist[p] = d;
                    }
                }
            }
        }
        for (int p = 0; p < PIXELS; p++) {
            double v = HALF_WIDTH + 1 - dist[p];
            out[off + p] = (float) Math.max(0.0, Math.min(1.0, v));
        }
    }

    /** Distance from point (x, y) to the segment (ax, ay)-(bx, by). */
    static double segmentDistance(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        double ex = x - (ax + t * dx), ey = y - (ay + t * dy);
        return Math.sqrt(ex * ex + ey * ey);
    }
}
