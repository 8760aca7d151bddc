package org.optjit.train.data;

import java.util.SplittableRandom;

/**
 * The grokking task of Power et al. 2022: {@code (a + b) mod 97} for every pair
 * {@code a, b < 97}, each an example of three tokens {@code a b =} ({@code =} is token 97)
 * labelled with the sum. A seeded shuffle of the 9,409 pairs gives half of them (4,704)
 * for training; the rest is split into validation (2,352) and test (2,353) pairs.
 */
public final class ModularAddition {

    public static final int MODULUS = 97;
    /** The token of {@code =}; tokens are {@code 0 .. MODULUS}. */
    public static final int EQUALS = MODULUS;
    public static final int TOKENS = 3;

    private ModularAddition() {
    }

    static Splits load(long seed, Limits limits) {
        int n = MODULUS * MODULUS;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] x = new float[n * TOKENS];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int a = order[i] / MODULUS, b = order[i] % MODULUS;
            x[i * TOKENS] = a;
            x[i * TOKENS + 1] = b;
            x[i * TOKENS + 2] = EQUALS;
            y[i] = (a + b) % MODULUS;
        }
        Dataset all = new Dataset("modular-addition", x, TOKENS, y, MODULUS);
        int train = n / 2, val = (n - train) / 2;
        return new Splits(all.range(0, Limits.cap(train, limits.train())),
                all.range(train, train + Limits.cap(val, limits.validation())),
                all.range(train + val, train + val + Limits.cap(n - train - val, limits.test())));
    }
}
