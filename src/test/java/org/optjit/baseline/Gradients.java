package org.optjit.baseline;

import java.util.Random;

/**
 * Random gradients that exercise every branch and clamp of the sign-based rules within a
 * few hundred steps. Weights fall into four kinds by index: a gradient that keeps its
 * sign (gains and rprop steps grow into their upper clamp), one that flips every step
 * (they shrink into the lower clamp), a random one, and a random one that is often
 * exactly zero (sign 0, neither branch).
 */
final class Gradients {

    private final Random random;

    Gradients(long seed) {
        this.random = new Random(seed);
    }

    /** Random weights, Gaussian. */
    float[] weights(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) random.nextGaussian();
        }
        return w;
    }

    /** The gradient for step {@code t}. */
    float[] next(int n, long t) {
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            float magnitude = (float) Math.abs(random.nextGaussian()) * 0.1f;
            switch (i % 4) {
                case 0 -> g[i] = (i % 8 == 0 ? 1 : -1) * magnitude;
                case 1 -> g[i] = (t % 2 == 0 ? 1 : -1) * magnitude;
                case 2 -> g[i] = (float) random.nextGaussian();
                default -> g[i] = random.nextInt(3) == 0 ? 0f : (float) random.nextGaussian() * 0.01f;
            }
        }
        return g;
    }
}
