package org.optjit.tensor;

/**
 * A sum in the order docs/language.md defines for a tensor or a row, written from the
 * definition, one value at a time: blocks of 65,536 from the first; within a block value
 * {@code j} into accumulator {@code j mod 16}, sixteen doubles from +0.0; a block's value its
 * accumulators left to right; the sum {@code 0.0 + B0 + B1 + ...}. The tests' reference for
 * every faster way the runtime adds the same values.
 */
public final class DefinedOrder {

    private DefinedOrder() {
    }

    /** {@code x[from, from + n)}, squared first with {@code squares}. */
    public static double sum(float[] x, int from, int n, boolean squares) {
        double total = 0.0;
        for (int block = 0; block < n; block += 65_536) {
            double[] acc = new double[16];
            for (int j = 0; j < Math.min(65_536, n - block); j++) {
                double v = x[from + block + j];
                acc[j % 16] += squares ? v * v : v;
            }
            double b = acc[0];
            for (int k = 1; k < 16; k++) {
                b += acc[k];
            }
            total += b;
        }
        return total;
    }
}
