package org.optjit.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.optjit.baseline.Bits.assertBitwiseEqual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;
import org.optjit.baseline.vector.VectorBaselines;

/**
 * The second oracle: every hand-written baseline (scalar loop and Vector API) against the
 * example rule of the same name compiled by every backend, bit for bit, over 200 steps of
 * random data that hits every branch and clamp. Also: each vector baseline against its
 * scalar one, including ranges whose ends are not multiples of the vector length.
 *
 * <p>Backends or examples not yet built into this branch are skipped (aborted), not failed.
 */
class BaselinesMatchGeneratedTest {

    private static final int STEPS = 200;
    /** Not a multiple of any vector length: every loop also runs its tail. */
    private static final int N = 1003;

    static Stream<Arguments> baselinesAndBackends() {
        List<Arguments> out = new ArrayList<>();
        for (Baseline scalar : Baselines.SCALAR) {
            for (Baseline b : List.of(scalar, VectorBaselines.of(scalar))) {
                for (Backend backend : List.of(Backend.INTERPRETER, Backend.SCALAR, Backend.VECTOR)) {
                    out.add(Arguments.of(b, backend));
                }
            }
        }
        return out.stream();
    }

    static Stream<Baseline> scalarBaselines() {
        return Baselines.SCALAR.stream();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("baselinesAndBackends")
    void baselineEqualsCompiledExample(Baseline baseline, Backend backend) {
        Optimizer opt = compileExample(baseline.rule(), backend).bind(baseline.hyperparameters()).threads(1);
        Gradients data = new Gradients(42);
        float[] w = data.weights(N);
        float[] wBaseline = w.clone();
        OptimizerState state = opt.newState(w);
        assertEquals(baseline.stateNames(), state.names(), "state arrays of " + baseline.rule());
        float[][] baselineState = baseline.newState(wBaseline);
        assertStatesEqual(state, baselineState, baseline, 0);
        for (long t = 1; t <= STEPS; t++) {
            float[] g = data.next(N, t);
            opt.step(w, g, state);
            baseline.step(wBaseline, g, baselineState, t);
            assertBitwiseEqual(w, wBaseline, "w after step " + t);
            assertStatesEqual(state, baselineState, baseline, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarBaselines")
    void vectorBaselineEqualsScalarBaseline(Baseline scalar) {
        Baseline vector = VectorBaselines.of(scalar);
        Gradients data = new Gradients(7);
        float[] w = data.weights(N);
        float[] wVector = w.clone();
        float[][] state = scalar.newState(w);
        float[][] stateVector = vector.newState(wVector);
        float[] before = w.clone();
        for (long t = 1; t <= STEPS; t++) {
            float[] g = data.next(N, t);
            float[] u = scalar.uniforms(t);
            scalar.run(w, g, state, u, 0, N);
            // the vector one in uneven pieces, as parameter groups or threads would run it
            vector.run(wVector, g, stateVector, u, 0, 5);
            vector.run(wVector, g, stateVector, u, 5, 517);
            vector.run(wVector, g, stateVector, u, 517, N);
            assertBitwiseEqual(w, wVector, scalar.rule() + ": w after step " + t);
            for (int k = 0; k < state.length; k++) {
                assertBitwiseEqual(state[k], stateVector[k], scalar.rule() + ": " + scalar.stateNames().get(k));
            }
        }
        assertNotEquals(before[2], w[2], "the weights moved");
    }

    private static void assertStatesEqual(OptimizerState state, float[][] baselineState, Baseline b, long t) {
        for (int k = 0; k < baselineState.length; k++) {
            String name = b.stateNames().get(k);
            assertBitwiseEqual(state.array(name), baselineState[k], name + " after step " + t);
        }
    }

    /** The example compiled for {@code backend}; aborts while the example or the backend is not in this branch. */
    private static Kernel compileExample(String rule, Backend backend) {
        Path file = Path.of("examples", rule + ".opt");
        Assumptions.assumeTrue(Files.isRegularFile(file), "example " + file + " not yet merged");
        Rule parsed;
        try {
            parsed = Rule.load(file);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("front end not yet merged: " + e.getMessage());
            throw e;
        }
        if (backend == Backend.VECTOR) {
            Assumptions.assumeTrue(Kernel.vectorAvailable(), "no jdk.incubator.vector in this JVM");
        }
        try {
            return parsed.compile(backend);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort(backend + " backend not yet merged: " + e.getMessage());
            throw e;
        }
    }
}
