package org.optjit.runtime.tensor;

import org.optjit.sema.Reduction;

/**
 * One row's values folded into the running per-column values of a {@code [col]} reduction:
 * {@code docs/language.md} adds a column's values in row order, one after another, within a
 * block of rows ({@link ColumnBlocks} keeps the blocks), so a row
 * adds one value to each column. That is the same for every column, so whole vectors of
 * columns go at once ({@link VectorColumns}) where the Vector API is there, with the same bits;
 * {@code max} and {@code min} (whose {@code Math.max} keeps NaN and orders zeros) and the
 * columns after the last whole vector take the scalar loop.
 */
final class ColumnSums {

    private ColumnSums() {
    }

    /**
     * Folds {@code x[from + c]} into {@code acc[at + c]} for {@code c} in {@code [0, n)}: added
     * (squared for {@code norm} and {@code rms}), or the larger or smaller kept.
     */
    static void add(Reduction kind, double[] acc, int at, float[] x, int from, int n) {
        int done = 0;
        if (StripedSum.VECTOR && kind != Reduction.MAX && kind != Reduction.MIN) {
            done = VectorColumns.add(acc, at, x, from, n, kind.squares());
        }
        for (int c = done; c < n; c++) {
            double v = x[from + c];
            acc[at + c] = CoarseValues.combine(kind, acc[at + c], kind.squares() ? v * v : v);
        }
    }
}
