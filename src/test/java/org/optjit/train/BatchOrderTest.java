package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

    @Test
    void eachEpochIsAPermutationDecidedBySeedAndEpoch() {
        BatchOrder a = new BatchOrder(7, 1000, BatchSize.of(64));
        BatchOrder b = new BatchOrder(7, 1000, BatchSize.of(64));
        int[] p1 = a.permutation(1);
        assertArrayEquals(p1, b.permutation(1), "same seed and epoch: same order");
        assertFalse(Arrays.equals(p1, a.permutation(2)), "a new shuffle each epoch");
        assertFalse(Arrays.equals(p1, new BatchOrder(8, 1000, BatchSize.of(64)).permutation(1)));
        int[] sorted = p1.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void theLastBatchTakesTheRemainder() {
        BatchOrder o = new BatchOrder(1, 100, BatchSize.of(32));
        assertEquals(4, o.stepsPerEpoch());
        assertEquals(96, o.from(3));
        assertEquals(100, o.to(3));
    }

    @Test
    void fullBatchIsOneStepOverEverything() {
        BatchOrder o = new BatchOrder(1, 100, BatchSize.FULL);
        assertEquals(1, o.stepsPerEpoch());
        assertEquals(0, o.from(0));
        assertEquals(100, o.to(0));
        assertEquals(BatchSize.FULL, BatchSize.parse("full"));
        assertEquals(128, BatchSize.parse(" 128 ").size());
    }
}
