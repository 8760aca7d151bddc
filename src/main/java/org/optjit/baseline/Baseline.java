package org.optjit.baseline;

import java.util.List;
import java.util.Map;
import org.optjit.runtime.ElementWiseKernel;
import org.optjit.runtime.LoopKernel;

/**
 * A hand-written update rule: what a careful person writes without optjit. Baselines are
 * the yardstick in the benchmarks and a second oracle in the tests, where each must equal
 * the example rule of the same name ({@code examples/<rule>.opt}) compiled by every
 * backend, bit for bit.
 *
 * <p>They follow the project's float contract: per-weight arithmetic in float32, in the
 * order the formula is written, without fused multiply-add; values that depend only on
 * hyperparameters and {@code t} are computed once per step in double and rounded to
 * float once ({@link #uniforms(long)}). A step is therefore
 * {@code run(w, g, state, uniforms(t), from, to)}, the same {@link LoopKernel} contract
 * generated code implements, so the same {@link org.optjit.runtime.StepRunner} splits
 * both across threads.
 */
public interface Baseline extends ElementWiseKernel {

    /** The example rule this implements: its file name in {@code examples/} without {@code .opt}. */
    String rule();

    /**
     * Hyperparameter values under the example's names, to bind the compiled rule alike: by
     * default the components of the record that implements this interface.
     */
    default Map<String, Double> hyperparameters() {
        if (this instanceof Record) {
            return Hyperparameters.of((Record) this);
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " must list its hyperparameters");
    }

    /** The state arrays {@link #run} takes, by the example's names, in the order it takes them. */
    List<String> stateNames();

    /** Fills {@code state} (one array per {@link #stateNames()}, each as long as {@code w}) with its initial value. */
    void initState(float[] w, float[][] state);

    /** This step's scalars: computed from the hyperparameters and {@code t} in double, rounded to float once. */
    float[] uniforms(long t);

    /** One whole step at step number {@code t} (1 on the first step). */
    default void step(float[] w, float[] g, float[][] state, long t) {
        run(w, g, state, uniforms(t), 0, w.length);
    }

    /** A new state for {@code w}: one initialised array per state name. */
    default float[][] newState(float[] w) {
        float[][] state = new float[stateNames().size()][w.length];
        initState(w, state);
        return state;
    }
}
