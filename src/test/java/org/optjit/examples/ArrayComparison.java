package org.optjit.examples;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares a backend's arrays with a reference's after one step: bit for bit (NaN equal
 * to NaN, +0 different from -0), or, where a tolerance applies, within a number of ulps.
 */
final class ArrayComparison {

    private final String context;
    private final int ulps;

    /**
     * @param context what is being compared, for failure messages
     * @param ulps    0 for bitwise equality; otherwise the allowed difference, in ulps of the
     *                largest magnitude among the two results and the value before the step
     *                (so that a tiny result of a cancellation is not held to its own ulp)
     */
    ArrayComparison(String context, int ulps) {
        this.context = context;
        this.ulps = ulps;
    }

    boolean exact() {
        return ulps == 0;
    }

    /**
     * @param before the reference's values before the step (used only for the tolerance)
     */
    void check(String array, long t, float[] expected, float[] actual, float[] before) {
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            if (Float.floatToIntBits(e) == Float.floatToIntBits(a)) {
                continue;
            }
            if (!exact() && within(e, a, before[i])) {
                continue;
            }
            fail(String.format("%s: step t=%d, %s[%d]: expected %s (0x%08x) but was %s (0x%08x)%s",
                    context, t, array, i, e, Float.floatToIntBits(e), a, Float.floatToIntBits(a),
                    exact() ? ", bitwise" : ", beyond " + ulps + " ulps"));
        }
    }

    private boolean within(float e, float a, float before) {
        float scale = Math.max(Math.max(Math.abs(e), Math.abs(a)), Math.abs(before));
        return Math.abs(e - a) <= ulps * Math.ulp(scale);
    }
}
