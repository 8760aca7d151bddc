package org.optjit.codegen.vector;

import static org.junit.jupiter.api.Assertions.fail;

import org.optjit.codegen.Differential;
import org.optjit.runtime.LoopKernel;

/**
 * {@link Differential#assertAgree} (bitwise, NaNs counted as one value) when the tolerance
 * is 0; otherwise each element within {@code ulps} units in the last place of the
 * reference, with special values (NaN, infinities) exact.
 */
final class Agreement {

    private Agreement() {
    }

    static boolean near(float expected, float actual, int ulps) {
        if (Float.floatToIntBits(expected) == Float.floatToIntBits(actual)) {
            return true;
        }
        if (Float.isNaN(expected) || Float.isNaN(actual) || Float.isInfinite(expected)
                || Float.isInfinite(actual)) {
            return false;
        }
        return Math.abs((double) expected - actual) <= ulps * (double) Math.ulp(expected);
    }

    static void check(String what, LoopKernel reference, LoopKernel tested, float[] w, float[] g, float[][] state,
                      float[] uniforms, int from, int to, int ulps) {
        if (ulps == 0) {
            Differential.assertAgree(what, reference, tested, w, g, state, uniforms, from, to);
            return;
        }
        float[] w1 = w.clone();
        float[] w2 = w.clone();
        float[][] s1 = {state[0].clone(), state[1].clone()};
        float[][] s2 = {state[0].clone(), state[1].clone()};
        reference.run(w1, g, s1, uniforms, from, to);
        tested.run(w2, g, s2, uniforms, from, to);
        float[][] expected = {w1, s1[0], s1[1]};
        float[][] actual = {w2, s2[0], s2[1]};
        for (int a = 0; a < expected.length; a++) {
            for (int i = 0; i < w.length; i++) {
                if (!near(expected[a][i], actual[a][i], ulps)) {
                    fail(what + ": array " + a + "[" + i + "] (w=" + w[i] + ", g=" + g[i] + "): expected "
                            + expected[a][i] + " within " + ulps + " ulps, was " + actual[a][i]);
                }
            }
        }
    }
}
