package org.optjit.train;

import java.util.random.RandomGenerator;

/**
 * The seeded random generator of the trainer: SplitMix64 (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014).
 *
 * <p>Its whole state is one {@code long}, so a checkpoint saves it with {@link #getState()}
 * and a resumed run continues the same sequence after {@link #setState(long)}. Every
 * derived draw ({@link #nextInt(int)}, {@link #nextDouble()}, {@link #nextFloat()},
 * {@link #nextGaussian()}) is defined here rather than inherited from
 * {@link RandomGenerator}'s defaults, so the sequence is the same on every JDK and no
 * draw keeps hidden state (the Gaussian uses Box-Muller and discards the second value).
 */
public final class Rng implements RandomGenerator {

    /** The golden-ratio increment of SplitMix64. */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A generator for the {@code index}-th independent stream derived from {@code seed}. */
    public static Rng stream(long seed, long index) {
        return new Rng(mix(seed ^ mix(index * GAMMA + 0x632BE59BD9B4E019L)));
    }

    public long getState() {
        return state;
    }

    public void setState(long state) {
        this.state = state;
    }

    @Override
    public long nextLong() {
        state += GAMMA;
        return mix(state);
    }

    /** The SplitMix64 output function (a variant of MurmurHash3's finaliser). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in {@code [0, bound)}, unbiased (rejection of the short last interval). */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        while (true) {
            long r = nextLong() >>> 33; // 31 random bits
            long v = r % bound;
            if (r - v + (bound - 1) < (1L << 31)) {
                return (int) v;
            }
        }
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in {@code [0, 1)} with 24 random bits. */
    @Override
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Standard normal by Box-Muller (StrictMath: the same bits on every JDK); two uniforms per call, no spare kept. */
    @Override
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]: log is finite
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Fisher-Yates shuffle of the whole array. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
