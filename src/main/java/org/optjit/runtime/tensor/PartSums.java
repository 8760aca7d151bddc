package org.optjit.runtime.tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.optjit.sema.Reduction;

/**
 * What one part of a {@link SharedTensor} accumulates in one level, by reduction: the terms of
 * a sum (its blocks' values, in order), the extreme of a {@code max} or {@code min}, or the
 * blocks of its columns' sums ({@link ColumnBlocks}, in order).
 */
final class PartSums {

    /** Per reduction, the values of the part's blocks in order; null when the part added none. */
    final double[][] blocks;
    /** Per reduction, the part's {@code max} or {@code min}, when {@link #folded}. */
    final double[] extreme;
    final boolean[] folded;
    /** Per reduction down columns, the part's column blocks in order; null when it added none. */
    final List<List<double[]>> columnBlocks;

    PartSums(int reductions) {
        blocks = new double[reductions][];
        extreme = new double[reductions];
        folded = new boolean[reductions];
        columnBlocks = new ArrayList<>(Collections.nCopies(reductions, null));
    }

    void start(int r, Reduction kind) {
        blocks[r] = null;
        extreme[r] = CoarseValues.start(kind);
        folded[r] = false;
        columnBlocks.set(r, null);
    }

    void addColumnBlock(int r, double[] block) {
        if (columnBlocks.get(r) == null) {
            columnBlocks.set(r, new ArrayList<>());
        }
        columnBlocks.get(r).add(block);
    }
}
