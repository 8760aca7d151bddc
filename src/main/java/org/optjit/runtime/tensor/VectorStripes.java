package org.optjit.runtime.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.optjit.runtime.UpperHalf;

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

    /**
     * Two whole blocks at once: {@code x[a, a + n)} into {@code accA} and {@code x[b, b + n)}
     * into {@code accB} (each its own block's sixteen sums, from stripe 0). The same sums as two
     * calls of {@link #add}; reading two places at once keeps more loads from memory in flight
     * than one stream does, which is what a pass that only reduces an array is limited by.
     */
    static void addTwo(double[] accA, double[] accB, float[] x, int a, int b, int n, boolean squares) {
        if (F.length() != 16) {
            add(accA, x, a, n, squares);
            add(accB, x, b, n, squares);
        } else if (squares) {
            squares16x2(accA, accB, x, a, b, n);
        } else {
            add(accA, x, a, n, false);
            add(accB, x, b, n, false);
        }
    }

    /**
     * Four whole blocks at once, each into its own sixteen sums ({@code acc[4][16]}, from
     * stripe 0), starting at {@code a}, {@code a + n}, {@code a + 2n}, {@code a + 3n}: four
     * streams from memory keep more loads in flight than two. Squares only, as for
     * {@link #addTwo} (global-norm clipping is the pass that only reduces); false otherwise,
     * or when this JVM's vectors are not 16 floats (the caller then adds two at a time).
     */
    static boolean addFour(double[][] acc, float[] x, int a, int n, boolean squares) {
        if (F.length() != 16 || !squares) {
            return false;
        }
        DoubleVector p0 = DoubleVector.fromArray(D, acc[0], 0);
        DoubleVector p1 = DoubleVector.fromArray(D, acc[0], 8);
        DoubleVector q0 = DoubleVector.fromArray(D, acc[1], 0);
        DoubleVector q1 = DoubleVector.fromArray(D, acc[1], 8);
        DoubleVector r0 = DoubleVector.fromArray(D, acc[2], 0);
        DoubleVector r1 = DoubleVector.fromArray(D, acc[2], 8);
        DoubleVector s0 = DoubleVector.fromArray(D, acc[3], 0);
        DoubleVector s1 = DoubleVector.fromArray(D, acc[3], 8);
        for (int k = 0; k < n; k += 16) {
            FloatVector u = FloatVector.fromArray(F, x, a + k);
            FloatVector v = FloatVector.fromArray(F, x, a + n + k);
            FloatVector y = FloatVector.fromArray(F, x, a + 2 * n + k);
            FloatVector z = FloatVector.fromArray(F, x, a + 3 * n + k);
            DoubleVector u0 = half(u, 0);
            DoubleVector u1 = half(u, 1);
            DoubleVector v0 = half(v, 0);
            DoubleVector v1 = half(v, 1);
            DoubleVector y0 = half(y, 0);
            DoubleVector y1 = half(y, 1);
            DoubleVector z0 = half(z, 0);
            DoubleVector z1 = half(z, 1);
            p0 = p0.add(u0.mul(u0));
            p1 = p1.add(u1.mul(u1));
            q0 = q0.add(v0.mul(v0));
            q1 = q1.add(v1.mul(v1));
            r0 = r0.add(y0.mul(y0));
            r1 = r1.add(y1.mul(y1));
            s0 = s0.add(z0.mul(z0));
            s1 = s1.add(z1.mul(z1));
        }
        p0.intoArray(acc[0], 0);
        p1.intoArray(acc[0], 8);
        q0.intoArray(acc[1], 0);
        q1.intoArray(acc[1], 8);
        r0.intoArray(acc[2], 0);
        r1.intoArray(acc[2], 8);
        s0.intoArray(acc[3], 0);
        s1.intoArray(acc[3], 8);
        return true;
    }

    private static void squares16x2(double[] accA, double[] accB, float[] x, int a, int b, int n) {
        DoubleVector a0 = DoubleVector.fromArray(D, accA, 0);
        DoubleVector a1 = DoubleVector.fromArray(D, accA, 8);
        DoubleVector b0 = DoubleVector.fromArray(D, accB, 0);
        DoubleVector b1 = DoubleVector.fromArray(D, accB, 8);
        for (int k = 0; k < n; k += 16) {
            FloatVector u = FloatVector.fromArray(F, x, a + k);
            FloatVector v = FloatVector.fromArray(F, x, b + k);
            DoubleVector u0 = half(u, 0);
            DoubleVector u1 = half(u, 1);
            DoubleVector v0 = half(v, 0);
            DoubleVector v1 = half(v, 1);
            a0 = a0.add(u0.mul(u0));
            a1 = a1.add(u1.mul(u1));
            b0 = b0.add(v0.mul(v0));
            b1 = b1.add(v1.mul(v1));
        }
        a0.intoArray(accA, 0);
        a1.intoArray(accA, 8);
        b0.intoArray(accB, 0);
        b1.intoArray(accB, 8);
    }

    /** Lanes {@code part * D.length()} onwards of {@code v}, widened (see {@link UpperHalf}). */
    static DoubleVector half(FloatVector v, int part) {
        FloatVector low = part == 0 ? v : v.rearrange(UpperHalf.SHUFFLE);
        return (DoubleVector) low.convertShape(VectorOperators.F2D, D, 0);
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
