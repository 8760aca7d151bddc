package org.optjit.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {

    private long steps;

    @Test
    void runsAtLeastTheMinimumStepsWhenTimeAllows() {
        JitWarmUp.run(() -> steps++, 30_000_000_000L);
        assertTrue(steps >= JitWarmUp.MIN_STEPS, "steps: " + steps);
    }

    @Test
    void stopsAtTheTimeLimit() {
        long start = System.nanoTime();
        boolean quiet = JitWarmUp.run(() -> {
            steps++;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 200_000_000L);
        long elapsed = System.nanoTime() - start;
        assertTrue(steps > 0 && steps < JitWarmUp.MIN_STEPS, "steps: " + steps);
        assertTrue(elapsed < 2_000_000_000L, "took " + elapsed / 1e6 + " ms");
        assertFalse(quiet, "cut off by its time limit, yet reported quiet");
    }

    @Test
    void settlingACompiledLoopEndsQuietWithoutTheMinimumSteps() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        Assumptions.assumeTrue(jit != null && jit.isCompilationTimeMonitoringSupported(), "no JIT timing here");
        assertTrue(JitWarmUp.run(() -> steps++, 60_000_000_000L), "a trivial loop never went quiet in 60 s");
        steps = 0;
        long start = System.nanoTime();
        assertTrue(JitWarmUp.settle(() -> {
            steps++;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 60_000_000_000L), "settling never went quiet in 60 s");
        // quiet rounds of 250 ms each, not the 20,000 steps (20 s here) of a first warm-up
        assertTrue(steps > 0 && steps < JitWarmUp.MIN_STEPS, "steps: " + steps);
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "took " + (System.nanoTime() - start) / 1e9 + " s");
    }

    @Test
    void noTimeNoSteps() {
        JitWarmUp.run(() -> steps++, 0);
        assertEquals(0, steps);
    }
}
