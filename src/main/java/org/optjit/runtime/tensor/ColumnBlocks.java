package org.optjit.runtime.tensor;

import java.util.Arrays;
import org.optjit.sema.Reduction;

/**
 * Sums down the columns of a tensor's per-weight values in {@code docs/language.md}'s order: a
 * column is cut into blocks of {@link #BLOCK_ROWS} rows from the tensor's first row, each block
 * added in row order from the reduction's start value ({@link ColumnSums}, a row at a time),
 * and the blocks folded into the column's value one after another. A whole tensor folds each
 * block as it ends. A part of a shared tensor ({@link SharedTensor}: whole blocks) keeps its
 * blocks, and they are folded after those of the parts before it, so the sums are the same
 * whichever threads added which rows. (Rows in order without blocks would have kept such a
 * pass on one thread, as it did before.)
 */
final class ColumnBlocks {

    /** Rows per block of a column's sum. A tensor with at most this many rows sums each column in one block. */
    static final int BLOCK_ROWS = 64;

    /** The open block of each scratch slot of the pass in progress, as long as the widest row seen. */
    private double[][] open = new double[0][];

    /**
     * Adds {@code rows} rows of {@code cols} values at {@code x[from]} (tensor rows
     * {@code [row, row + rows)} of {@code tensorRows}) into slot {@code slot}'s column sums of
     * reduction {@code r}: folded into {@code acc} from {@code colBase} as blocks end, or, for a
     * part, kept in {@code part}.
     */
    void add(int slot, Reduction kind, float[] x, int from, int row, int rows, int cols, int tensorRows,
             double[] acc, int colBase, PartSums part, int r) {
        double[] block = block(slot, cols);
        for (int k = 0; k < rows; k++) {
            int tensorRow = row + k;
            if (tensorRow % BLOCK_ROWS == 0) {
                Arrays.fill(block, 0, cols, CoarseValues.start(kind));
            }
            ColumnSums.add(kind, block, 0, x, from + k * cols, cols);
            if (tensorRow % BLOCK_ROWS == BLOCK_ROWS - 1 || tensorRow == tensorRows - 1) {
                if (part == null) {
                    fold(kind, acc, colBase, block, cols);
                } else {
                    part.addColumnBlock(r, Arrays.copyOf(block, cols));
                }
            }
        }
    }

    /** Folds a block's {@code cols} values into the columns' values at {@code acc[at]}. */
    static void fold(Reduction kind, double[] acc, int at, double[] block, int cols) {
        for (int c = 0; c < cols; c++) {
            acc[at + c] = CoarseValues.combine(kind, acc[at + c], block[c]);
        }
    }

    private double[] block(int slot, int cols) {
        if (open.length <= slot) {
            open = Arrays.copyOf(open, slot + 1);
        }
        if (open[slot] == null || open[slot].length < cols) {
            open[slot] = new double[cols];
        }
        return open[slot];
    }
}
