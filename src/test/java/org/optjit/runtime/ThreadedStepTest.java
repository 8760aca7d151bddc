package org.optjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optjit.Backend;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/** A step split across threads gives the same bits as one thread, for any count. */
class ThreadedStepTest {

    private static final String RPROP = String.join("\n",
            "state step = 0.01, gprev = 0",
            "step = g*gprev > 0 ? min(step*1.2, 50) : g*gprev < 0 ? max(step*0.5, 1e-6) : step",
            "w -= sign(g)*step",
            "gprev = g");

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"INTERPRETER", "SCALAR", "VECTOR"})
    void anyThreadCountGivesIdenticalBits(Backend backend) {
        int n = 3 * StepRunner.MIN_PARALLEL + 37;
        float[] base = new float[n];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            base[i] = (float) rnd.nextGaussian();
        }
        float[][] grads = new float[5][n];
        for (float[] g : grads) {
            for (int i = 0; i < n; i++) {
                g[i] = rnd.nextInt(10) == 0 ? 0f : (float) rnd.nextGaussian();
            }
        }
        float[] reference = null;
        for (int threads : new int[] {1, 2, 3, 8}) {
            Optimizer opt = Rule.parse(RPROP).compile(backend).bind(Map.of()).threads(threads);
            float[] w = base.clone();
            OptimizerState s = opt.newState(w);
            for (float[] g : grads) {
                opt.step(w, g, s);
            }
            if (reference == null) {
                reference = w;
            } else {
                assertArrayEquals(reference, w, "threads=" + threads);
            }
            assertEquals(grads.length, s.t());
        }
    }

    @org.junit.jupiter.api.Test
    void defaultThreadsFollowsTheSystemProperty() {
        String old = System.getProperty("optjit.threads");
        try {
            System.setProperty("optjit.threads", "3");
            assertEquals(3, StepRunner.defaultThreads());
            System.setProperty("optjit.threads", "junk");
            assertEquals(Runtime.getRuntime().availableProcessors(), StepRunner.defaultThreads());
        } finally {
            if (old == null) {
                System.clearProperty("optjit.threads");
            } else {
                System.setProperty("optjit.threads", old);
            }
        }
    }
}
