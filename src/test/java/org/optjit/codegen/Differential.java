package org.optjit.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;

/**
 * Runs a backend's kernel and the interpreter on copies of the same inputs and demands
 * bitwise equal arrays afterwards ({@code Float.floatToIntBits}: NaNs compare equal
 * whatever their payload, -0 and +0 do not).
 */
public final class Differential {

    /** Values every input array draws from, beside random ones: the IEEE corner cases. */
    static final float[] SPECIAL = {
        Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, -1f, 0.5f, -2f, 3f,
        1e-8f, -1e-30f, 1e30f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, 0.1f, -0.9f,
    };

    private Differential() {
    }

    /** A value that is a corner case half of the time. */
    public static float value(Random rnd) {
        if (rnd.nextBoolean()) {
            return SPECIAL[rnd.nextInt(SPECIAL.length)];
        }
        return (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3));
    }

    public static float[] array(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = value(rnd);
        }
        return a;
    }

    /**
     * Runs both kernels over {@code [from, to)} of copies of the arrays and fails, naming
     * the first differing element, unless the results are bitwise equal.
     */
    public static void assertAgree(String what, LoopKernel expected, LoopKernel actual, float[] w, float[] g,
            float[][] state, float[] uniforms, int from, int to) {
        float[] w1 = w.clone();
        float[] w2 = w.clone();
        float[][] s1 = deepClone(state);
        float[][] s2 = deepClone(state);
        expected.run(w1, g.clone(), s1, uniforms.clone(), from, to);
        actual.run(w2, g.clone(), s2, uniforms.clone(), from, to);
        compare(what, "w", w1, w2, w, g, state, uniforms);
        for (int k = 0; k < state.length; k++) {
            compare(what, "state " + k, s1[k], s2[k], w, g, state, uniforms);
        }
    }

    /** {@link #assertAgree} on random arrays of length n with a random range. */
    public static void assertAgreeOnRandomData(String what, Program p, LoopKernel actual, Random rnd, int n) {
        float[] w = array(rnd, n);
        float[] g = array(rnd, n);
        float[][] state = new float[p.states().size()][];
        for (int k = 0; k < state.length; k++) {
            state[k] = array(rnd, n);
        }
        float[] uniforms = array(rnd, p.uniformCount());
        int from = rnd.nextInt(3);
        int to = n - rnd.nextInt(3);
        assertAgree(what, new Interpreter(p.body()), actual, w, g, state, uniforms, from, to);
    }

    /**
     * {@link #assertAgree} with {@code g} and state 0 running through every pair of
     * {@link #SPECIAL} values (the other arrays random), over the whole array and a range.
     */
    public static void assertAgreeOnAllPairs(Program p, LoopKernel actual) {
        int n = SPECIAL.length * SPECIAL.length;
        Random rnd = new Random(p.name().hashCode());
        float[] g = new float[n];
        float[][] state = new float[p.states().size()][];
        for (int k = 0; k < state.length; k++) {
            state[k] = array(rnd, n);
        }
        for (int i = 0; i < n; i++) {
            g[i] = SPECIAL[i / SPECIAL.length];
            if (state.length > 0) {
                state[0][i] = SPECIAL[i % SPECIAL.length];
            }
        }
        float[] uniforms = array(rnd, p.uniformCount());
        LoopKernel oracle = new Interpreter(p.body());
        assertAgree(p.name(), oracle, actual, array(rnd, n), g, state, uniforms, 0, n);
        assertAgree(p.name() + " (range)", oracle, actual, array(rnd, n), g, state, uniforms, 5, n - 7);
    }

    private static float[][] deepClone(float[][] a) {
        float[][] c = new float[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].clone();
        }
        return c;
    }

    private static void compare(String what, String array, float[] expected, float[] actual, float[] w, float[] g,
            float[][] state, float[] uniforms) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                StringBuilder in = new StringBuilder("w=" + w[i] + " g=" + g[i]);
                for (int k = 0; k < state.length; k++) {
                    in.append(" s").append(k).append('=').append(state[k][i]);
                }
                in.append(" uniforms=").append(java.util.Arrays.toString(uniforms));
                fail(what + ": " + array + "[" + i + "] is " + actual[i] + ", the interpreter gives " + expected[i]
                        + " (inputs " + in + ")");
            }
        }
    }
}
