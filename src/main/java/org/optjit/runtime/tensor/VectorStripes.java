package org.optjit.runtime.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StripedSum}'s aligned loop on the Vector API: the sixteen stripe sums as double
 * vectors, each lane adding its stripe's values one after another in the order of the scalar
 * loop, so the sums are bit for bit the same. Squares are exact in double (a float's 24-bit
 * significand squared fits in 53 bits), as in the scalar loop.
 *
 * <p>It loads floats with {@code FloatVector.SPECIES_PREFERRED}, the species of the generated
 * kernels, and widens each vector into two double vectors of the same size (parts 0 and 1):
 * on JDK 17, a second float species in the same process (an earlier version loaded 128- or
 * 256-bit vectors beside the kernels' 512-bit ones) left calls in the kernels' loads and
 * stores that C2 no longer turned into vector instructions, and global-norm clipping ran at
 * half speed. With 16 floats per vector (AVX-512) the sums are two vectors of eight doubles,
 * with 8 (AVX2) four of four: stripe {@code s} in lane {@code s mod L} of accumulator
 * {@code s / L}. Squares and plain sums are separate loops, so no vector value merges two
 * paths. Loaded only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorStripes {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /** Whether the preferred species fit: 16 or 8 floats a vector, the double species of the same size. */
    static final boolean USABLE = (F.length() == 16 || F.length() == 8)
            && D.vectorShape() == VectorShape.forBitSize(F.vectorBitSize());

    private VectorStripes() {
    }

    /** Adds {@code x[from, from + n)} (n a multiple of 16) to {@code acc[0..16)}, stripe 0 first. */
    static void add(double[] acc, float[] x, int from, int n, boolean squares) {
        if (F.length() == 16) {
            if (squares) {
                squares16(acc, x, from, n);
            } else {
                plain16(acc, x, from, n);
            }
        } else if (squares) {
            squares8(acc, x, from, n);
        } else {
            plain8(acc, x, from, n);
        }
    }

    private static DoubleVector half(FloatVector v, int part) {
        return (DoubleVector) v.convertShape(VectorOperators.F2D, D, part);
    }

    private static void squares16(double[] acc, float[] x, int from, int n) {
        DoubleVector a0 = DoubleVector.fromArray(D, acc, 0);
        DoubleVector a1 = DoubleVector.fromArray(D, acc, 8);
        for (int i = from, end = from + n; i < end; i += 16) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            DoubleVector v0 = half(v, 0);
            DoubleVector v1 = half(v, 1);
            a0 = a0.add(v0.mul(v0));
            a1 = a1.add(v1.mul(v1));
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, 8);
    }

    private static void plain16(double[] acc, float[] x, int from, int n) {
        DoubleVector a0 = DoubleVector.fromArray(D, acc, 0);
        DoubleVector a1 = DoubleVector.fromArray(D, acc, 8);
        for (int i = from, end = from + n; i < end; i += 16) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            a0 = a0.add(half(v, 0));
            a1 = a1.add(half(v, 1));
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, 8);
    }

    private static void squares8(double[] acc, float[] x, int from, int n) {
        DoubleVector a0 = DoubleVector.fromArray(D, acc, 0);
        DoubleVector a1 = DoubleVector.fromArray(D, acc, 4);
        DoubleVector a2 = DoubleVector.fromArray(D, acc, 8);
        DoubleVector a3 = DoubleVector.fromArray(D, acc, 12);
        for (int i = from, end = from + n; i < end; i += 16) {
            FloatVector u = FloatVector.fromArray(F, x, i);
            FloatVector v = FloatVector.fromArray(F, x, i + 8);
            DoubleVector u0 = half(u, 0);
            DoubleVector u1 = half(u, 1);
            DoubleVector v0 = half(v, 0);
            DoubleVector v1 = half(v, 1);
            a0 = a0.add(u0.mul(u0));
            a1 = a1.add(u1.mul(u1));
            a2 = a2.add(v0.mul(v0));
            a3 = a3.add(v1.mul(v1));
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, 4);
        a2.intoArray(acc, 8);
        a3.intoArray(acc, 12);
    }

    private static void plain8(double[] acc, float[] x, int from, int n) {
        DoubleVector a0 = DoubleVector.fromArray(D, acc, 0);
        DoubleVector a1 = DoubleVector.fromArray(D, acc, 4);
        DoubleVector a2 = DoubleVector.fromArray(D, acc, 8);
        DoubleVector a3 = DoubleVector.fromArray(D, acc, 12);
        for (int i = from, end = from + n; i < end; i += 16) {
            FloatVector u = FloatVector.fromArray(F, x, i);
            FloatVector v = FloatVector.fromArray(F, x, i + 8);
            a0 = a0.add(half(u, 0));
            a1 = a1.add(half(u, 1));
            a2 = a2.add(half(v, 0));
            a3 = a3.add(half(v, 1));
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, 4);
        a2.intoArray(acc, 8);
        a3.intoArray(acc, 12);
    }
}
