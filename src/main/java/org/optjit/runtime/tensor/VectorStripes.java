package org.optjit.runtime.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StripedSum}'s aligned loop on the Vector API: the sixteen stripe sums as four
 * vectors of four doubles (stripe {@code 4k + j} in lane {@code j} of vector {@code k}), each
 * lane adding its stripe's values one after another, so the sums are bit for bit those of the
 * scalar loop. Loaded only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorStripes {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_128;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;

    private VectorStripes() {
    }

    /** Adds {@code x[from, from + n)} (n a multiple of 16) to {@code acc[0..16)}, stripe 0 first. */
    static void add(double[] acc, float[] x, int from, int n, boolean squares) {
        DoubleVector a0 = DoubleVector.fromArray(DOUBLES, acc, 0);
        DoubleVector a1 = DoubleVector.fromArray(DOUBLES, acc, 4);
        DoubleVector a2 = DoubleVector.fromArray(DOUBLES, acc, 8);
        DoubleVector a3 = DoubleVector.fromArray(DOUBLES, acc, 12);
        int end = from + n;
        for (int i = from; i < end; i += 16) {
            DoubleVector v0 = widen(x, i);
            DoubleVector v1 = widen(x, i + 4);
            DoubleVector v2 = widen(x, i + 8);
            DoubleVector v3 = widen(x, i + 12);
            if (squares) {
                v0 = v0.mul(v0);
                v1 = v1.mul(v1);
                v2 = v2.mul(v2);
                v3 = v3.mul(v3);
            }
            a0 = a0.add(v0);
            a1 = a1.add(v1);
            a2 = a2.add(v2);
            a3 = a3.add(v3);
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, 4);
        a2.intoArray(acc, 8);
        a3.intoArray(acc, 12);
    }

    private static DoubleVector widen(float[] x, int i) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, x, i).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }
}
