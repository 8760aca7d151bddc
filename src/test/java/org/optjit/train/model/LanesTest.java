package org.optjit.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class LanesTest {

    @Test
    void lanesDependOnTheBatchSizeOnly() {
        assertEquals(1, Lanes.count(10));
        assertEquals(1, Lanes.count(127));
        assertEquals(2, Lanes.count(128)); // the 784-256-10 benchmark batch: one lane per core
        assertEquals(2, Lanes.count(200)); // not 3: three lanes on two cores would idle one
        assertEquals(4, Lanes.count(256));
        assertEquals(4, Lanes.count(60_000));
        // a model may ask for thinner lanes (LeNet-5: 32 rows, so its batch of 64 uses two cores)
        assertEquals(1, Lanes.count(63, 32));
        assertEquals(2, Lanes.count(64, 32));
        assertEquals(4, Lanes.count(128, 32));
        assertEquals(Lanes.count(200), Lanes.count(200, Lanes.MIN_LANE_ROWS));
        for (int rows : new int[] {1, 128, 200, 999}) {
            int lanes = Lanes.count(rows);
            assertEquals(0, Lanes.start(rows, lanes, 0));
            assertEquals(rows, Lanes.start(rows, lanes, lanes));
            for (int l = 0; l < lanes; l++) {
                int size = Lanes.start(rows, lanes, l + 1) - Lanes.start(rows, lanes, l);
                assertEquals(rows / (double) lanes, size, 1.0, "lanes are even");
            }
        }
    }

    @Test
    void runsEveryTaskOnceWhateverTheThreads() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(7);
            Lanes.run(7, threads, seen::incrementAndGet);
            for (int i = 0; i < 7; i++) {
                assertEquals(1, seen.get(i), "task " + i + " with " + threads + " threads");
            }
        }
    }
}
