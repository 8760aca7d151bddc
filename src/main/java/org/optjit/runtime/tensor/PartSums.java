package org.optjit.runtime.tensor;

import org.optjit.sema.Reduction;

/**
 * What one part of a {@link SharedTensor} accumulates in one level, by reduction: the terms of
 * a sum (its blocks' values, in order) or the extreme of a {@code max} or {@code min}.
 */
final class PartSums {

    /** Per reduction, the values of the part's blocks in order; null when the part added none. */
    final double[][] blocks;
    /** Per reduction, the part's {@code max} or {@code min}, when {@link #folded}. */
    final double[] extreme;
    final boolean[] folded;

    PartSums(int reductions) {
        blocks = new double[reductions][];
        extreme = new double[reductions];
        folded = new boolean[reductions];
    }

    void start(int r, Reduction kind) {
        blocks[r] = null;
        extreme[r] = CoarseValues.start(kind);
        folded[r] = false;
    }
}
