package org.optjit.codegen.vector;

import static org.junit.jupiter.api.Assertions.fail;

import org.optjit.runtime.LoopKernel;

/**
 * Runs two loop kernels on copies of the same inputs and compares every array element.
 * Exact means the same float bits, with every NaN counted as one value (the JVM does not
 * define which NaN an operation returns); near means within {@code ulps} units in the last
 * place of the reference, or exact.
 */
final class Agreement {

    private Agreement() {
    }

    static boolean exact(float expected, float actual) {
        return Float.floatToIntBits(expected) == Float.floatToIntBits(actual);
    }

    static boolean near(float expected, float actual, int ulps) {
        if (exact(expected, actual)) {
            return true;
        }
        if (Float.isNaN(expected) || Float.isNaN(actual) || Float.isInfinite(expected)
                || Float.isInfinite(actual)) {
            return false;
        }
        return Math.abs(expected - actual) <= ulps * Math.ulp(expected);
    }

    /**
     * Runs both kernels over {@code [from, to)} and fails with the first differing element.
     *
     * @param ulps 0 for exact, else the tolerance
     */
    static void check(String what, LoopKernel reference, LoopKernel tested, float[] w, float[] g, float[][] state,
                      float[] uniforms, int from, int to, int ulps) {
        float[] w1 = w.clone();
        float[] w2 = w.clone();
        float[][] s1 = deepClone(state);
        float[][] s2 = deepClone(state);
        reference.run(w1, g, s1, uniforms, from, to);
        tested.run(w2, g, s2, uniforms, from, to);
        compare(what + ": w", w, g, w1, w2, ulps);
        for (int k = 0; k < state.length; k++) {
            compare(what + ": state " + k, w, g, s1[k], s2[k], ulps);
        }
    }

    private static void compare(String what, float[] w, float[] g, float[] expected, float[] actual, int ulps) {
        for (int i = 0; i < expected.length; i++) {
            boolean ok = ulps == 0 ? exact(expected[i], actual[i]) : near(expected[i], actual[i], ulps);
            if (!ok) {
                fail(what + "[" + i + "] (w=" + w[i] + ", g=" + g[i] + "): expected " + expected[i]
                        + " but was " + actual[i]);
            }
        }
    }

    static float[][] deepClone(float[][] a) {
        float[][] c = new float[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].clone();
        }
        return c;
    }
}
