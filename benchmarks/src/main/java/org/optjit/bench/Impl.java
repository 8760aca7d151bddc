package org.optjit.bench;

import org.optjit.Backend;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.baseline.Bandwidth;
import org.optjit.baseline.Baseline;
import org.optjit.baseline.Baselines;
import org.optjit.baseline.vector.VectorBaselines;
import org.optjit.runtime.StepRunner;

/**
 * The five implementations of a rule the suite compares, and the bandwidth limit measured
 * beside them ({@link #IN_PLACE}).
 */
public enum Impl {
    /** The example rule on the reference interpreter. */
    INTERPRETER,
    /** The example rule compiled by the generated scalar backend. */
    SCALAR,
    /** The example rule compiled by the generated Vector API backend. */
    VECTOR,
    /** The hand-written scalar loop ({@code org.optjit.baseline}). */
    HAND_SCALAR,
    /** The hand-written Vector API loop ({@code org.optjit.baseline.vector}). */
    HAND_VECTOR,
    /**
     * Not the rule: the in-place bandwidth kernel {@code w[i] += s*g[i]} on the same arrays
     * and threads, measured right after the rule's own forks (JMH runs the impl values of
     * one rule in a row). This host's memory bandwidth drifts by a third over minutes, so
     * the suite divides by this adjacent limit rather than by one measured at the start.
     */
    IN_PLACE;

    /**
     * A stepper for {@code rule} on {@code threads} threads, at the baseline's
     * hyperparameters; a generated implementation of an example without a baseline runs at
     * the example's defaults.
     */
    Stepper stepper(String rule, int threads) {
        if (this == IN_PLACE) {
            return new InPlaceStepper(threads);
        }
        java.util.Optional<Baseline> found = Baselines.scalar(rule);
        if (this != HAND_SCALAR && this != HAND_VECTOR) {
            Optimizer opt = ExampleRules.rule(rule).compile(Backend.valueOf(name()))
                    .bind(found.map(Baseline::hyperparameters).orElse(java.util.Map.of())).threads(threads);
            return new OptimizerStepper(opt);
        }
        Baseline baseline = found.orElseThrow(() -> new IllegalArgumentException(
                "no hand-written baseline for '" + rule + "'; the baselines are " + Baselines.rules()));
        return new BaselineStepper(this == HAND_SCALAR ? baseline : VectorBaselines.of(baseline), threads);
    }

    /** A compiled rule through the public API, as a user runs it. */
    private static final class OptimizerStepper implements Stepper {
        private final Optimizer opt;
        private OptimizerState state;
        private float[][] initial;

        OptimizerStepper(Optimizer opt) {
            this.opt = opt;
        }

        @Override
        public void reset(float[] w) {
            if (state == null || state.size() != w.length) {
                state = opt.newState(w);
                initial = state.arrays().stream().map(float[]::clone).toArray(float[][]::new);
            }
            for (int k = 0; k < initial.length; k++) {
                System.arraycopy(initial[k], 0, state.arrays().get(k), 0, initial[k].length);
            }
            state.setT(0);
        }

        @Override
        public void step(float[] w, float[] g) {
            opt.step(w, g, state);
        }
    }

    /** A hand-written baseline, split across threads by the same runner as generated code. */
    private static final class BaselineStepper implements Stepper {
        private final Baseline baseline;
        private final int threads;
        private float[][] state;
        private float[][] initial;
        private int size;
        private long t;

        BaselineStepper(Baseline baseline, int threads) {
            this.baseline = baseline;
            this.threads = threads;
        }

        @Override
        public void reset(float[] w) {
            if (state == null || size != w.length) {
                initial = baseline.newState(w);
                state = baseline.newState(w);
                size = w.length;
            }
            for (int k = 0; k < initial.length; k++) {
                System.arraycopy(initial[k], 0, state[k], 0, w.length);
            }
            t = 0;
        }

        @Override
        public void step(float[] w, float[] g) {
            StepRunner.run(baseline, w, g, state, baseline.uniforms(++t), 0, w.length, threads);
        }
    }

    /** {@link Bandwidth#IN_PLACE} over the rule's arrays; a tiny factor keeps w finite. */
    private static final class InPlaceStepper implements Stepper {
        private static final float[] FACTOR = {1e-7f};
        private static final float[][] NO_STATE = new float[0][];
        private final int threads;

        InPlaceStepper(int threads) {
            this.threads = threads;
        }

        @Override
        public void reset(float[] w) {
        }

        @Override
        public void step(float[] w, float[] g) {
            StepRunner.run(Bandwidth.IN_PLACE, w, g, NO_STATE, FACTOR, 0, w.length, threads);
        }
    }
}
