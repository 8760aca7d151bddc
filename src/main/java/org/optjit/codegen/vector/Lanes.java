package org.optjit.codegen.vector;

import jdk.incubator.vector.FloatVector;

/**
 * Lane-by-lane operations the Vector API has no lanewise operator for, called from generated
 * vector loops. Exact, and slow: for operations rules seldom apply per weight.
 */
public final class Lanes {

    private Lanes() {
    }

    /** {@code a % b} in every lane: Java's float remainder, with the sign of {@code a}. */
    public static FloatVector remainder(FloatVector a, FloatVector b) {
        float[] x = a.toArray();
        float[] y = b.toArray();
        for (int k = 0; k < x.length; k++) {
            x[k] = x[k] % y[k];
        }
        return FloatVector.fromArray(a.species(), x, 0);
    }
}
