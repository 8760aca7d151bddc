package org.optjit.baseline;

import java.util.List;
import java.util.Map;

/**
 * A hand-written update rule that needs the parameters' structure: reductions over a tensor
 * or over all of them. The weights are one flat array holding tensors one after another;
 * tensor {@code k} is {@code [offsets[k], offsets[k] + sizes[k])}.
 *
 * <p>The float contract is that of {@link Baseline} (per-weight float32 in the order the
 * formula is written, per-step scalars in double rounded once); reductions accumulate in
 * double, and per-tensor scalars derived from them are computed in double and rounded to
 * float once. Each tensor is reduced on one thread, and results are combined in tensor
 * order, so a step gives the same bits on any number of threads. The order inside a tensor
 * is the implementation's own (the vector versions add vector lanes first), so a scalar and
 * a vector version agree closely but not bit for bit.
 */
public interface TensorBaseline {

    /** The example rule this implements: its file name in {@code examples/} without {@code .opt}. */
    String rule();

    /** Hyperparameter values under the example's names. */
    Map<String, Double> hyperparameters();

    /** The per-weight state arrays, by the example's names; each starts at 0. */
    List<String> stateNames();

    /**
     * One whole step at step number {@code t} (1 on the first step), tensor by tensor on up
     * to {@code threads} threads.
     */
    void step(float[] w, float[] g, float[][] state, long t, int[] offsets, int[] sizes, int threads);

    /** A new state for {@code w}: one zeroed array per state name. */
    default float[][] newState(float[] w) {
        return new float[stateNames().size()][w.length];
    }

    /** Checks that the tensors lie inside {@code w}, one array of offsets and one of sizes. */
    static void checkTensors(float[] w, int[] offsets, int[] sizes) {
        if (offsets.length != sizes.length) {
            throw new IllegalArgumentException(offsets.length + " offsets but " + sizes.length + " sizes");
        }
        for (int k = 0; k < offsets.length; k++) {
            java.util.Objects.checkFromIndexSize(offsets[k], sizes[k], w.length);
        }
    }
}
