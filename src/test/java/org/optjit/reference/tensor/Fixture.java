package org.optjit.reference.tensor;

import java.util.Map;
import java.util.SplittableRandom;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/** Small seeded inputs for the tests of the references themselves. */
final class Fixture {

    private Fixture() {
    }

    /** Gaussian values times {@code scale}. */
    static float[] gaussian(long seed, int n, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (scale * Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
        }
        return x;
    }

    static TensorHypers hypers(Map<String, Double> given) {
        return new TensorHypers(given, Map.of());
    }

    static TensorHypers defaults() {
        return hypers(Map.of());
    }

    /** The L2 norm of {@code x} over tensor {@code t}, in plain double. */
    static double norm(float[] x, Tensor t) {
        double s = 0;
        for (int i = t.offset(); i < t.end(); i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s);
    }

    /** {@code a - b} element by element, in double, as floats. */
    static float[] minus(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = (float) ((double) a[i] - b[i]);
        }
        return d;
    }

    static Layout matrixAndVector() {
        return Layout.builder().matrix("a", 5, 7).vector("b", 13).build();
    }
}
