package org.optjit.runtime;

/**
 * A {@link LoopKernel} that keeps no values between passes (every element-wise rule's loop,
 * every hand-written baseline, the bandwidth loops), so where its kept arrays start means
 * nothing to it: it implements the six-argument {@code run}, and {@code origin} is ignored.
 */
@FunctionalInterface
public interface ElementWiseKernel extends LoopKernel {

    @Override
    void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to);

    @Override
    default void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to, int origin) {
        run(w, g, state, uniforms, from, to);
    }
}
