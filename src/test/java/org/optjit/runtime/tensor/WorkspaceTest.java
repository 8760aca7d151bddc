package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Workers of one step ask the workspace for their kept arrays at the same moment, on the first
 * step of a fresh state. Each must get arrays of its own that stay its own: an earlier version
 * grew the array of workers without a lock, so two workers starting together could lose one's
 * entry or index past the other's copy (an ArrayIndexOutOfBoundsException on the first step
 * with two threads, seen in a benchmark).
 */
class WorkspaceTest {

    @Test
    void workersStartingTogetherKeepTheirOwnArrays() throws Exception {
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int round = 0; round < 3000; round++) {
                Workspace ws = new Workspace();
                CyclicBarrier start = new CyclicBarrier(workers);
                @SuppressWarnings("unchecked")
                Future<float[][][]>[] got = new Future[workers];
                for (int w = 0; w < workers; w++) {
                    int worker = w;
                    got[w] = pool.submit(() -> {
                        start.await();
                        return ws.kept(worker, 2, 3, 16);
                    });
                }
                for (int w = 0; w < workers; w++) {
                    float[][][] mine = got[w].get();
                    assertSame(mine, ws.kept(w, 2, 3, 16), "worker " + w + " lost its arrays in round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
