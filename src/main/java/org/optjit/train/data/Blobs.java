package org.optjit.train.data;

import org.optjit.train.Rng;

/**
 * A small generated classification set for fast tests and demonstrations: {@link #CLASSES}
 * classes in {@link #INPUTS} dimensions, each class a mixture of {@link #CLUSTERS_PER_CLASS}
 * Gaussian clusters. Because a class is split into separate clusters, it is not linearly
 * separable from the others, so hidden units matter.
 *
 * <p>Cluster centres are drawn from N(0, {@code CENTRE_SCALE^2}) per coordinate from the
 * seed; each example is its cluster's centre plus N(0, {@code NOISE^2}) noise per
 * coordinate. Classes are balanced (row {@code i} has label {@code i % CLASSES}). Row
 * {@code i} of stream {@code s} depends only on {@code (seed, s, i)}.
 */
public final class Blobs {

    public static final int CLASSES = 5;
    public static final int INPUTS = 32;
    static final int CLUSTERS_PER_CLASS = 2;
    static final double CENTRE_SCALE = 1.0;
    static final double NOISE = 1.2;

    private Blobs() {
    }

    /** {@code count} labelled rows of stream {@code stream} (0 train, 1 test, ...). */
    public static Dataset generate(String name, long seed, long stream, int count) {
        double[] centres = centres(seed);
        float[] x = new float[count * INPUTS];
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            Rng rng = Rng.stream(seed, (stream + 1) << 32 | i);
            int label = i % CLASSES;
            int cluster = label * CLUSTERS_PER_CLASS + rng.nextInt(CLUSTERS_PER_CLASS);
            for (int j = 0; j < INPUTS; j++) {
                x[i * INPUTS + j] = (float) (centres[cluster * INPUTS + j] + NOISE * rng.nextGaussian());
            }
            y[i] = label;
        }
        return new Dataset(name, x, INPUTS, y, CLASSES);
    }

    private static double[] centres(long seed) {
        Rng rng = Rng.stream(seed, -1);
        double[] c = new double[CLASSES * CLUSTERS_PER_CLASS * INPUTS];
        for (int i = 0; i < c.length; i++) {
            c[i] = CENTRE_SCALE * rng.nextGaussian();
        }
        return c;
    }
}
