package org.optjit.runtime;

/**
 * Finds a value that is NaN or infinite. The trainer checks every weight after every step
 * (divergence detection); a scalar loop with an early exit is not vectorised by the JIT and
 * cost about 4% of an MLP epoch, so where the Vector API module is present the common case,
 * every value finite, is answered by {@link FiniteVectors} at vector speed, and only an array
 * that holds a bad value is scanned one value at a time for its index.
 */
public final class Finite {

    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Finite() {
    }

    /** The index of the first value of {@code x} that is NaN or infinite, or -1 when every value is finite. */
    public static int firstNonFinite(float[] x) {
        if (VECTOR && FiniteVectors.allFinite(x)) {
            return -1;
        }
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }
}
