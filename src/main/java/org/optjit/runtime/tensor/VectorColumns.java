package org.optjit.runtime.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColumnSums}'s loop on the Vector API: one row's values added into the running sums
 * of its columns, a vector of columns at a time. Each lane is one column and gets one addition
 * per row, the scalar loop's, so the sums are bit for bit the same; squares are exact in
 * double. Floats are loaded with the kernels' species and widened in two halves, as in
 * {@link VectorStripes} (whose comment says why no other species). Loaded only when the
 * {@code jdk.incubator.vector} module is present.
 */
final class VectorColumns {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private VectorColumns() {
    }

    /**
     * Adds {@code x[from + c]} (squared when {@code squares}) to {@code acc[at + c]} for the
     * leading columns that fill whole vectors; returns how many that is (the caller adds the rest).
     */
    static int add(double[] acc, int at, float[] x, int from, int n, boolean squares) {
        int whole = n - n % F.length();
        if (squares) {
            squares(acc, at, x, from, whole);
        } else {
            plain(acc, at, x, from, whole);
        }
        return whole;
    }

    private static void squares(double[] acc, int at, float[] x, int from, int n) {
        int half = D.length();
        for (int c = 0; c < n; c += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, from + c);
            DoubleVector v0 = VectorStripes.half(v, 0);
            DoubleVector v1 = VectorStripes.half(v, 1);
            DoubleVector.fromArray(D, acc, at + c).add(v0.mul(v0)).intoArray(acc, at + c);
            DoubleVector.fromArray(D, acc, at + c + half).add(v1.mul(v1)).intoArray(acc, at + c + half);
        }
    }

    private static void plain(double[] acc, int at, float[] x, int from, int n) {
        int half = D.length();
        for (int c = 0; c < n; c += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, from + c);
            DoubleVector.fromArray(D, acc, at + c).add(VectorStripes.half(v, 0)).intoArray(acc, at + c);
            DoubleVector.fromArray(D, acc, at + c + half).add(VectorStripes.half(v, 1)).intoArray(acc, at + c + half);
        }
    }
}
