package org.optjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Claims}: every index once, on the caller and helpers, failures passed on. */
class ClaimsTest {

    @Test
    void everyIndexRunsOnceWhateverTheThreads() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            for (int count : new int[] {0, 1, 2, 7, 500}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(count, 1));
                Claims.run(count, threads, i -> {
                    runs.incrementAndGet(i);
                    busy(i);
                });
                for (int i = 0; i < count; i++) {
                    assertEquals(1, runs.get(i), "index " + i + " of " + count + " on " + threads + " threads");
                }
            }
        }
    }

    @Test
    void oneThreadIsTheCallerAlone() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Claims.run(50, 1, i -> seen.add(Thread.currentThread()));
        assertEquals(Set.of(Thread.currentThread()), seen);
    }

    @Test
    void helpersTakeIndicesWhenThereIsTime() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        // indices slow enough that a helper from the pool wakes before the caller has taken them all
        Claims.run(40, 2, i -> {
            seen.add(Thread.currentThread());
            sleep(5);
        });
        assertTrue(seen.size() == 2, "threads that ran indices: " + seen);
    }

    @Test
    void aPhaseStartsWhenTheOneBeforeHasFinished() {
        for (int threads : new int[] {1, 2, 3}) {
            int phases = 6;
            int perPhase = 5;
            java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
            AtomicIntegerArray early = new AtomicIntegerArray(phases * perPhase);
            AtomicIntegerArray runs = new AtomicIntegerArray(phases * perPhase);
            Claims.runPhases(phases, perPhase, threads, i -> {
                if (finished.get() < i / perPhase * perPhase) {
                    early.set(i, 1);
                }
                runs.incrementAndGet(i);
                sleep(i % 3);
                finished.incrementAndGet();
            });
            for (int i = 0; i < phases * perPhase; i++) {
                assertEquals(0, early.get(i), "index " + i + " started before its phase, " + threads + " threads");
                assertEquals(1, runs.get(i), "index " + i + ", " + threads + " threads");
            }
        }
    }

    @Test
    void aFailureReachesTheCallerAndStopsTheRest() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicIntegerArray runs = new AtomicIntegerArray(200);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Claims.run(200, 3, i -> {
            runs.incrementAndGet(i);
            if (i == 3) {
                throw boom;
            }
            sleep(1);
        }));
        assertSame(boom, thrown);
        int ran = 0;
        for (int i = 0; i < 200; i++) {
            assertTrue(runs.get(i) <= 1, "index " + i + " ran twice");
            ran += runs.get(i);
        }
        assertTrue(ran < 200, "indices after the failure were still taken: " + ran);
    }

    private static void busy(int i) {
        double x = i;
        for (int k = 0; k < 1000; k++) {
            x = Math.sqrt(x + k);
        }
        if (x < 0) {
            throw new AssertionError();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
