package org.optjit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optjit.Backend;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * PowerSign's {@code base^(sign(g)*sign(m))}: a power of a sign-valued exponent becomes a
 * select between per-step values, and gives exactly what {@code Math.pow} and
 * {@code Math.exp} give, on every backend.
 */
class SignPowersTest {

    private static long count(Block b, Op op) {
        return b.insns().stream().filter(i -> i.op() == op).count();
    }

    private static Program lower(String source) {
        Program p = FrontEnd.compile(source, "t.opt");
        WellFormed.check(p);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hyper base = 2.718\nm = 0.9*m + 0.1*g\nw -= 0.1*base^(sign(g)*sign(m))*g",
        "w -= exp(sign(g)*sign(w))*g",
        "w -= 3^(-sign(g))*g",
        "w -= exp(abs(sign(g)) * (g > 0 ? sign(w) : -1))",
        "hyper base = 2\nw -= base^min(sign(g), sign(w))",
    })
    void aSignValuedExponentNeedsNoTranscendentalPerWeight(String source) {
        Program p = lower(source);
        assertEquals(0, count(p.body(), Op.POW) + count(p.body(), Op.EXP), IrListing.block(p.body(), '%', p));
        assertTrue(count(p.body(), Op.SELECT) >= 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hyper base = 2\nw -= base^(sign(g) + sign(w))",
        "hyper base = 2\nw -= base^(sign(g)*g)",
        "w -= exp(g)",
        "w -= g^sign(w)",
        "w -= exp(2*sign(g))",
    })
    void otherExponentsStayTranscendental(String source) {
        Program p = lower(source);
        assertEquals(1, count(p.body(), Op.POW) + count(p.body(), Op.EXP), IrListing.block(p.body(), '%', p));
    }

    /** Every exponent a sign can give, against bases that exercise pow's special cases. */
    private static final float[] SIGNS_OF = {-7f, -0f, 0f, 3f, Float.NaN, -Float.MIN_VALUE, Float.POSITIVE_INFINITY};
    private static final double[] BASES = {Math.E, 2, 0.5, 1, 0, -0.0, -2, -1, 1e-40, 1e39, 1.0000001,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.1};

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"INTERPRETER", "SCALAR", "VECTOR"})
    void powOfASignEqualsMathPowBitForBit(Backend backend) {
        // bind refuses non-finite values, but a step scalar may still compute one: the base is
        // a*k + c*k, exactly a for finite a (c = -0.0 adds nothing, even to -0.0), and
        // overflows to an infinity, or to NaN as inf - inf, for the others
        Rule rule = Rule.parse("hyper a = 2, k = 1, c = -0.0\nb = a*k + c*k\nw = b^(sign(g)*sign(w))");
        for (double base : BASES) {
            Map<String, Double> values = Double.isNaN(base) ? Map.of("a", 1e300, "k", 1e300, "c", -1e300)
                    : Double.isInfinite(base) ? Map.of("a", Math.copySign(1e300, base), "k", 1e300, "c", -0.0)
                    : Map.of("a", base, "k", 1.0, "c", -0.0);
            Optimizer opt = rule.compile(backend).bind(values);
            float[] w = weights();
            float[] g = gradients();
            float[] expected = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                expected[i] = (float) Math.pow((float) base, Math.signum(g[i]) * Math.signum(w[i]));
            }
            OptimizerState s = opt.newState(w);
            opt.step(w, g, s);
            assertBitwise(expected, w, backend + " base " + base);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"INTERPRETER", "SCALAR", "VECTOR"})
    void expOfASignEqualsMathExpBitForBit(Backend backend) {
        Optimizer opt = Rule.parse("w = exp(-sign(g)*sign(w))").compile(backend).bind(Map.of());
        float[] w = weights();
        float[] g = gradients();
        float[] expected = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            expected[i] = (float) Math.exp(-Math.signum(g[i]) * Math.signum(w[i]));
        }
        opt.step(w, g, opt.newState(w));
        assertBitwise(expected, w, backend.toString());
    }

    /** Every pair of SIGNS_OF values, repeated: several whole vectors and a tail. */
    private static final int N = SIGNS_OF.length * SIGNS_OF.length * 5;

    private static float[] weights() {
        float[] w = new float[N];
        for (int i = 0; i < N; i++) {
            w[i] = SIGNS_OF[i % SIGNS_OF.length];
        }
        return w;
    }

    private static float[] gradients() {
        float[] g = new float[N];
        for (int i = 0; i < N; i++) {
            g[i] = SIGNS_OF[(i / SIGNS_OF.length) % SIGNS_OF.length];
        }
        return g;
    }

    private static void assertBitwise(float[] expected, float[] actual, String context) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                    context + " at " + i + ": expected " + expected[i] + " but was " + actual[i]);
        }
    }
}
