package org.optjit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;
import org.optjit.ir.Insn;
import org.optjit.ir.Program;
import org.optjit.reference.ReferenceRule;
import org.optjit.reference.References;

/**
 * Every example rule, on every backend, against the hand-written implementation of its
 * published formula ({@link org.optjit.reference}), step by step on synthetic gradients
 * ({@link GradientSequence}) that hit every branch and clamp ({@link ClampCoverageTest}
 * proves that they do). Weights and every state array must be bitwise equal after every
 * step, except as stated in {@link #TRANSCENDENTAL_ULPS}.
 */
class ExamplesMatchReferenceTest {

    static final int STEPS = 250;

    /**
     * Runs with custom hyperparameters start at this step number: they cover the later
     * phases of Sutskever's momentum schedule (which changes every 250 steps) and bias
     * corrections at large t; the default runs start at t = 1.
     */
    static final long CUSTOM_FIRST_STEP = 1990;

    /**
     * The VECTOR backend may evaluate exp/log/log2/pow with the Vector API's own
     * approximations (Op's contract allows a stated tolerance there and nowhere else; the
     * backend states 2 ulps per operation), so for a rule whose per-weight code uses one of
     * them (powersign) VECTOR's results may differ from the reference's by this many ulps of
     * the largest magnitude involved: the operation's 2, and the roundings of the products
     * and the difference that carry its error into the weight. After each
     * such comparison the backend is put back on the reference's values, so differences
     * cannot accumulate over the run. Everything else is compared bit for bit.
     */
    static final int TRANSCENDENTAL_ULPS = 4;

    private static final int[] DEFAULT_SIZES = {1, 7, 100, 1027};
    private static final int[] CUSTOM_SIZES = {7, 1027};
    private static final List<Backend> BACKENDS = List.of(Backend.INTERPRETER, Backend.SCALAR, Backend.VECTOR);

    enum Setting { DEFAULTS, CUSTOM }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String name : Examples.NAMES) {
            for (Backend backend : BACKENDS) {
                for (int n : DEFAULT_SIZES) {
                    b.add(arguments(name, backend, n, Setting.DEFAULTS));
                }
                for (int n : CUSTOM_SIZES) {
                    b.add(arguments(name, backend, n, Setting.CUSTOM));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} on {1}, n = {2}, {3}")
    @MethodSource("cases")
    void matchesReference(String name, Backend backend, int n, Setting setting) {
        Map<String, Double> hypers = setting == Setting.CUSTOM ? CustomHyperparameters.of(name) : Map.of();
        long firstStep = setting == Setting.CUSTOM ? CUSTOM_FIRST_STEP : 1;
        long seed = 31L * name.hashCode() + n;

        Rule rule = Examples.load(name);
        Kernel kernel = Examples.compile(rule, backend);
        Optimizer opt = kernel.bind(hypers);
        float[] w = GradientSequence.weights(seed, n);
        float[] wRef = w.clone();
        OptimizerState state = opt.newState(w);
        ReferenceRule ref = References.create(name, hypers, wRef);
        Map<String, float[]> refState = ref.state();
        assertEquals(new TreeSet<>(refState.keySet()), new TreeSet<>(state.names()),
                name + ": the rule's state arrays are not the reference's");

        boolean tolerant = backend == Backend.VECTOR && usesTranscendentals(rule.program());
        ArrayComparison cmp = new ArrayComparison(name + " on " + backend + ", n = " + n + ", " + setting,
                tolerant ? TRANSCENDENTAL_ULPS : 0);
        for (String s : state.names()) {
            cmp.check(s, 0, refState.get(s), state.array(s), refState.get(s));
        }

        state.setT(firstStep - 1);
        GradientSequence gradients = new GradientSequence(seed, n);
        for (int k = 0; k < STEPS; k++) {
            long t = firstStep + k;
            float[] g = gradients.next();
            float[] gRef = g.clone();
            float[] gOriginal = g.clone();
            // The values before the step only scale the tolerance; bitwise runs skip the copies.
            float[] wBefore = cmp.exact() ? wRef : wRef.clone();
            Map<String, float[]> stateBefore = cmp.exact() ? refState : copy(refState);

            opt.step(w, g, state);
            ref.step(wRef, gRef, t);

            assertEquals(t, state.t(), "t after the step");
            assertArrayEquals(gOriginal, g, "a step must not write the gradients");
            cmp.check("w", t, wRef, w, wBefore);
            for (String s : state.names()) {
                cmp.check(s, t, refState.get(s), state.array(s), stateBefore.get(s));
            }
            if (!cmp.exact()) {
                resync(wRef, w, refState, state);
            }
        }
    }

    /** Whether the per-weight code calls exp, log, log2 or pow. */
    static boolean usesTranscendentals(Program p) {
        for (Insn insn : p.body().insns()) {
            if (insn.op().isTranscendental()) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, float[]> copy(Map<String, float[]> arrays) {
        Map<String, float[]> out = new java.util.HashMap<>();
        arrays.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    private static void resync(float[] wRef, float[] w, Map<String, float[]> refState, OptimizerState state) {
        System.arraycopy(wRef, 0, w, 0, w.length);
        refState.forEach((k, v) -> System.arraycopy(v, 0, state.array(k), 0, v.length));
    }
}
