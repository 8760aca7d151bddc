package org.optjit.reference.tensor;

import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Reductions in the order the tensor language defines (docs/language.md, "Precision and
 * order"), written from that definition alone so that a reference can be compared bit for
 * bit with any backend and thread count:
 * <ul>
 *   <li>a run of float values (a tensor in row-major order, or one row) is cut into blocks of
 *       {@value #BLOCK} values; in a block, value j goes to double accumulator j mod
 *       {@value #LANES}; the block is {@code ((a0 + a1) + a2) + ... + a15}; the run is
 *       {@code 0.0 + B0 + B1 + ...};</li>
 *   <li>squares are {@code (double) x * (double) x}, added in the same order;</li>
 *   <li>a column is cut into blocks of {@value #COLUMN_BLOCK} rows; a block is added
 *       sequentially, in row order, from +0.0; the column is {@code 0.0 + B0 + B1 + ...};</li>
 *   <li>coarse values (one per row, one per tensor, ...) are added sequentially in index order
 *       from +0.0.</li>
 * </ul>
 */
final class Reductions {

    static final int BLOCK = 65_536;
    static final int LANES = 16;
    static final int COLUMN_BLOCK = 64;

    private Reductions() {
    }

    /** The sum of {@code x[from, to)}. */
    static double sum(float[] x, int from, int to) {
        return run(x, from, to, false);
    }

    /** The sum of the squares of {@code x[from, to)}. */
    static double sumOfSquares(float[] x, int from, int to) {
        return run(x, from, to, true);
    }

    private static double run(float[] x, int from, int to, boolean squares) {
        double total = 0.0;
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            double[] a = new double[LANES];
            for (int j = start; j < end; j++) {
                double v = x[j];
                a[(j - start) % LANES] += squares ? v * v : v;
            }
            double block = a[0];
            for (int k = 1; k < LANES; k++) {
                block += a[k];
            }
            total += block;
        }
        return total;
    }

    /** The sum over tensor {@code t} of the values {@code x} holds for it (flat layout). */
    static double sum(float[] x, Tensor t) {
        return sum(x, t.offset(), t.end());
    }

    /** The L2 norm over tensor {@code t}. */
    static double norm(float[] x, Tensor t) {
        return Math.sqrt(sumOfSquares(x, t.offset(), t.end()));
    }

    /** The mean over tensor {@code t}. */
    static double mean(float[] x, Tensor t) {
        return sum(x, t) / t.size();
    }

    /** The RMS over tensor {@code t}: {@code sqrt(mean(x^2))}. */
    static double rms(float[] x, Tensor t) {
        return Math.sqrt(sumOfSquares(x, t.offset(), t.end()) / t.size());
    }

    /** The sum along row {@code r} of tensor {@code t}. */
    static double rowSum(float[] x, Tensor t, int r) {
        int from = t.offset() + r * t.cols();
        return sum(x, from, from + t.cols());
    }

    /** The L2 norm along row {@code r} of tensor {@code t}. */
    static double rowNorm(float[] x, Tensor t, int r) {
        int from = t.offset() + r * t.cols();
        return Math.sqrt(sumOfSquares(x, from, from + t.cols()));
    }

    /** The sum down column {@code c} of tensor {@code t}: blocks of rows, each in row order. */
    static double colSum(float[] x, Tensor t, int c) {
        double total = 0.0;
        for (int first = 0; first < t.rows(); first += COLUMN_BLOCK) {
            double block = 0.0;
            for (int r = first; r < Math.min(t.rows(), first + COLUMN_BLOCK); r++) {
                block += x[t.offset() + r * t.cols() + c];
            }
            total += block;
        }
        return total;
    }

    /** The sum over every tensor of {@code layout}: the tensors' sums added in layout order from +0.0. */
    static double sumAll(Layout layout, float[] x) {
        double total = 0.0;
        for (Tensor t : layout.tensors()) {
            total += sum(x, t);
        }
        return total;
    }

    /** The L2 norm over every tensor of {@code layout}: the tensors' sums of squares added in layout order. */
    static double normAll(Layout layout, float[] x) {
        double total = 0.0;
        for (Tensor t : layout.tensors()) {
            total += sumOfSquares(x, t.offset(), t.end());
        }
        return Math.sqrt(total);
    }

    /** The sum of coarse values {@code v[from, to)}: sequential from +0.0. */
    static double sumCoarse(double[] v, int from, int to) {
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s;
    }
}
