package org.optjit.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        JitWarmUp.run(() -> {
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
    }

    @Test
    void noTimeNoSteps() {
        JitWarmUp.run(() -> steps++, 0);
        assertEquals(0, steps);
    }
}
