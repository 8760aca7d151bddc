package org.optjit.reference.tensor;

import java.util.Map;

/**
 * An optimizer over a {@link org.optjit.Layout} written by hand from its published formula:
 * the independent oracle the tensor examples are checked against. Nothing here is derived
 * from the rule language or from optjit's compiler.
 *
 * <p>The arithmetic follows the tensor language's precision contract so that results can be
 * compared bit for bit: per-weight values in float32 in the order written; values coarser
 * than one weight (hyperparameters, t, reductions, per-tensor/row/column/optimizer values) in
 * double, rounded to float once where they meet a per-weight value; reductions in the defined
 * order ({@link Reductions}); a coarse state rounded to float when stored, the step that
 * assigns it going on with its double value.
 */
public interface TensorReference {

    /** One step with step number {@code t} (1 on the first) over every tensor. */
    void step(float[] w, float[] g, long t);

    /**
     * The state arrays (live), by the names the example file uses: per weight (layout size),
     * per tensor, per row (all tensors' rows in layout order), per column, or per group (one
     * value for each group, for values over all tensors).
     */
    Map<String, float[]> state();

    /** The evaluation weights after the last step; {@code w} itself unless the rule says otherwise. */
    default void evalWeights(float[] w, float[] out) {
        System.arraycopy(w, 0, out, 0, w.length);
    }
}
