package org.optjit.reference.tensor;

/**
 * A transform of the gradient that leaves the weights to a later rule (global-norm clipping,
 * AGC): the reference of a rule that never assigns {@code w}.
 */
interface GradientTransform {

    /** Rewrites {@code g} (a copy the caller owns) in place; {@code w} is read only. */
    void apply(float[] w, float[] g, long t);
}
