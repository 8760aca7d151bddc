package org.optjit.runtime.tensor;

/**
 * The tensor operation {@code orth}: writes the orthogonalisation of the {@code rows x cols}
 * row-major matrix at {@code offset} of {@code in} to the same place of {@code out}.
 * Implementations must be deterministic (the same input gives the same bits) and safe to call
 * from several threads on different tensors.
 */
@FunctionalInterface
public interface Orthogonalizer {

    void orthogonalize(float[] in, float[] out, int offset, int rows, int cols);
}
