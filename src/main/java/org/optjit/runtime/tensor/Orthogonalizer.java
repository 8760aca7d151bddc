package org.optjit.runtime.tensor;

/**
 * The tensor operation {@code orth}: writes the orthogonalisation of the {@code rows x cols}
 * row-major matrix at {@code offset} of {@code in} to the same place of {@code out}.
 * Implementations must be deterministic (the same input gives the same bits, whatever
 * {@code threads}) and safe to call from several threads on different tensors.
 */
@FunctionalInterface
public interface Orthogonalizer {

    /**
     * @param threads how many threads of the step may work on this one matrix (the caller, and
     *                others when they are free); the result must not depend on it
     */
    void orthogonalize(float[] in, float[] out, int offset, int rows, int cols, int threads);
}
