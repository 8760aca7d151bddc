package org.optjit.codegen.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;

/**
 * Every per-weight operation ({@link OpCorpus}), over special values (NaN, +-0, +-Inf,
 * denormals, whole-number boundaries), at lengths around the vector length and at ranges
 * that do not start at 0: VECTOR equals the interpreter bit for bit, except EXP, LOG, LOG2
 * and POW, which are within {@link Transcendentals#MAX_ULPS}.
 *
 * <p>In this JVM the kernels run mostly before C2 compiles them (the Vector API's Java
 * fallbacks); {@link VectorJitTest} checks the same corpus in C2-compiled code.
 */
class VectorOpsTest {

    private static final int[] LENGTHS = {0, 1, 7, 15, 16, 17, 100, 1027};
    private static final int[] OFFSETS = {0, 3};

    /** Values that exercise every special case of the operations. */
    static final float[] SPECIAL = {
        Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, -1e-40f, Float.MIN_NORMAL, -Float.MIN_NORMAL,
        1f, -1f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 2f, 0.25f, 8f, 1024f,
        8388607.5f, -8388607.5f, 8388608f, -8388609f, 16777216f, 3e9f, -3e9f,
        Float.MAX_VALUE, -Float.MAX_VALUE, 88.7f, -103f, 1e-7f, 0.999999f, 3f, -3f, 0.3f, -0.7f,
    };

    static List<OpCorpus.Case> corpus() {
        return OpCorpus.all();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void vectorEqualsInterpreter(OpCorpus.Case c) {
        agree(c, new VectorCompiler().compile(c.program()).kernel());
    }

    @Test
    void log2IsExactOnPowersOfTwo() {
        OpCorpus.Case log2 = OpCorpus.all().stream().filter(c -> c.name().equals("LOG2")).findFirst().orElseThrow();
        assertLog2Exact(new VectorCompiler().compile(log2.program()).kernel());
    }

    /**
     * The LOG2 case's kernel gives the exponent itself for every normal power of two, as
     * MathOps.log2 does (Sutskever's momentum schedule relies on whole exponents there).
     */
    static void assertLog2Exact(LoopKernel log2) {
        int n = Float.MAX_EXPONENT - Float.MIN_EXPONENT + 1;
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.scalb(1f, Float.MIN_EXPONENT + i);
        }
        float[][] state = {new float[n], new float[n]};
        log2.run(w, w.clone(), state, new float[3], 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Float.MIN_EXPONENT + i, w[i], 0f, "log2(2^" + (Float.MIN_EXPONENT + i) + ")");
        }
    }

    /**
     * The vector loop really runs (the tests above would also pass if a bug sent every
     * weight to the scalar loop): LOG2 is rounded differently there (float log times
     * 1/ln 2) than in the exact scalar loop, so a good share of the weights in the middle
     * of a range, away from any head or tail, must differ from the interpreter.
     */
    @Test
    void vectorLoopCoversTheMiddleOfTheRange() {
        OpCorpus.Case log2 = OpCorpus.all().stream().filter(c -> c.name().equals("LOG2")).findFirst().orElseThrow();
        LoopKernel vector = new VectorCompiler().compile(log2.program()).kernel();
        int n = 1030;
        float[] w = new float[n];
        Random random = new Random(3);
        for (int i = 0; i < n; i++) {
            w[i] = 0.1f + 100 * random.nextFloat();
        }
        float[] expected = w.clone();
        new Interpreter(log2.program().body()).run(expected, w.clone(), new float[][] {new float[n]}, new float[3], 3,
                n - 3);
        float[] actual = w.clone();
        vector.run(actual, w.clone(), new float[][] {new float[n]}, new float[3], 3, n - 3);
        int differ = 0;
        for (int i = 64; i < n - 64; i++) {
            differ += Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i]) ? 1 : 0;
        }
        assertTrue(differ > (n - 128) / 20, differ + " of " + (n - 128) + " differ: is the vector loop running?");
    }

    /** {@code tested} against the interpreter, at every length and offset, with every uniform set of the case. */
    static void agree(OpCorpus.Case c, LoopKernel tested) {
        Program p = c.program();
        LoopKernel reference = new Interpreter(p.body());
        Random random = new Random(42);
        for (float[] uniforms : c.uniforms()) {
            for (int n : LENGTHS) {
                for (int from : OFFSETS) {
                    int size = from + n + 2;
                    float[] w = new float[size];
                    float[] g = new float[size];
                    float[][] state = {new float[size], new float[size]};
                    fill(w, g, state[0], random);
                    Agreement.check(c.name() + " n=" + n + " from=" + from, reference, tested, w, g, state,
                            uniforms, from, from + n, c.ulps());
                }
            }
        }
    }

    /** Every pair (and many triples) of special values, then random values of every magnitude. */
    static void fill(float[] w, float[] g, float[] s, Random random) {
        int p = SPECIAL.length;
        for (int i = 0; i < w.length; i++) {
            if (i < p * p) {
                w[i] = SPECIAL[i % p];
                g[i] = SPECIAL[i / p];
                s[i] = SPECIAL[(i * 7 + 3) % p];
            } else {
                w[i] = randomValue(random);
                g[i] = randomValue(random);
                s[i] = randomValue(random);
            }
        }
    }

    private static float randomValue(Random random) {
        return (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
    }
}
