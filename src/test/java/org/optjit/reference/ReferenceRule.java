package org.optjit.reference;

import java.util.Map;

/**
 * An optimizer written by hand, in plain Java, from its published formula: the independent
 * oracle the example rules ({@code examples/*.opt}) are checked against. Nothing here is
 * derived from the rule language.
 *
 * <p>Every implementation follows optjit's float-semantics contract so that results can be
 * compared bit for bit: per-weight arithmetic in float32 in the order written (Java float
 * arithmetic is strict and never fused); every subexpression of only hyperparameters,
 * literals and {@code t} in double, rounded to float once where it meets a per-weight value
 * ({@link F32#f}); {@code x^2} as {@code x*x}.
 */
public interface ReferenceRule {

    /** One step with step number {@code t} (1 on the first step) over every weight. */
    void step(float[] w, float[] g, long t);

    /** The per-weight state arrays (live), by the names the example file uses for them. */
    Map<String, float[]> state();
}
