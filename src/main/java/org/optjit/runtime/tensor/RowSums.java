package org.optjit.runtime.tensor;

import java.util.Arrays;

/**
 * The sums of whole rows, each into its own value: {@code docs/language.md} adds a row as it
 * adds a tensor, on its own ({@link StripedSum}: sixteen stripes, blocks of 65,536, a block's
 * stripes left to right, from +0.0). A pass that sums rows of an array where it lies (AGC's
 * {@code norm[row](w)}) hands over all its rows at once rather than a call per row: a row of
 * 512 is 32 steps of a chain of dependent additions and then sixteen more, so two rows go side
 * by side ({@link VectorStripes#addTwo}), from the two halves of the matrix: twice the
 * additions in flight and two streams from memory, with the same bits as one row after another.
 */
final class RowSums {

    private final double[] first = new double[StripedSum.STRIPES];
    private final double[] second = new double[StripedSum.STRIPES];
    private final StripedSum one = new StripedSum();

    /**
     * Sums rows {@code [0, rows)} of {@code cols} values from {@code x[from]}: row {@code r}'s
     * sum (of squares with {@code squares}) into {@code acc[at + r]}.
     */
    void add(boolean squares, double[] acc, int at, float[] x, int from, int rows, int cols) {
        boolean pairs = StripedSum.VECTOR && cols % StripedSum.STRIPES == 0 && cols <= StripedSum.BLOCK;
        // row r beside row r + half: two places in memory at once, as two arrays would be
        int half = pairs ? rows / 2 : 0;
        for (int r = 0; r < half; r++) {
            Arrays.fill(first, 0.0);
            Arrays.fill(second, 0.0);
            VectorStripes.addTwo(first, second, x, from + r * cols, from + (r + half) * cols, cols, squares);
            acc[at + r] = 0.0 + StripedSum.blockValue(first);
            acc[at + r + half] = 0.0 + StripedSum.blockValue(second);
        }
        for (int r = 2 * half; r < rows; r++) {
            one.reset(squares);
            one.add(x, from + r * cols, cols);
            acc[at + r] = one.finish();
        }
    }
}
