package org.optjit.examples;

import java.util.SplittableRandom;

/**
 * Seeded synthetic gradients that exercise every branch and clamp of the example rules.
 * Each weight follows one of six patterns (by index modulo 6), so any size of at least 6
 * has them all and size 1 has the steady one:
 * <ol start="0">
 *   <li>steady: the same sign every step (gains climb to their maximum, rprop steps to 50);</li>
 *   <li>alternating: the sign flips every step (gains fall to their minimum, steps to 1e-6);</li>
 *   <li>noisy: random signs, a quarter exact zeros and some negative zeros;</li>
 *   <li>mostly steady with one flip in ten;</li>
 *   <li>random signs with magnitudes from 1e-8 to 1e3;</li>
 *   <li>zero for the first 100 steps, then random.</li>
 * </ol>
 */
final class GradientSequence {

    private static final int PATTERNS = 6;

    private final SplittableRandom random;
    private final float[] scale;
    private int calls;

    GradientSequence(long seed, int n) {
        random = new SplittableRandom(seed);
        scale = new float[n];
        for (int i = 0; i < n; i++) {
            scale[i] = (float) Math.pow(10, random.nextDouble(-3, 1));
        }
    }

    /** Initial weights: standard normal, one in ten exactly zero. */
    static float[] weights(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = r.nextInt(10) == 0 ? 0f : (float) gaussian(r);
        }
        return w;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian on JDK 17.
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The gradients of the next step. */
    float[] next() {
        int step = ++calls;
        float[] g = new float[scale.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = scale[i] * pattern(i % PATTERNS, step);
        }
        return g;
    }

    private float pattern(int kind, int step) {
        switch (kind) {
            case 0:
                return (float) random.nextDouble(0.5, 1.5);
            case 1:
                return (float) ((step % 2 == 0 ? 1 : -1) * random.nextDouble(0.9, 1.1));
            case 2: {
                int r = random.nextInt(20);
                if (r < 5) {
                    return 0f;
                }
                if (r == 5) {
                    return -0f;
                }
                return (float) random.nextDouble(-2, 2);
            }
            case 3:
                return (float) ((random.nextInt(10) == 0 ? 1 : -1) * random.nextDouble(0.5, 1.5));
            case 4:
                return (float) ((random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-8, 3)));
            default:
                return step <= 100 ? 0f : (float) random.nextDouble(-1, 1);
        }
    }
}
