package org.optjit.runtime;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Finite}'s vector loop: {@code x - x} is +0 for a finite value and NaN for NaN or an
 * infinity, and NaN survives additions, so one running sum of {@code x - x} per lane says
 * whether all values are finite. It uses the generated kernels' species (a second float
 * species in one JVM slowed the kernels on JDK 17). Loaded only when the module is present.
 */
final class FiniteVectors {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private FiniteVectors() {
    }

    static boolean allFinite(float[] x) {
        FloatVector acc = FloatVector.zero(F);
        int bound = F.loopBound(x.length);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            acc = acc.add(v.sub(v));
        }
        float rest = 0f;
        for (int i = bound; i < x.length; i++) {
            rest += x[i] - x[i];
        }
        return acc.reduceLanes(VectorOperators.ADD) + rest == 0f;
    }
}
