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
}
