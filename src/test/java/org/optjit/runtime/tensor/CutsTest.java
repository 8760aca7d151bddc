package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calls of a pass over a tensor: they cover it in order, none is longer than asked, all
 * but the tensor's first and last start at an aligned index and hold whole 16s, and only the
 * 16 values around a block's start cross it (a call across a block's end cannot keep its
 * sums in registers).
 */
class CutsTest {

    private static final int STRIPES = 16;

    @ParameterizedTest
    @ValueSource(ints = {Cuts.TILE, Cuts.LONG})
    void callsCoverTheTensorAlignedAndCrossNoBlockButBy16(int length) {
        SplittableRandom r = new SplittableRandom(length);
        Cuts cuts = new Cuts();
        for (int trial = 0; trial < 400; trial++) {
            int from = r.nextInt(0, 1 << 20);
            int n = trial % 4 == 0 ? r.nextInt(1, 100) : r.nextInt(1, 5 * StripedSum.BLOCK);
            int end = from + n;
            int calls = cuts.cut(from, end, length);
            int crossing = 0;
            int lo = from;
            for (int c = 0; c < calls; c++) {
                int hi = cuts.end(c);
                String where = "tensor [" + from + ", " + end + "), call " + c + " [" + lo + ", " + hi + ")";
                assertTrue(hi > lo && hi - lo <= length, where);
                assertEquals(hi - lo, cuts.length(c, from), where);
                if (c > 0 && c < calls - 1) {
                    assertEquals(0, Math.floorMod(lo - Cuts.PHASE, STRIPES), where + " starts unaligned");
                    assertEquals(0, (hi - lo) % STRIPES, where + " is not whole 16s");
                }
                if (blockOf(lo, from) != blockOf(hi - 1, from)) {
                    crossing++;
                    assertTrue(hi - lo <= STRIPES, where + " crosses a block with more than 16 values");
                }
                lo = hi;
            }
            assertEquals(end, lo, "the calls end where the tensor does");
            assertTrue(crossing <= (n - 1) / StripedSum.BLOCK, "tensor [" + from + ", " + end + ")");
            // at most: the short start, whole 16s between the blocks' cuts, the short end
            assertTrue(calls <= n / length + 4 + 2 * (n / StripedSum.BLOCK), "a tensor of " + n + " takes " + calls + " calls");
            if (n < STRIPES) {
                assertEquals(1, calls, "a tensor of " + n);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 15, 16, 17})
    void theFirstCallEndsAtTheFirstAlignedIndexOnlyWhen16Follow(int n) {
        Cuts cuts = new Cuts();
        int from = Cuts.PHASE + 1;    // just past an aligned index
        int calls = cuts.cut(from, from + n, Cuts.TILE);
        int firstAligned = Cuts.PHASE + STRIPES;
        assertEquals(from + n - firstAligned >= STRIPES ? 2 : 1, calls);
    }

    private static int blockOf(int i, int from) {
        return (i - from) / StripedSum.BLOCK;
    }

    /**
     * A tensor's second pass asks for the same cut and reuses the first's; any other request
     * (another start, end or call length) cuts afresh, as a new {@link Cuts} would.
     */
    @Test
    void repeatedCutsEqualFreshOnes() {
        Cuts reused = new Cuts();
        int[][] requests = {{0, 300_000, Cuts.LONG}, {0, 300_000, Cuts.LONG}, {0, 300_000, Cuts.TILE},
            {5, 300_000, Cuts.TILE}, {5, 70_000, Cuts.TILE}, {5, 70_000, Cuts.LONG}, {0, 300_000, Cuts.LONG}};
        for (int[] q : requests) {
            Cuts fresh = new Cuts();
            int n = fresh.cut(q[0], q[1], q[2]);
            assertEquals(n, reused.cut(q[0], q[1], q[2]), "calls of " + java.util.Arrays.toString(q));
            for (int c = 0; c < n; c++) {
                assertEquals(fresh.end(c), reused.end(c), "end of call " + c + " of " + java.util.Arrays.toString(q));
            }
        }
    }
}
