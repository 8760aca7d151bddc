package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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
                Future<float[][]>[] got = new Future[workers];
                for (int w = 0; w < workers; w++) {
                    int worker = w;
                    got[w] = pool.submit(() -> {
                        start.await();
                        return ws.kept(worker, 2, 48);
                    });
                }
                for (int w = 0; w < workers; w++) {
                    float[][] mine = got[w].get();
                    assertSame(mine, ws.kept(w, 2, 48), "worker " + w + " lost its arrays in round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Scratch and column arrays live from step to step: a step asks again for what an earlier
     * one had and gets the same arrays (no allocation); a larger request grows them, keeping
     * the larger of each dimension; workers never share them.
     */
    @Test
    void scratchArraysAreReusedAndGrown() {
        Workspace ws = new Workspace();
        float[][] first = ws.scratch(0, 2, 1000);
        assertEquals(2, first.length);
        assertEquals(1000, first[0].length);
        assertSame(first, ws.scratch(0, 2, 1000), "the same request on the next step");
        assertSame(first, ws.scratch(0, 1, 10), "a smaller request");
        float[][] longer = ws.scratch(0, 1, 4000);
        assertNotSame(first, longer);
        assertEquals(2, longer.length, "keeps the larger count");
        assertEquals(4000, longer[0].length);
        float[][] more = ws.scratch(0, 3, 10);
        assertEquals(3, more.length);
        assertEquals(4000, more[2].length, "keeps the larger length");
        assertNotSame(more, ws.scratch(1, 3, 10), "another worker's own arrays");
        float[][] cols = ws.columns(0, 2, 512);
        assertNotSame(more, cols);
        assertSame(cols, ws.columns(0, 2, 512));
        assertSame(cols, ws.columns(0, 0, 0), "a pass without column values");
    }

    /**
     * Kept arrays are one per kept value, as long as the tensor, reused by every tensor that
     * fits and grown for a longer one.
     */
    @Test
    void keptArraysSpanTheTensorAndAreReused() {
        Workspace ws = new Workspace();
        float[][] kept = ws.kept(0, 2, 262144);
        assertEquals(2, kept.length);
        assertEquals(262144, kept[0].length);
        assertEquals(262144, kept[1].length);
        assertNotSame(kept[0], kept[1], "each kept value its own array");
        float[] first = kept[0];
        assertSame(first, ws.kept(0, 2, 262144)[0], "the next tensor's pass reuses them");
        assertSame(first, ws.kept(0, 1, 512)[0], "and so does a shorter tensor");
        assertNotSame(first, ws.kept(1, 2, 512)[0], "another worker's own arrays");
        float[] longer = ws.kept(0, 2, 300000)[0];
        assertNotSame(first, longer);
        assertEquals(300000, longer.length, "grown for a longer tensor");
    }

    @Test
    void passRunnersAreKeptPerWorkerForOnePlanAndLayout() throws java.io.IOException {
        org.optjit.phase.Plan lamb = plan("lamb");
        org.optjit.phase.Plan clip = plan("adamw_clipped");
        Geometry geo = new Geometry(org.optjit.Layout.builder().matrix("a", 3, 5).vector("b", 7).build());
        Workspace ws = new Workspace();
        PassRunner first = ws.runner(0, lamb, geo);
        assertSame(first, ws.runner(0, lamb, geo), "the next step's runner");
        PassRunner other = ws.runner(1, lamb, geo);
        assertNotSame(first, other, "another worker's own runner");
        assertSame(other, ws.runner(1, lamb, geo));
        PassRunner clipRunner = ws.runner(0, clip, geo);
        assertNotSame(first, clipRunner, "a runner belongs to one plan");
        Geometry wider = new Geometry(org.optjit.Layout.builder().matrix("a", 3, 9).build());
        assertNotSame(clipRunner, ws.runner(0, clip, wider), "and to one layout");
    }

    private static org.optjit.phase.Plan plan(String example) throws java.io.IOException {
        return org.optjit.Rule.load(java.nio.file.Path.of("examples", example + ".opt"))
                .compile(org.optjit.Backend.INTERPRETER).plan();
    }
}
