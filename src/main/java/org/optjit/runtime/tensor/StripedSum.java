package org.optjit.runtime.tensor;

/**
 * A sum of float values in double in the order docs/language.md defines for reductions, so
 * that it is the same on every backend and for any number of threads: the values are cut into
 * blocks of {@link #BLOCK} from the first; within a block, value {@code j} is added to
 * accumulator {@code j mod 16} (sixteen independent sums, which a vector unit can keep in
 * registers); a block's value is its accumulators added left to right; the sum is
 * {@code 0.0 + B0 + B1 + ...}. With {@code squares}, each term is {@code (double) x * x}.
 * Values may come in several calls; their positions continue.
 */
public final class StripedSum {

    public static final int BLOCK = 1 << 16;
    public static final int STRIPES = 16;

    private final double[] acc = new double[STRIPES];
    private double total;
    private int pos;
    private boolean squares;

    /** Starts a new sum. */
    public void reset(boolean squares) {
        java.util.Arrays.fill(acc, 0.0);
        total = 0.0;
        pos = 0;
        this.squares = squares;
    }

    /** Adds {@code x[0..n)}. */
    public void add(float[] x, int n) {
        int k = 0;
        while (k < n) {
            if (pos == BLOCK) {
                total += block();
                java.util.Arrays.fill(acc, 0.0);
                pos = 0;
            }
            int m = Math.min(n - k, BLOCK - pos);
            if (squares) {
                for (int e = 0; e < m; e++) {
                    double v = x[k + e];
                    acc[(pos + e) & (STRIPES - 1)] += v * v;
                }
            } else {
                for (int e = 0; e < m; e++) {
                    acc[(pos + e) & (STRIPES - 1)] += x[k + e];
                }
            }
            pos += m;
            k += m;
        }
    }

    /** The sum of everything added since {@link #reset}. */
    public double finish() {
        return pos == 0 ? total : total + block();
    }

    private double block() {
        double b = acc[0];
        for (int s = 1; s < STRIPES; s++) {
            b += acc[s];
        }
        return b;
    }
}
