package org.optjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** Every weight of the range is updated exactly once, in aligned chunks, whatever the thread count. */
    @org.junit.jupiter.api.Test
    void chunksCoverTheRangeExactlyOnce() {
        int from = 1001;
        int to = from + 5 * StepRunner.MIN_PARALLEL + 12345;
        for (int threads : new int[] {1, 2, 3, 8}) {
            List<int[]> ranges = new ArrayList<>();
            LoopKernel recorder = (ElementWiseKernel) (w, g, state, uniforms, lo, hi) -> {
                synchronized (ranges) {
                    ranges.add(new int[] {lo, hi});
                }
            };
            StepRunner.run(recorder, null, null, null, null, from, to, threads);
            ranges.sort(Comparator.comparingInt(r -> r[0]));
            int expectedStart = from;
            int size = StepRunner.chunkSize(to - from, Math.min(threads, (to - from) / (StepRunner.MIN_PARALLEL / 2)));
            for (int[] r : ranges) {
                assertEquals(expectedStart, r[0], "threads=" + threads);
                assertTrue(r[1] > r[0]);
                if (threads > 1 && r[1] != to) {
                    assertEquals(size, r[1] - r[0], "every chunk but the last has the chunk size");
                }
                expectedStart = r[1];
            }
            assertEquals(to, expectedStart, "threads=" + threads);
            assertEquals(threads == 1 ? 1 : (to - from + size - 1) / size, ranges.size(), "threads=" + threads);
        }
    }

    @org.junit.jupiter.api.Test
    void chunksAreAlignedAndNotTiny() {
        for (int n : new int[] {StepRunner.MIN_PARALLEL, 16_777_216, 16_777_216 + 7, Integer.MAX_VALUE}) {
            for (int parts : new int[] {2, 3, 64}) {
                int size = StepRunner.chunkSize(n, parts);
                assertEquals(0, size % StepRunner.ALIGN, n + " over " + parts);
                assertTrue(size >= StepRunner.MIN_CHUNK, n + " over " + parts);
                assertTrue((long) size * parts <= Math.max((long) n, (long) StepRunner.MIN_CHUNK * parts), n + " over " + parts);
            }
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
