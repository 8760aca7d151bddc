package org.optjit.train.model;

import java.util.SplittableRandom;
import org.optjit.train.data.Dataset;

/** Small generated data sets for the layered models' tests. */
public final class TinyData {

    private TinyData() {
    }

    /** {@code n} side x side images of {@code classes} classes: a bright bar whose position is the class, plus noise. */
    public static Dataset images(int n, int side, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * side * side];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
            int row = (y[i] * side) / classes + r.nextInt(2);
            for (int p = 0; p < side * side; p++) {
                x[i * side * side + p] = (float) (0.3 * r.nextDouble() + (p / side == row ? 0.7 : 0));
            }
        }
        return new Dataset("bars", x, side * side, y, classes);
    }

    /** {@code n} random sequences of {@code length} tokens below {@code vocabulary}; label: the first token. */
    public static Dataset sequences(int n, int length, int vocabulary, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * length];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) {
                x[i * length + t] = r.nextInt(vocabulary);
            }
            y[i] = (int) x[i * length] % classes;
        }
        return new Dataset("tokens", x, length, y, classes);
    }
}
