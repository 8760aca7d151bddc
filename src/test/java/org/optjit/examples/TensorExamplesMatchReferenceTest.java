package org.optjit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;
import org.optjit.reference.tensor.TensorReference;
import org.optjit.reference.tensor.TensorReferences;

/**
 * Every tensor example (issue 8), on every backend with 1 and 3 threads, against the
 * hand-written implementation of its published formula ({@link TensorReferences}), step by
 * step on a layout of two matrices and two vectors of odd sizes in two groups (the second
 * without weight decay), and the rules with reductions along rows and columns also on a few
 * steps of rows, columns and tensors longer than the reductions' block of 65,536. The weights, every state array (per weight, tensor, row, column or
 * group) and the evaluation weights must be bitwise equal after every step: the language
 * promises that for these rules, whose per-weight code has no exp, log, pow, cos, sin or
 * tanh. The one exception is muon's orth on matrices ({@link #ORTH_TOLERANCE}).
 *
 * <p>A transform (clip_global_norm, agc) is run as {@code Rule.chain(transform, sgd)}.
 */
class TensorExamplesMatchReferenceTest {

    static final int STEPS = 120;

    /**
     * orth's matrix products may be rounded differently by the project's BLAS (float) and the
     * reference (double), and five Newton-Schulz iterations carry those differences on (the
     * quintic's slope at 0 is 3.4445): each entry of orth's result, which is at most about 1,
     * may differ by this much. (A float32 Newton-Schulz with plain loops differs from the
     * reference by at most 2.3e-6 on random 5 x 7, 11 x 3, 1 x 9 and 16 x 16 inputs of scales
     * from 1e-8 to 1e3; against the project's BLAS these runs differ by at most 1.3e-5 of a step,
     * weight rounding included; the margin is for other summation orders.) A matrix weight may therefore
     * differ by this times its step {@code lr * sqrt(max(1, rows / cols))}, plus 2 ulps of
     * rounding; after each comparison the backend is put back on the reference's values so
     * that differences do not accumulate.
     */
    static final double ORTH_TOLERANCE = 1e-4;

    static final String NO_DECAY = "no_decay";

    /** The layouts: odd sizes for every example, and one past the reductions' block of 65,536. */
    enum Shape {
        SMALL(STEPS, Layout.builder()
                .matrix("fc1.weight", 5, 7)
                .vector("fc1.bias", 13)
                .matrix("fc2.weight", 11, 3)    // more rows than columns: orth transposes
                .group(NO_DECAY)
                .vector("norm.gain", 17)
                .build()),
        /**
         * Rows and a tensor longer than one block, columns longer than one block of a column's
         * sum (64 rows), and a matrix whose columns cross two of them.
         */
        LARGE(3, Layout.builder()
                .matrix("wide", 2, 70_001)
                .matrix("tall", 150, 9)
                .group(NO_DECAY)
                .vector("long", 70_001)
                .build());

        final int steps;
        final Layout layout;

        Shape(int steps, Layout layout) {
            this.steps = steps;
            this.layout = layout;
        }
    }

    /**
     * The examples also run on {@link Shape#LARGE}: between them, reductions over all tensors
     * (adamw_clipped), per tensor, row and column (adafactor), and row norms (agc).
     */
    private static final Set<String> LARGE = Set.of("adamw_clipped", "adafactor", "agc");

    /** Rules whose step size is learnt from the gradients' history: given a bowl to descend. */
    private static final Set<String> PULLED = Set.of("prodigy", "dadapt_adam");

    /**
     * Values other than the defaults: a weight decay where the default is 0 (so that the
     * no_decay group's 0 differs), and a schedule short enough to pass every phase.
     */
    private static final Map<String, Map<String, Double>> GIVEN = Map.of(
            "novograd", Map.of("weight_decay", 0.01),
            "prodigy", Map.of("weight_decay", 0.01),
            "dadapt_adam", Map.of("weight_decay", 0.01),
            "schedule_free_adamw", Map.of("weight_decay", 0.01),
            "mars", Map.of("weight_decay", 0.01),
            "muon", Map.of("weight_decay", 0.01),
            "adamw_warmup_cosine", Map.of("warmup", 20.0, "total", 90.0, "min_ratio", 0.1));

    /**
     * DEFAULTS: the published defaults (with {@link #GIVEN}), the no_decay group without weight
     * decay. CUSTOM: every hyperparameter changed ({@link TensorCustomHyperparameters}), and the
     * no_decay group also at half the learning rate, so that values over all tensors (Prodigy's
     * d, Schedule-Free's weights) differ between the groups.
     */
    enum Setting { DEFAULTS, CUSTOM }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        List<Backend> backends = List.of(Backend.INTERPRETER, Backend.SCALAR, Backend.VECTOR);
        for (String name : Examples.TENSOR_NAMES) {
            for (Shape shape : Shape.values()) {
                if (shape == Shape.LARGE && !LARGE.contains(name)) {
                    continue;
                }
                for (Backend backend : backends) {
                    for (int threads : new int[] {1, 3}) {
                        b.add(arguments(name, backend, threads, shape, Setting.DEFAULTS));
                    }
                }
            }
            for (Backend backend : backends) {
                b.add(arguments(name, backend, 1, Shape.SMALL, Setting.CUSTOM));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} on {1}, {2} thread(s), {3}, {4}")
    @MethodSource("cases")
    void matchesReference(String name, Backend backend, int threads, Shape shape, Setting setting) {
        Layout layout = shape.layout;
        Map<String, Double> given = setting == Setting.CUSTOM
                ? TensorCustomHyperparameters.of(name) : GIVEN.getOrDefault(name, Map.of());
        Rule rule = TensorReferences.isTransform(name)
                ? Rule.chain(Examples.load(name), Examples.load(TensorReferences.SUCCESSOR))
                : Examples.load(name);
        Optimizer opt = Examples.compile(rule, backend).bind(given).threads(threads);
        Map<String, Double> noDecay = new HashMap<>();
        if (opt.hyperparameterNames().contains("weight_decay")) {
            noDecay.put("weight_decay", 0.0);
        }
        if (setting == Setting.CUSTOM && given.containsKey("lr")) {
            noDecay.put("lr", given.get("lr") / 2);
        }
        noDecay.forEach((h, v) -> opt.set(NO_DECAY, h, v));
        Map<String, Map<String, Double>> byGroup = Map.of(NO_DECAY, noDecay);
        long seed = 31L * name.hashCode() + threads + 7L * setting.ordinal();
        float[] w = GradientSequence.weights(seed, layout.size());
        float[] wRef = w.clone();
        OptimizerState state = opt.newState(w, layout);
        TensorReference ref = TensorReferences.create(name, layout, given, byGroup, wRef);
        Map<String, float[]> refState = ref.state();
        assertEquals(new TreeSet<>(refState.keySet()), new TreeSet<>(state.names()),
                name + ": the rule's state arrays are not the reference's");
        String context = name + " on " + backend + ", " + threads + " thread(s), " + shape + ", " + setting;
        ArrayComparison exact = new ArrayComparison(context, 0);
        for (String s : state.names()) {
            exact.check(s, 0, refState.get(s), sized(s, refState.get(s), state.array(s), context), null);
        }

        GradientSequence gradients = new GradientSequence(seed, layout.size());
        float[] eval = new float[w.length];
        float[] evalRef = new float[w.length];
        for (long t = 1; t <= shape.steps; t++) {
            float[] g = gradients.next();
            if (PULLED.contains(name)) {
                for (int i = 0; i < g.length; i++) {
                    g[i] = wRef[i] + 0.01f * g[i]; // the bowl |w|^2 / 2, with noise
                }
            }
            float[] gOriginal = g.clone();
            float[] wBefore = wRef.clone();

            opt.step(w, g, state);
            ref.step(wRef, g.clone(), t);

            assertEquals(t, state.t(), "t after the step");
            assertArrayEquals(gOriginal, g, "a step must not write the gradients");
            if (name.equals("muon")) {
                checkOrthWeights(context, t, opt, layout, wRef, w, wBefore);
            } else {
                exact.check("w", t, wRef, w, null);
            }
            for (String s : state.names()) {
                exact.check(s, t, refState.get(s), sized(s, refState.get(s), state.array(s), context), null);
            }
            // Equal already, except muon's matrices within the tolerance: back on the reference,
            // before the evaluation weights (which read w) are compared.
            System.arraycopy(wRef, 0, w, 0, w.length);
            opt.evalWeights(w, state, eval);
            ref.evalWeights(wRef, evalRef);
            exact.check("evalWeights", t, evalRef, eval, null);
        }
    }

    /** A state array of the backend, after checking it has the reference's length (values over all tensors: one per group). */
    private static float[] sized(String name, float[] expected, float[] actual, String context) {
        assertEquals(expected.length, actual.length, context + ": the length of state " + name);
        return actual;
    }

    /** Matrices within {@link #ORTH_TOLERANCE} of their step, vectors (AdamW) bit for bit. */
    private static void checkOrthWeights(String context, long t, Optimizer opt, Layout layout, float[] expected,
            float[] actual, float[] before) {
        for (Tensor x : layout.tensors()) {
            double step = opt.get(x.group(), "lr") * Math.sqrt(Math.max(1, (double) x.rows() / x.cols()));
            for (int i = x.offset(); i < x.end(); i++) {
                float e = expected[i];
                float a = actual[i];
                if (Float.floatToIntBits(e) == Float.floatToIntBits(a)) {
                    continue;
                }
                float scale = Math.max(Math.max(Math.abs(e), Math.abs(a)), Math.abs(before[i]));
                double allowed = x.ndim() == 1 ? 0 : step * ORTH_TOLERANCE + 2 * Math.ulp(scale);
                if (Math.abs((double) e - a) > allowed) {
                    fail(String.format("%s: step t=%d, w[%d] (%s): expected %s but was %s, beyond %s",
                            context, t, i, x.name(), e, a, x.ndim() == 1 ? "bitwise (AdamW)" : allowed + " (orth)"));
                }
            }
        }
    }
}
