package org.optjit.runtime;

/**
 * The per-weight loop of one rule: what every backend provides and what generated classes
 * implement. It evaluates the body of an {@link org.optjit.ir.Program} for the weights
 * {@code [from, to)}.
 *
 * <p>Implementations keep no mutable state: one instance may run on several threads at
 * once over disjoint ranges.
 */
public interface LoopKernel {

    /**
     * @param w        the weights, updated in place
     * @param g        the gradients, read only
     * @param state    the state arrays, by slot, updated in place; each as long as {@code w}
     * @param uniforms this step's prelude exports, rounded to float
     * @param from     first weight index, inclusive
     * @param to       last weight index, exclusive
     */
    void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to);

    /**
     * Does what {@link #run(float[], float[], float[][], float[], int, int)} does, with the
     * arrays of kept values ({@link org.optjit.ir.Op#LOAD_K}) indexed from {@code origin}
     * instead of {@code from}: a pass over a tensor cut into several calls reads and writes one
     * kept array for the whole tensor, and a pass without sums runs over it in one call.
     * The six-argument {@code run} is this with {@code origin == from}.
     *
     * <p>This default is for kernels that keep nothing (every element-wise kernel, every
     * hand-written one), which have no use for {@code origin}; the compiled kernels of passes
     * over tensors override it.
     *
     * @param origin the weight index that element 0 of every kept array stands for; at most {@code from}
     */
    default void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to, int origin) {
        run(w, g, state, uniforms, from, to);
    }
}
