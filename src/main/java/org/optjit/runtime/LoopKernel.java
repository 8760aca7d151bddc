package org.optjit.runtime;

/**
 * The per-weight loop of one rule: what every backend provides and what generated classes
 * implement. It evaluates the body of an {@link org.optjit.ir.Program} for the weights
 * {@code [from, to)}.
 *
 * <p>Implementations keep no mutable state: one instance may run on several threads at
 * once over disjoint ranges.
 *
 * <p>The method to implement is the one with {@code origin}, so that a kernel, or a wrapper
 * around one (a test's call counter), cannot forget where its kept arrays start: a wrapper
 * that implemented only the six-argument {@code run} used to index the kept values of the
 * kernel inside from the wrong weight. Kernels that keep nothing implement
 * {@link ElementWiseKernel} instead.
 */
@FunctionalInterface
public interface LoopKernel {

    /**
     * Evaluates the body for the weights {@code [from, to)}, with the arrays of kept values
     * ({@link org.optjit.ir.Op#LOAD_K}) indexed from {@code origin}: a pass over a tensor cut
     * into several calls reads and writes one kept array for the whole tensor, and a pass
     * without sums runs over it in one call.
     *
     * @param w        the weights, updated in place
     * @param g        the gradients, read only
     * @param state    the state arrays, by slot, updated in place; each as long as {@code w}
     * @param uniforms this step's prelude exports, rounded to float
     * @param from     first weight index, inclusive
     * @param to       last weight index, exclusive
     * @param origin   the weight index that element 0 of every kept array stands for; at most {@code from}
     */
    void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to, int origin);

    /** {@link #run(float[], float[], float[][], float[], int, int, int)} with kept arrays indexed from {@code from}. */
    default void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to) {
        run(w, g, state, uniforms, from, to, from);
    }
}
