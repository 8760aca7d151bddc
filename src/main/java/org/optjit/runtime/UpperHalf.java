package org.optjit.runtime;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lane order that brings the upper half of a float vector down to lanes 0 onwards, so
 * that it widens to double as a lower half does ({@code convertShape(F2D, D, 0)}).
 *
 * <p>Why not {@code convertShape(F2D, D, 1)}: on JDK 17 it made a vector pass with two sums
 * of squares in double (LAMB's first pass) about a quarter slower than the same pass
 * without them, and {@code slice(n)} was as slow; a {@code rearrange} by this constant
 * shuffle, one lane permutation, costs next to nothing there (benchmarks/RESULTS.md). It is
 * a static final field so that the JIT sees a constant. Generated striped kernels
 * ({@code codegen.vector.StripedLoopEmitter}) and the runtime's striped sums use it; loaded
 * only when the {@code jdk.incubator.vector} module is present.
 */
public final class UpperHalf {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** Lane {@code i} takes lane {@code (i + half) mod length}. */
    public static final VectorShuffle<Float> SHUFFLE =
            VectorShuffle.fromOp(F, i -> (i + F.length() / 2) % F.length());

    private UpperHalf() {
    }
}
